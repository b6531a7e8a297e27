'use client';
// Everything popup, redirect and auto mode need; only their mode values (verigramFlowModes.ts)
// refer to it, so an app that embeds inline or in a dialog does not carry it.
import {
  clearResume,
  createFlowEmbed,
  type EmbedMode,
  type FlowEmbed,
  type FlowHandle,
  type Locale,
  RETURN_KEY,
  returnedFlow,
  saveRedirectReturn,
  VerigramKitError,
} from '@verigram-kit/core';
import type { FlowSession, FlowSessionHost, FlowWindows } from './flowSession.ts';
import type { VerigramFlowStatus } from './useVerigramFlow.ts';
import type { VerigramFlowMode } from './verigramFlowModes.ts';

const WIDTH = 480;
const HEIGHT = 760;

/** Popup, redirect and auto mode for one `useVerigramFlow` instance. */
export function createFlowWindows(host: FlowSessionHost): FlowWindows {
  let popup: FlowEmbed | undefined;
  // Read once: the way back is forgotten when the flow completes, which may happen before show().
  const back = returnedFlow(location.search);
  const leave = (handle: FlowHandle) => {
    saveRedirectReturn(handle, location.href);
    location.assign(handle.vlink);
  };
  const close = () => popup?.destroy();

  return {
    /** Popup and redirect show a start button; redirect leaves at once unless it just came back. */
    show(handle: FlowHandle, mode: EmbedMode | 'modal'): boolean {
      if (mode !== 'popup' && mode !== 'redirect') return false;
      host.setStatus('ready');
      // Back from the callback page: the gate decides; never bounce the user straight back.
      if (mode === 'redirect' && back?.flowId !== handle.flowId) leave(handle);
      return true;
    },
    /** The start button: opens the window (inside the user's click, for popup blockers) or leaves. */
    start(handle: FlowHandle, mode: EmbedMode | 'modal', session: FlowSession) {
      if (mode === 'redirect') return leave(handle);
      // No `noopener`: the hosted page and the callback page reach this window through `opener`.
      const win = open(
        handle.vlink,
        `verigram-${handle.flowId}`,
        `popup,width=${WIDTH},height=${HEIGHT},left=${Math.max(0, screenX + (outerWidth - WIDTH) / 2)},top=${Math.max(0, screenY + (outerHeight - HEIGHT) / 2)}`,
      );
      if (!win) {
        session.report(
          new VerigramKitError({
            errorCode: 'POPUP_BLOCKED',
            errorMsg: 'The browser blocked the verification window.',
          }),
        );
        if (host.latest.current.mode?.name === 'auto') host.setMode('redirect');
        return;
      }
      close();
      const embed = createFlowEmbed(
        session.embedOptions('popup', {
          // Closed early, or closed once done: only the server can tell which.
          onClose: () =>
            session.gate.check().then(() => {
              if (session.gate.done) return;
              host.setStatus('ready');
              host.latest.current.onCancel?.();
            }),
        }),
      );
      embed.attach(win);
      popup = embed;
      host.setStatus('popup');
    },
    close,
    complete() {
      close();
      clearResume(RETURN_KEY);
    },
  };
}

// A const enum: the build writes the bare index, so the names cost no bytes.
enum Text {
  Start = 0,
  WindowOpen = 1,
  Continue = 2,
}
const STRINGS: Record<Locale, readonly [start: string, windowOpen: string, resume: string]> = {
  en: ['Start verification', 'Verification is open in another window.', 'Continue verification'],
  ru: ['Начать проверку', 'Проверка открыта в другом окне.', 'Продолжить проверку'],
  kk: ['Тексеруді бастау', 'Тексеру басқа терезеде ашық.', 'Тексеруді жалғастыру'],
};

export interface FlowWindowControlsProps {
  status: VerigramFlowStatus;
  locale?: Locale | undefined;
  onStart(): void;
}

/**
 * The start button of popup and redirect modes (a "continue" button for a person back from the
 * hosted page before the end), and the note while the window is open.
 */
export default function FlowWindowControls({ status, locale, onStart }: FlowWindowControlsProps) {
  const t = STRINGS[locale ?? 'en'] ?? STRINGS.en;
  if (status === 'popup') return <p role="status">{t[Text.WindowOpen]}</p>;
  // Shown only once the flow is known (after effects, never on the server); the return entry is
  // forgotten when the flow ends, and the flow shown is the one the address came back with.
  const back = returnedFlow(location.search);
  return status === 'ready' ? (
    <button type="button" onClick={onStart}>
      {t[back ? Text.Continue : Text.Start]}
    </button>
  ) : null;
}

/** A button opens the hosted page in a window of its own (where frames get no camera). */
export const popupMode: VerigramFlowMode = {
  name: 'popup',
  Controls: FlowWindowControls,
  windows: createFlowWindows,
  returned: () => returnedFlow(location.search),
};

/**
 * The whole tab goes to the hosted page and comes back through the callback page
 * (`<VerigramCallback>` or the kit's `callback.html`), which returns to the page that started it.
 */
export const redirectMode: VerigramFlowMode = {
  name: 'redirect',
  Controls: FlowWindowControls,
  windows: createFlowWindows,
  returned: () => returnedFlow(location.search),
};
