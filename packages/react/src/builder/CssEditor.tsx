'use client';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { useId } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues, hasError } from './FieldIssues.tsx';
import { ScopeNote } from './ScopeNote.tsx';

export interface CssEditorProps {
  value: string;
  /** Issues at `/css` that are about the CSS text (contrast ones are shown with the colours). */
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(value: string): void;
}

export function CssEditor({ value, issues, messages, onChange }: CssEditorProps) {
  const id = useId();
  return (
    <fieldset className="vgb-fieldset">
      <legend>{messages.customCss}</legend>
      <ScopeNote scope="spec" messages={messages} id={`${id}-scope`}>
        {messages.cssScopeHint}
      </ScopeNote>
      <div className="vgb-field">
        <label htmlFor={id}>{messages.customCss}</label>
        <textarea
          id={id}
          className="vgb-code"
          rows={8}
          spellCheck={false}
          value={value}
          aria-invalid={hasError(issues) || undefined}
          aria-describedby={[`${id}-scope`, `${id}-hint`, issues.length ? `${id}-issues` : '']
            .filter(Boolean)
            .join(' ')}
          onChange={(e) => onChange(e.target.value)}
        />
        <p id={`${id}-hint`} className="vgb-hint">
          {messages.cssHint}
        </p>
        <FieldIssues id={`${id}-issues`} issues={issues} messages={messages} />
      </div>
    </fieldset>
  );
}
