'use client';
import type { FlowUiIssue } from '@verigram-kit/core/ui';
import { useContext } from 'react';
import type { BuilderMessages } from './builderMessages.ts';
import { IssueTextContext } from './loadIssueText.ts';

/** Inline issues under a field, in the builder's language; `id` is what the field's aria-describedby points at. */
export function FieldIssues({
  id,
  issues,
  messages,
}: {
  id: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
}) {
  const issueText = useContext(IssueTextContext);
  if (issues.length === 0) return null;
  // While the kk/ru texts load, the list is there (aria-describedby targets stay valid) but empty:
  // better a moment of nothing than a moment of English.
  if (!issueText) return <ul id={id} className="vgb-issues" aria-busy="true" />;
  return (
    <ul id={id} className="vgb-issues">
      {issues.map((issue) => (
        <li
          key={`${issue.code}:${issue.path}:${issue.message}`}
          className="vgb-issue"
          data-severity={issue.severity}
        >
          <span className="vgb-issue-severity">{messages.severity[issue.severity]}:</span> {issueText(issue)}
        </li>
      ))}
    </ul>
  );
}

export const hasError = (issues: FlowUiIssue[]) => issues.some((i) => i.severity === 'error');
