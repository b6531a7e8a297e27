'use client';
import type { Locale } from '@verigram-kit/core';
import type { FlowUiIssue, FlowUiIssueCode } from '@verigram-kit/core/ui';
import { createContext } from 'react';
import { createLocaleLoader, useLocaleTexts } from '../createLocaleLoader.ts';

/** A sentence for each issue code, built from the issue's `params` (and `path`, `line`). */
export type IssueTexts = { [C in FlowUiIssueCode]: (issue: FlowUiIssue<C>) => string };

/** Says an issue in one language. */
export type IssueText = (issue: FlowUiIssue) => string;

// An issue whose code the table lacks (one a newer core added) still says something: core's English.
const fromTable =
  (texts: IssueTexts): IssueText =>
  (issue) =>
    (texts[issue.code] as IssueText | undefined)?.(issue) ?? issue.message;

// English is core's own `message`: one source for the wording the proxy, logs and tickets use too.
// Kazakh and Russian are about 5 kB gzip together, so each language is its own chunk and the
// builder entry stays in budget.
const issueTexts = createLocaleLoader<IssueText>(
  (issue) => issue.message,
  (locale) =>
    (locale === 'kk' ? import('./issueTextsKk.ts') : import('./issueTextsRu.ts')).then((m) =>
      fromTable(m.default),
    ),
);

/** The issue text for `locale` if it is already loaded (English always is), else `undefined`. */
export const cachedIssueText = (locale: Locale): IssueText | undefined => issueTexts.peek(locale);

/** Loads the kk or ru issue texts; a chunk that fails to load gives English. */
export const loadIssueText = (locale: Locale): Promise<IssueText> => issueTexts.load(locale);

/**
 * The issue text of `locale`, or `undefined` while its kk/ru chunk loads. Callers show no issue
 * text until then rather than core's English, so a Kazakh or Russian designer never sees English
 * flash first.
 */
export const useIssueText = (locale: Locale): IssueText | undefined => useLocaleTexts(issueTexts, locale);

/**
 * How FieldIssues and the import report say an issue: set by FlowUiBuilder from its `locale`;
 * `undefined` while the kk/ru texts load. Outside a builder, core's English message.
 */
export const IssueTextContext = createContext<IssueText | undefined>((issue) => issue.message);
