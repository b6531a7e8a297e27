'use client';
import { type FlowUiIssue, normalizeHexColor } from '@verigram-kit/core/ui';
import { useId } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues, hasError } from './FieldIssues.tsx';

export interface ColorTokenFieldProps {
  label: string;
  hint: string;
  /** The token as typed (may be an unfinished hex); `undefined` = unset. */
  value: string | undefined;
  /** The colour in effect when unset (the theme's, or the computed on-primary). */
  fallback: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(value: string | undefined): void;
}

/** A colour picker and a hex text field bound to one brand token, plus a reset button. */
export function ColorTokenField({
  label,
  hint,
  value,
  fallback,
  issues,
  messages,
  onChange,
}: ColorTokenFieldProps) {
  const id = useId();
  const swatch = (value && normalizeHexColor(value)) ?? normalizeHexColor(fallback) ?? '#000000';
  const describedBy = [`${id}-hint`, issues.length ? `${id}-issues` : ''].filter(Boolean).join(' ');
  return (
    <div className="vgb-field vgb-color-field">
      <label htmlFor={id}>{label}</label>
      <div className="vgb-row">
        <input
          type="color"
          aria-label={messages.colorPicker(label)}
          value={swatch}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={value ?? ''}
          placeholder={fallback}
          aria-invalid={hasError(issues) || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value || undefined)}
        />
        {/* Kept in the layout when there is nothing to reset (no jump while typing), but unseen:
            a greyed-out bordered button reads as one more empty field. */}
        <button
          type="button"
          className="vgb-link"
          aria-label={messages.reset(label)}
          disabled={value === undefined}
          onClick={() => onChange(undefined)}
        >
          {messages.resetShort}
        </button>
      </div>
      <p id={`${id}-hint`} className="vgb-hint">
        {hint}
      </p>
      <FieldIssues id={`${id}-issues`} issues={issues} messages={messages} />
    </div>
  );
}
