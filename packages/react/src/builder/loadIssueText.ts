import type { FlowUiIssue, FlowUiIssueCode, Locale } from '@verigram-kit/core';

/** A sentence for each issue code, built from the issue's `params` (and `path`, `line`). */
export type IssueTexts = { [C in FlowUiIssueCode]: (issue: FlowUiIssue<C>) => string };

/** Says an issue in one language. */
export type IssueText = (issue: FlowUiIssue) => string;

// English is core's own `message`: one source for the wording the proxy, logs and tickets use too.
const english: IssueText = (issue) => issue.message;
const cache: Partial<Record<Locale, IssueText>> = { en: english };

// An issue whose code the table lacks (one a newer core added) still says something: core's English.
const fromTable =
  (texts: IssueTexts): IssueText =>
  (issue) =>
    (texts[issue.code] as IssueText | undefined)?.(issue) ?? issue.message;

/** The issue text for `locale` if it is already loaded (English always is), else `undefined`. */
export const cachedIssueText = (locale: Locale): IssueText | undefined =>
  locale === 'kk' || locale === 'ru' ? cache[locale] : english;

/**
 * Loads the kk or ru issue texts (about 5 kB gzip together, so each language is its own chunk
 * and the builder entry stays in budget). A chunk that fails to load falls back to English.
 */
export function loadIssueText(locale: Locale): Promise<IssueText> {
  const cached = cachedIssueText(locale);
  if (cached) return Promise.resolve(cached);
  const table = locale === 'kk' ? import('./issueTextsKk.ts') : import('./issueTextsRu.ts');
  return table.then(
    (module) => {
      const text = fromTable(module.default);
      cache[locale] = text;
      return text;
    },
    () => english,
  );
}
