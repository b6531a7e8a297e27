'use client';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { useId, useState } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues, hasError } from './FieldIssues.tsx';

export interface ImageUrlFieldProps {
  label: string;
  previewLabel: string;
  /** Label of the image-file button. */
  fileLabel: string;
  value: string | undefined;
  /** Shown as placeholder and previewed when the field is empty. */
  fallback: string;
  /** Id of the hint both image fields share (the policy's allowed hosts, said before typing). */
  hintId: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(value: string): void;
}

const readAsDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * A logo/favicon URL input with an image preview and its inline errors. An image file becomes an
 * inline `data:image/…` URL, which the FlowConfigUi policy accepts from any source (it makes no
 * request), so a brand whose logo lives on a host the proxy does not allow can still show it.
 */
export function ImageUrlField({
  label,
  previewLabel,
  fileLabel,
  value,
  fallback,
  hintId,
  issues,
  messages,
  onChange,
}: ImageUrlFieldProps) {
  const id = useId();
  const src = value && !hasError(issues) ? value : value ? null : fallback;
  // Remembered per URL, so typing a new one retries.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const failed = src !== null && failedSrc === src;
  const inline = value?.startsWith('data:') ?? false;
  const describedBy = [hintId, issues.length ? `${id}-issues` : '', failed && value ? `${id}-failed` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="vgb-field vgb-image-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        spellCheck={false}
        // A data: URL is kilobytes of base64: shown as a short note, never as the input's text.
        value={inline ? '' : (value ?? '')}
        placeholder={inline ? messages.imageInline : fallback}
        aria-invalid={hasError(issues) || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="vgb-row">
        <span className="vgb-file">
          <input
            id={`${id}-file`}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) onChange(await readAsDataUrl(file));
            }}
          />
          <label htmlFor={`${id}-file`} className="vgb-button">
            {fileLabel}
          </label>
        </span>
        {inline && (
          <button type="button" className="vgb-link" onClick={() => onChange('')}>
            {messages.clearImage}
          </button>
        )}
      </div>
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
