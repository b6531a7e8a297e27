'use client';
import type { Locale } from '@verigram-kit/core';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

// A const enum: the build writes the bare index, so the names cost no bytes.
enum Text {
  DialogName = 0,
  Close = 1,
  ConfirmStop = 2,
  KeepGoing = 3,
  Stop = 4,
}
// The two answers name what they do, so neither reads like the hosted page's own "Continue".
const STRINGS: Record<
  Locale,
  readonly [dialogName: string, close: string, confirmStop: string, keepGoing: string, stop: string]
> = {
  en: [
    'Identity verification',
    'Close',
    'Stop the verification? What you have done so far may be lost.',
    'Keep verifying',
    'Stop verification',
  ],
  ru: [
    'Проверка личности',
    'Закрыть',
    'Остановить проверку? Пройденные шаги могут не сохраниться.',
    'Продолжить проверку',
    'Остановить проверку',
  ],
  kk: [
    'Жеке басты растау',
    'Жабу',
    'Тексеруді тоқтатасыз ба? Өткен қадамдар сақталмауы мүмкін.',
    'Тексеруді жалғастыру',
    'Тексеруді тоқтату',
  ],
};

const FOCUSABLE = 'button, [href], iframe, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * Dispatched (bubbling) on the frame's container by flowSession.ts when the hosted page sends
 * `close_request`: Escape pressed inside the page, which this document never sees (another
 * origin). Only the sandbox's page sends it; Verigram's documents no messages.
 */
const CLOSE_REQUEST_EVENT = 'verigram-close-request';

export interface FlowModalProps {
  locale?: Locale | undefined;
  /** The user confirmed closing. */
  onClose(): void;
  children: ReactNode;
}

/**
 * `<VerigramFlow mode={modalMode}>`'s dialog: focus trapped inside, Escape or the close
 * button ask for confirmation first, page scroll locked, `aria-modal`, focus returned on close.
 * Its look is `styles.css` (`.vgk-modal*`, themed through `--vgk-*`); the inline styles are what
 * must hold without it: the overlay, and full screen on a phone, where the camera needs the room.
 */
export default function FlowModal({ locale, onClose, children }: FlowModalProps) {
  const t = STRINGS[locale ?? 'en'] ?? STRINGS.en;
  const dialog = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const questionId = useId();

  useEffect(() => {
    const node = dialog.current as HTMLDivElement;
    const previous = document.activeElement as HTMLElement | null;
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    node.focus();
    const focusables = () => [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const ask = () => setConfirming(true);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        ask();
      } else if (event.key === 'Tab') {
        const all = focusables();
        const first = all[0];
        const last = all[all.length - 1];
        if (event.shiftKey && (document.activeElement === first || document.activeElement === node)) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
      }
    };
    // Tab from inside the cross-origin frame never reaches this document's keydown; focus landing
    // outside the dialog is caught here instead and brought back.
    const onFocusIn = (event: FocusEvent) => {
      if (!node.contains(event.target as Node)) (focusables()[0] ?? node).focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    node.addEventListener(CLOSE_REQUEST_EVENT, ask);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      node.removeEventListener(CLOSE_REQUEST_EVENT, ask);
      document.body.style.overflow = overflow;
      previous?.focus?.();
    };
  }, []);

  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);

  return createPortal(
    <div
      data-verigram-modal=""
      className="vgk-modal"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2147483000,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'rgba(0,0,0,.55)',
      }}
    >
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className="vgk-modal__dialog"
        data-state={confirming ? 'confirming' : 'open'}
        style={{
          position: 'relative',
          display: 'flex',
          flexDirection: 'column',
          boxSizing: 'border-box',
          width: 'min(560px, 100%)',
          maxHeight: '100%',
          // Under 600 px wide (a phone) the dialog takes the whole screen, with square corners:
          // the camera step needs the room. A media query cannot be inline; this clamp is one.
          minHeight: 'clamp(0px, (600px - 100vw) * 999, 100%)',
          // Themed like every kit component, through --vgk-* properties on any ancestor.
          background: 'var(--vgk-color-surface, #fff)',
          color: 'var(--vgk-color-text, #1f2328)',
          borderRadius: 'clamp(0px, (100vw - 600px) * 999, var(--vgk-radius, 12px))',
        }}
      >
        <div className="vgk-modal__bar">
          <p id={titleId} className="vgk-modal__title">
            {t[Text.DialogName]}
          </p>
          <button
            type="button"
            className="vgk-modal__close"
            aria-label={t[Text.Close]}
            onClick={() => setConfirming(true)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </div>
        {confirming && (
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby={questionId}
            className="vgk-modal__confirm"
          >
            <p id={questionId}>{t[Text.ConfirmStop]}</p>
            <div className="vgk-modal__actions">
              <button
                type="button"
                ref={keep}
                className="vgk-button"
                data-variant="primary"
                onClick={() => setConfirming(false)}
              >
                {t[Text.KeepGoing]}
              </button>
              <button type="button" className="vgk-button" data-variant="danger" onClick={onClose}>
                {t[Text.Stop]}
              </button>
            </div>
          </div>
        )}
        <div className="vgk-modal__body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}
