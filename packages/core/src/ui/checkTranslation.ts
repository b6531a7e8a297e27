// FlowConfigUi.translation: {locale: {key: text}} over the page's locales (spec: FlowConfigUi).
import { LOCALES } from '../api/constants.ts';
import type { Locale } from '../api/schemas.ts';
import { type FlowUiIssue, jsonPointer } from './flowUiIssue.ts';
import { TRANSLATION_CATALOG, TRANSLATION_KEYS } from './translationCatalog.ts';

const placeholders = (text: string) =>
  new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] as string));

/**
 * Every problem of FlowConfigUi.translation. The spec's translation is a free
 * {locale: {key: text}} map over the page's locales; keys, placeholders and missing overrides are
 * checked against the sandbox page's catalog, as notes and warnings only.
 */
export function checkTranslation(value: unknown, missingSeverity: 'warning' | 'info'): FlowUiIssue[] {
  const issues: FlowUiIssue[] = [];
  if (value === undefined) return issues;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({
      path: '/translation',
      severity: 'error',
      code: 'translation.invalid',
      params: {},
      message: 'translation must be an object of the form {locale: {key: text}}.',
    });
    return issues;
  }
  const overridden = new Map<Locale, Set<string>>();
  for (const [name, messages] of Object.entries(value)) {
    const locale = name as Locale; // checked right below
    const localePath = jsonPointer('translation', locale);
    if (!LOCALES.includes(locale)) {
      issues.push({
        path: localePath,
        severity: 'error',
        code: 'translation.locale_unknown',
        params: { locale, supported: LOCALES },
        message: `Unknown locale "${locale}"; the page supports ${LOCALES.join(', ')}.`,
      });
      continue;
    }
    if (typeof messages !== 'object' || messages === null || Array.isArray(messages)) {
      issues.push({
        path: localePath,
        severity: 'error',
        code: 'translation.locale_invalid',
        params: { locale },
        message: `translation.${locale} must be an object of {key: text}.`,
      });
      continue;
    }
    const keys = new Set<string>();
    overridden.set(locale, keys);
    for (const [key, text] of Object.entries(messages as Record<string, unknown>)) {
      const path = jsonPointer('translation', locale, key);
      if (typeof text !== 'string') {
        issues.push({
          path,
          severity: 'error',
          code: 'translation.value_invalid',
          params: { locale, key },
          message: `${locale} "${key}" must be a string.`,
        });
        continue;
      }
      keys.add(key);
      if (text.trim() === '') {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.value_empty',
          params: { locale, key },
          message: `${locale} "${key}" is empty; the page would show nothing there. Remove it to keep the default.`,
        });
        continue;
      }
      // Own keys only: a key such as `valueOf` must not find Object.prototype's.
      const entry = Object.hasOwn(TRANSLATION_CATALOG, key)
        ? (TRANSLATION_CATALOG as Record<string, { defaults: Record<string, string> }>)[key]
        : undefined;
      if (!entry) {
        // The spec's translation is a free {locale: {key: text}} map and names no keys; the
        // catalog is only what the sandbox's page reads. A key outside it may be one Verigram's
        // page reads, so it is a note, never a reason to refuse the config.
        const suggestion = suggest(key);
        issues.push({
          path,
          severity: 'info',
          code: 'translation.key_unknown',
          params: { key, suggestion },
          message: `"${key}" is not known to the sandbox page; it may work on Verigram's page.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        });
        continue;
      }
      const expected = placeholders(entry.defaults[locale] ?? '');
      const actual = placeholders(text);
      const lost = [...expected].filter((p) => !actual.has(p));
      const extra = [...actual].filter((p) => !expected.has(p));
      if (lost.length > 0) {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.placeholder_missing',
          params: { locale, key, placeholders: lost },
          message: `${locale} "${key}" drops ${lost.map((p) => `{${p}}`).join(', ')}, which the sandbox page fills in.`,
        });
      }
      if (extra.length > 0) {
        issues.push({
          path,
          severity: 'warning',
          code: 'translation.placeholder_unknown',
          params: { locale, key, placeholders: extra, known: [...expected] },
          message: `${locale} "${key}" uses ${extra.map((p) => `{${p}}`).join(', ')}, which the sandbox page never fills in (it knows ${expected.size ? [...expected].map((p) => `{${p}}`).join(', ') : 'none'}).`,
        });
      }
    }
  }
  // Missing keys, per locale: a key overridden in one locale and not in another shows the brand's
  // wording to some users and the page's own to others. Only catalog keys: whether any page shows
  // a key outside it is not known, so neither is what a locale without it would show.
  const everywhere = new Set([...overridden.values()].flatMap((keys) => [...keys]));
  if (everywhere.size === 0) return issues;
  for (const locale of LOCALES) {
    const keys = overridden.get(locale) ?? new Set<string>();
    const missing = TRANSLATION_KEYS.filter((k) => everywhere.has(k) && !keys.has(k));
    if (missing.length === 0) continue;
    issues.push({
      path: jsonPointer('translation', locale),
      severity: missingSeverity,
      code: 'translation.keys_missing',
      params: { locale, keys: missing },
      message: `${locale} has no text for ${missing.length} key${missing.length === 1 ? '' : 's'} overridden in other locales, so it shows the page's own texts: ${missing.join(', ')}.`,
    });
  }
  return issues;
}

function suggest(key: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const candidate of TRANSLATION_KEYS) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}
