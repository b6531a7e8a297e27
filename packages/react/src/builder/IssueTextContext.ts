'use client';
import { createContext } from 'react';
import type { IssueText } from './loadIssueText.ts';

/**
 * How FieldIssues and the import report say an issue: set by FlowUiBuilder from its `locale`;
 * `undefined` while the kk/ru texts load. Outside a builder, core's English message.
 */
export const IssueTextContext = createContext<IssueText | undefined>((issue) => issue.message);
