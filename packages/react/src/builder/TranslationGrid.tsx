'use client';
import { LOCALES, type Locale } from '@verigram-kit/core';
import {
  type FlowUiDraft,
  type FlowUiIssue,
  jsonPointer,
  TRANSLATION_CATALOG,
  TRANSLATION_KEYS,
} from '@verigram-kit/core/ui';
import { useId, useMemo, useState } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { FieldIssues, hasError } from './FieldIssues.tsx';
import { ScopeNote } from './ScopeNote.tsx';

export interface TranslationGridProps {
  draft: FlowUiDraft;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
  onChange(locale: Locale, key: string, value: string): void;
}

type CatalogEntry = { description: string; defaults: Record<Locale, string> };
// Own keys only: a key of the user's such as `valueOf` or `constructor` is not the catalog's.
const entryOf = (key: string): CatalogEntry | undefined =>
  Object.hasOwn(TRANSLATION_CATALOG, key)
    ? (TRANSLATION_CATALOG as Record<string, CatalogEntry>)[key]
    : undefined;

/**
 * Keys × kk/ru/en, with search, a "missing only" filter and per-locale counts of overrides. The
 * listed keys are the sandbox page's; the spec's `translation` takes any key, so any can be added
 * (a key outside the catalog gets core's translation.key_unknown note, never an error).
 */
export function TranslationGrid({ draft, issues, messages, onChange }: TranslationGridProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [missingOnly, setMissingOnly] = useState(false);
  const [newKey, setNewKey] = useState('');
  const [newLocale, setNewLocale] = useState<Locale>(LOCALES[0]);
  const [newText, setNewText] = useState('');
  const canAdd = newKey.trim() !== '' && newText.trim() !== '';
  const addKey = () => {
    if (!canAdd) return;
    onChange(newLocale, newKey.trim(), newText);
    setNewKey('');
    setNewText('');
  };
  const own = (locale: Locale) => draft.translation[locale] ?? {};
  // Keys outside the catalog (added here or imported) come first, where a key just added is seen.
  const keys = useMemo(() => {
    const extra = new Set<string>();
    for (const locale of LOCALES)
      for (const key of Object.keys(draft.translation[locale] ?? {})) if (!entryOf(key)) extra.add(key);
    return [...[...extra].sort(), ...TRANSLATION_KEYS];
  }, [draft.translation]);
  // "Missing" as the checks define it (translation.keys_missing): a key one locale overrides and
  // another does not, so some users read the brand's wording and others the page's own. A key
  // nobody overrides shows the page's own text everywhere and is not missing anything.
  const missing = new Set(
    issues.flatMap((i) => (i.code === 'translation.keys_missing' ? i.params.keys : [])),
  );
  const needle = query.trim().toLowerCase();
  const rows = keys.filter((key) => {
    if (missingOnly && !missing.has(key)) return false;
    if (!needle) return true;
    const texts = [
      key,
      entryOf(key)?.description ?? '',
      ...LOCALES.flatMap((l) => [own(l)[key] ?? '', entryOf(key)?.defaults[l] ?? '']),
    ];
    return texts.some((t) => t.toLowerCase().includes(needle));
  });
  return (
    <fieldset className="vgb-fieldset vgb-texts">
      <legend>{messages.translations}</legend>
      <ScopeNote scope="spec" messages={messages}>
        {messages.textsHint}
      </ScopeNote>
      <div className="vgb-row vgb-toolbar">
        <label htmlFor={`${id}-search`}>{messages.search}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="vgb-check">
          <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} />
          {messages.missingOnly}
        </label>
      </div>
      <ul className="vgb-counts" aria-label={messages.translations}>
        {LOCALES.map((locale) => (
          <li key={locale} data-locale={locale}>
            <strong>{locale}</strong>{' '}
            {messages.overridden(
              TRANSLATION_KEYS.filter((k) => own(locale)[k] !== undefined).length,
              TRANSLATION_KEYS.length,
            )}
          </li>
        ))}
      </ul>
      <div className="vgb-table-wrap">
        <table className="vgb-table">
          {/* Fixed layout: the three language columns share what the key leaves, so none is cut off. */}
          <colgroup>
            <col className="vgb-key-col" />
            {LOCALES.map((locale) => (
              <col key={locale} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{messages.key}</th>
              {LOCALES.map((locale) => (
                <th scope="col" key={locale}>
                  {locale}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((key) => (
              <tr key={key} data-key={key}>
                <th scope="row">
                  <code>{key}</code>
                  <span className="vgb-hint">{entryOf(key)?.description ?? messages.customKey}</span>
                </th>
                {LOCALES.map((locale) => {
                  const path = jsonPointer('translation', locale, key);
                  const cellIssues = issues.filter((i) => i.path === path);
                  const issuesId = `${id}-${locale}-${key}-issues`;
                  return (
                    <td key={locale} data-locale={locale}>
                      <input
                        type="text"
                        aria-label={messages.cellLabel(key, locale)}
                        value={own(locale)[key] ?? ''}
                        placeholder={entryOf(key)?.defaults[locale] ?? ''}
                        aria-invalid={hasError(cellIssues) || undefined}
                        aria-describedby={cellIssues.length ? issuesId : undefined}
                        onChange={(e) => onChange(locale, key, e.target.value)}
                      />
                      <FieldIssues id={issuesId} issues={cellIssues} messages={messages} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="vgb-hint">{messages.noMatches}</p>}
      </div>
      <fieldset className="vgb-add-key">
        <legend>{messages.addKey}</legend>
        <div className="vgb-add-key-row">
          <div className="vgb-field">
            <label htmlFor={`${id}-new-key`}>{messages.newKey}</label>
            <input
              id={`${id}-new-key`}
              type="text"
              value={newKey}
              onChange={(e) => setNewKey(e.target.value)}
            />
          </div>
          <div className="vgb-field">
            <label htmlFor={`${id}-new-locale`}>{messages.language}</label>
            <select
              id={`${id}-new-locale`}
              value={newLocale}
              onChange={(e) => setNewLocale(e.target.value as Locale)}
            >
              {LOCALES.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </div>
          <div className="vgb-field">
            <label htmlFor={`${id}-new-text`}>{messages.text}</label>
            <input
              id={`${id}-new-text`}
              type="text"
              value={newText}
              onChange={(e) => setNewText(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && addKey()}
            />
          </div>
          <button type="button" disabled={!canAdd} onClick={addKey}>
            {messages.add}
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}
