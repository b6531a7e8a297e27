import { type EmbedMode, type FlowHandle, preflightCamera, returnedFlow } from '@verigram-kit/core';
import { type ComponentType, createElement, lazy, Suspense } from 'react';
import FlowModal, { type FlowModalProps } from './FlowModal.tsx';
import type { FlowSessionHost, FlowWindows } from './flowSession.ts';
import type { FlowWindowControlsProps } from './flowWindow.tsx';

// Each mode is a value the app imports, so a bundler drops every mode the app does not use: an
// inline-only app carries neither the dialog, the window code nor the camera pre-flight. popupMode
// and redirectMode live with the window code (flowWindow.tsx), so that autoMode, which fetches
// that code only when it needs a window, does not bring it in statically.

/**
 * How `<VerigramFlow>` shows the hosted page when not inline: {@link modalMode}, {@link popupMode},
 * {@link redirectMode} or {@link autoMode}. Inline (an iframe in place) is the default and needs none.
 */
export interface VerigramFlowMode {
  /** The mode's name, as `controller.mode` reports it once known (`auto` resolves to another). */
  readonly name: 'modal' | 'popup' | 'redirect' | 'auto';
  /** @internal The dialog around the frame (modal). */
  readonly Dialog?: ComponentType<FlowModalProps> | undefined;
  /** @internal The start button and the note while the window is open (popup, redirect). */
  readonly Controls?: ComponentType<FlowWindowControlsProps> | undefined;
  /**
   * @internal Opens and watches the window, or leaves for the hosted page (popup, redirect, auto),
   * made once the flow is known to need a window (auto fetches its code only then).
   */
  readonly windows?: ((host: FlowSessionHost) => FlowWindows | Promise<FlowWindows>) | undefined;
  /** @internal The flow this page load came back with from the callback page (redirect's round trip). */
  readonly returned?: (() => FlowHandle | null) | undefined;
  /** @internal What the mode becomes for this flow (auto: what the camera pre-flight allows). */
  readonly pick?: ((handle: FlowHandle, allow: string) => EmbedMode) | undefined;
}

/** The iframe in a dialog: focus trapped inside, closing asks first, focus returned on close. */
export const modalMode: VerigramFlowMode = { name: 'modal', Dialog: FlowModal };

/**
 * A camera pre-flight picks inline, else popup, else redirect; a camera error reported by the
 * inline page also moves on to popup, a blocked popup to redirect. The window code is fetched only
 * when one of those is picked: where the frame works, an app pays for the pre-flight alone.
 */
const AutoControls = /* @__PURE__ */ lazy(() => import('./flowWindow.tsx'));

export const autoMode: VerigramFlowMode = {
  name: 'auto',
  // Its window code (and these controls with it) comes once a window is needed.
  Controls: (props) => createElement(Suspense, null, createElement(AutoControls, props)),
  windows: (host) => import('./flowWindow.tsx').then((m) => m.createFlowWindows(host)),
  returned: () => returnedFlow(location.search),
  pick: (handle, allow) => preflightCamera({ allow, frameOrigin: new URL(handle.vlink).origin }).mode,
};
