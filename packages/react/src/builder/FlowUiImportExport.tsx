'use client';
import type { FlowConfigUi } from '@verigram-kit/core';
import {
  type CheckFlowUiOptions,
  type FlowUiIssue,
  flowUiToCurl,
  flowUiToJson,
  flowUiToPresetSnippet,
  flowUiToTypeScript,
  listSandboxOnlyFields,
  parseFlowUiJson,
} from '@verigram-kit/core/ui';
import { useContext, useId, useState } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues } from './FieldIssues.tsx';
import { IssueTextContext } from './loadIssueText.ts';
import { ScopeNote } from './ScopeNote.tsx';

export type ExportFormat = 'json' | 'ts' | 'curl' | 'preset';

export interface FlowUiImportExportProps {
  ui: FlowConfigUi;
  messages: BuilderMessages;
  validation: CheckFlowUiOptions | undefined;
  /** Preset name for the `uiPresets` export. */
  defaultPresetName: string;
  /** Options of the curl export (base URL, placeholder key…). */
  curl: Parameters<typeof flowUiToCurl>[1];
  /** Error-severity issues of the draft: while there are any, nothing is exported. */
  errors: number;
  /** Moves focus to the first field in error (the "go to the first error" button). */
  onFirstError(): void;
  onImport(ui: FlowConfigUi): void;
}

const FILE_NAMES: Record<ExportFormat, [string, string]> = {
  json: ['flow-ui.json', 'application/json'],
  ts: ['flow-ui.ts', 'text/plain'],
  curl: ['create-flow.sh', 'text/plain'],
  preset: ['ui-presets.ts', 'text/plain'],
};

export function FlowUiImportExport({
  ui,
  messages,
  validation,
  defaultPresetName,
  curl,
  errors,
  onFirstError,
  onImport,
}: FlowUiImportExportProps) {
  const id = useId();
  const issueText = useContext(IssueTextContext);
  // A backend must never get a config with errors: the code is not shown, so it cannot
  // be copied, and Download stays focusable (aria-disabled) so it can say why it does nothing.
  const blocked = errors > 0;
  // JSON has no comments, so the builder itself says which fields only the sandbox page is known
  // to read; the TypeScript, curl and preset exports also carry it as comment lines.
  const sandboxOnly = listSandboxOnlyFields(ui);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ ok: boolean; issues: FlowUiIssue[] } | null>(null);
  const [format, setFormat] = useState<ExportFormat>('json');
  const [presetName, setPresetName] = useState(defaultPresetName);

  const importText = (json: string) => {
    const parsed = parseFlowUiJson(json, validation);
    setResult({ ok: parsed.ok, issues: parsed.issues.filter((i) => i.severity === 'error') });
    if (parsed.ok) onImport(parsed.ui);
  };

  let output: string;
  try {
    output =
      format === 'json'
        ? flowUiToJson(ui)
        : format === 'ts'
          ? flowUiToTypeScript(ui)
          : format === 'curl'
            ? flowUiToCurl(ui, curl)
            : flowUiToPresetSnippet(presetName, ui);
  } catch (error) {
    output = error instanceof Error ? error.message : String(error);
  }

  const download = () => {
    if (blocked) return;
    const [name, type] = FILE_NAMES[format];
    const url = URL.createObjectURL(new Blob([output], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <fieldset className="vgb-fieldset">
      <legend>{messages.importExport}</legend>
      <div className="vgb-field">
        <label htmlFor={`${id}-import`}>{messages.importJson}</label>
        <textarea
          id={`${id}-import`}
          className="vgb-code"
          rows={4}
          spellCheck={false}
          value={text}
          aria-describedby={result ? `${id}-result` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="vgb-row">
          <button type="button" disabled={text.trim() === ''} onClick={() => importText(text)}>
            {messages.importButton}
          </button>
          <span className="vgb-file">
            <input
              id={`${id}-file`}
              type="file"
              accept="application/json,.json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) importText(await file.text());
                e.target.value = '';
              }}
            />
            <label htmlFor={`${id}-file`} className="vgb-button">
              {messages.importFile}
            </label>
          </span>
        </div>
        <div id={`${id}-result`} role="status">
          {result?.ok && <p className="vgb-hint">{messages.imported}</p>}
          {result && !result.ok && (
            <>
              <p className="vgb-issue" data-severity="error">
                {messages.importFailed(result.issues[0] && issueText ? issueText(result.issues[0]) : '')}
              </p>
              <FieldIssues id={`${id}-import-issues`} issues={result.issues.slice(1)} messages={messages} />
            </>
          )}
        </div>
      </div>
      <div className="vgb-row">
        <label htmlFor={`${id}-format`}>{messages.exportFormat}</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          <option value="json">{messages.formatJson}</option>
          <option value="ts">{messages.formatTs}</option>
          <option value="curl">{messages.formatCurl}</option>
          <option value="preset">{messages.formatPreset}</option>
        </select>
        {format === 'preset' && (
          <>
            <label htmlFor={`${id}-preset`}>{messages.presetName}</label>
            <input
              id={`${id}-preset`}
              type="text"
              value={presetName}
              onChange={(e) => setPresetName(e.target.value)}
            />
          </>
        )}
        <button
          type="button"
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? `${id}-blocked` : undefined}
          onClick={download}
        >
          {messages.download}
        </button>
      </div>
      {sandboxOnly.length > 0 && (
        <ScopeNote scope="sandbox" messages={messages} id={`${id}-sandbox-only`}>
          {messages.exportNote(sandboxOnly.join(', '))}
        </ScopeNote>
      )}
      {blocked ? (
        <div className="vgb-row">
          <p id={`${id}-blocked`} className="vgb-issue" data-severity="error">
            {messages.exportBlocked(errors)}
          </p>
          <button type="button" onClick={onFirstError}>
            {messages.firstError}
          </button>
        </div>
      ) : (
        <div className="vgb-field">
          <label htmlFor={`${id}-output`}>{messages.exportOutput}</label>
          <textarea
            id={`${id}-output`}
            className="vgb-code"
            rows={10}
            readOnly
            spellCheck={false}
            value={output}
            aria-describedby={sandboxOnly.length > 0 ? `${id}-sandbox-only` : undefined}
          />
        </div>
      )}
    </fieldset>
  );
}
