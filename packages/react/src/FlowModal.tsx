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
const STRINGS: Record<
  Locale,
  readonly [dialogName: string, close: string, confirmStop: string, keepGoing: string, stop: string]
> = {
  en: [
    'Identity verification',
    'Close',
    'Stop the verification? Your progress may be lost.',
    'Continue',
    'Stop',
  ],
  ru: [
    'Проверка личности',
    'Закрыть',
    'Прервать проверку? Прогресс может быть потерян.',
    'Продолжить',
    'Прервать',
  ],
  kk: [
    'Жеке басты растау',
    'Жабу',
    'Тексеруді тоқтатасыз ба? Прогресс жоғалуы мүмкін.',
    'Жалғастыру',
    'Тоқтату',
  ],
};

const FOCUSABLE = 'button, [href], iframe, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export interface FlowModalProps {
  locale?: Locale | undefined;
  /** The user confirmed closing. */
  onClose(): void;
  children: ReactNode;
}

/**
 * `<VerigramFlow mode="modal">`'s dialog (lazy chunk): focus trapped inside, Escape or the close
 * button ask for confirmation first, page scroll locked, `aria-modal`, focus returned on close.
 */
export default function FlowModal({ locale, onClose, children }: FlowModalProps) {
  const t = STRINGS[locale ?? 'en'] ?? STRINGS.en;
  const dialog = useRef<HTMLDivElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();

  useEffect(() => {
    const node = dialog.current as HTMLDivElement;
    const previous = document.activeElement as HTMLElement | null;
    const { overflow } = document.body.style;
    document.body.style.overflow = 'hidden';
    node.focus();
    const focusables = () => [...node.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        setConfirming(true);
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
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
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
        aria-label={t[Text.DialogName]}
        tabIndex={-1}
        style={{
          position: 'relative',
          width: 'min(560px, 100%)',
          maxHeight: '100%',
          overflow: 'auto',
          // Themed like every kit component, through --vgk-* properties on any ancestor.
          background: 'var(--vgk-color-surface, #fff)',
          color: 'var(--vgk-color-text, #111)',
          borderRadius: 'var(--vgk-radius, 12px)',
          padding: '40px 8px 8px',
        }}
      >
        <button
          type="button"
          aria-label={t[Text.Close]}
          onClick={() => setConfirming(true)}
          style={{ position: 'absolute', top: 4, right: 4, minWidth: 32, minHeight: 32 }}
        >
          ×
        </button>
        {confirming && (
          <div role="alertdialog" aria-modal="true" aria-labelledby={questionId}>
            <p id={questionId}>{t[Text.ConfirmStop]}</p>
            <button type="button" ref={keep} onClick={() => setConfirming(false)}>
              {t[Text.KeepGoing]}
            </button>{' '}
            <button type="button" onClick={onClose}>
              {t[Text.Stop]}
            </button>
          </div>
        )}
        {children}
      </div>
    </div>,
    document.body,
  );
}
