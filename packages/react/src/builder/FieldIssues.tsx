import type { FlowUiIssue } from '@verigram-kit/core';
import type { BuilderMessages } from './builderMessages.ts';

/** Inline issues under a field; `id` is what the field's aria-describedby points at. */
export function FieldIssues({
  id,
  issues,
  messages,
}: {
  id: string;
  issues: FlowUiIssue[];
  messages: BuilderMessages;
}) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="vgb-issues">
      {issues.map((issue) => (
        <li
          key={`${issue.code}:${issue.path}:${issue.message}`}
          className="vgb-issue"
          data-severity={issue.severity}
        >
          <span className="vgb-issue-severity">{messages.severity[issue.severity]}:</span> {issue.message}
        </li>
      ))}
    </ul>
  );
}

export const hasError = (issues: FlowUiIssue[]) => issues.some((i) => i.severity === 'error');
