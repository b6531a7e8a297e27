'use client';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { useId, useState } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues, hasError } from './FieldIssues.tsx';

export interface ImageUrlFieldProps {
  label: string;
  previewLabel: string;
  value: string | undefined;
  /** Shown as placeholder and previewed when the field is empty. */
  fallback: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(value: string): void;
}

/** A logo/favicon URL input with an image preview and its inline errors. */
export function ImageUrlField({
  label,
  previewLabel,
  value,
  fallback,
  issues,
  messages,
  onChange,
}: ImageUrlFieldProps) {
  const id = useId();
  const src = value && !hasError(issues) ? value : value ? null : fallback;
  // Remembered per URL, so typing a new one retries.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const failed = src !== null && failedSrc === src;
  const describedBy = [
    `${id}-hint`,
    issues.length ? `${id}-issues` : '',
    failed && value ? `${id}-failed` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="vgb-field vgb-image-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        value={value ?? ''}
        placeholder={fallback}
        aria-invalid={hasError(issues) || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="vgb-hint">
        {messages.urlHint}
      </p>
      <FieldIssues id={`${id}-issues`} issues={issues} messages={messages} />
      {src && !failed && (
        <img className="vgb-image-preview" src={src} alt={previewLabel} onError={() => setFailedSrc(src)} />
      )}
      {/* Only the designer's own URL is worth a warning; the default may be unreachable offline. */}
      {failed && value && (
        <p id={`${id}-failed`} className="vgb-issue" data-severity="warning">
          {messages.imageFailed}
        </p>
      )}
    </div>
  );
}
