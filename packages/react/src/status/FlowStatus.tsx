'use client';
import type { FlowPollingOptions, FlowServiceStatus, Locale } from '@verigram-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { type UseFlowStatusResult, useFlowStatus } from '../useFlowStatus.ts';
import { getCheckKind, getCheckResult, getFlowOutcome } from './describeFlow.ts';
import { FlowStatusAnnouncer } from './FlowStatusAnnouncer.tsx';
import { FlowStatusBadge } from './FlowStatusBadge.tsx';
import { FlowStatusTimeline } from './FlowStatusTimeline.tsx';
import {
  type FlowOutcome,
  type FlowStatusMessages,
  type FlowStatusMessagesOverrides,
  formatMessage,
} from './flowStatusMessages.ts';
import { formatTimestamp } from './formatTimestamp.ts';
import { useFlowStatusMessages } from './loadFlowStatusMessages.ts';

export interface FlowStatusProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  flowId: string;
  /**
   * `compact`: the overall status, why it ended or the current step, and connection notices.
   * `detailed`: also the per-service timeline.
   * @default 'detailed'
   */
  variant?: 'compact' | 'detailed' | undefined;
  /**
   * Language of the kit's strings. Kazakh and Russian load on first use; until they arrive (and in
   * a server render) the component shows its loading skeleton, without text.
   * @default 'en'
   */
  locale?: Locale | undefined;
  /** Overrides of any of the kit's strings for the locale. */
  messages?: FlowStatusMessagesOverrides | undefined;
  /** @default DEFAULT_POLLING_OPTIONS */
  polling?: FlowPollingOptions | undefined;
  /**
   * Read the result once per step while in progress: the timeline fills in live and the current
   * step is named even when `current_step_id` is opaque. One request per step change.
   * @default false (the result is read once, when the flow is terminal)
   */
  liveTimeline?: boolean | undefined;
  /** Replaces the summary (badge, end cause, current step). */
  renderSummary?: ((status: UseFlowStatusResult, messages: FlowStatusMessages) => ReactNode) | undefined;
  /** Replaces one service of the detailed timeline. */
  renderService?: ((service: FlowServiceStatus, status: UseFlowStatusResult) => ReactNode) | undefined;
  /** Rendered after the kit's parts (or instead of them, with `replaceBody`). */
  children?: ((status: UseFlowStatusResult) => ReactNode) | undefined;
  /** `children` replaces the summary, notices and timeline; the root and live region stay. @default false */
  replaceBody?: boolean | undefined;
}

function connectionNotice(
  status: UseFlowStatusResult,
  text: FlowStatusMessages,
  locale: Locale,
): string | undefined {
  if (status.connection === 'offline') return text.connection.offline;
  if (status.connection === 'rate_limited' && status.retryAt !== undefined) {
    return formatMessage(text.connection.rate_limited, {
      time: formatTimestamp(status.retryAt, locale, 'seconds'),
    });
  }
  // A failure that will not be retried (403, unknown flow…) is shown as the `error` state instead.
  if (status.connection === 'error' && status.error?.isRetryable) return text.connection.error;
  return undefined;
}

/**
 * Where a verification stands, live, as a bank tells its customer: a headline, what to do next,
 * the current step and, in the detailed variant, a timeline of the checks with human names and
 * "Details for support" (the raw statuses and codes, one click away). Polls through
 * `useFlowStatus` (one request per interval however many are mounted). Styling hooks:
 * `data-state` (loading, not_started, in_progress, passed, failed, unknown, cancelled, error),
 * `data-outcome` (see {@link FlowOutcome}), `data-connection` (ok, offline, rate_limited, error),
 * `data-variant`, and the `--vgk-*` properties of `styles.css`.
 */
export const FlowStatus = forwardRef<HTMLDivElement, FlowStatusProps>(function FlowStatus(
  {
    flowId,
    variant = 'detailed',
    locale = 'en',
    messages,
    polling,
    liveTimeline = false,
    renderSummary,
    renderService,
    children,
    replaceBody = false,
    className,
    ...rest
  },
  ref,
) {
  const status = useFlowStatus(flowId, { polling, liveTimeline });
  const text = useFlowStatusMessages(locale, messages);
  // Until the locale's strings are there, the loading skeleton, whatever the status.
  const state = text ? status.state : 'loading';
  const notice = text && connectionNotice(status, text, locale);
  const outcome = getFlowOutcome(state, status.endCause);
  const step = status.currentStep;
  const service = text && step?.serviceName && text.check[getCheckKind(step.serviceName)];
  const stepText =
    service && step
      ? formatMessage(step.position === undefined ? text.currentStepUnplaced : text.currentStep, {
          position: step.position ?? '',
          total: step.total,
          service,
        })
      : undefined;
  // An attempt at the current step failed and the flow goes on: another try is open (Verigram
  // opens the next attempt's session at once, so the latest one is usually already active).
  const retry =
    text && step && status.services.some((s) => s.step_id === step.id && getCheckResult(s) === 'failed')
      ? text.retry
      : undefined;
  const next = text && outcome !== 'loading' && outcome !== 'in_progress' ? text.next[outcome] : undefined;
  // The summary's lines, shown under the badge and, with the connection notice, announced.
  const lines = text
    ? ([
        ['headline', text.headline[outcome]],
        ['step-now', stepText],
        ['retry', retry],
        ['next', next],
      ] as const)
    : [];
  const announcement =
    state === 'loading' ? '' : [...lines.map(([, line]) => line), notice].filter(Boolean).join(' ');
  const flow = status.flow;

  return (
    // A labelled group, not a <section>: a page may show many of these, and landmarks must be unique.
    // biome-ignore lint/a11y/useSemanticElements: <fieldset> is for form controls; this is a status
    <div
      ref={ref}
      role="group"
      className={className ? `vgk-flow-status ${className}` : 'vgk-flow-status'}
      data-state={state}
      data-outcome={outcome}
      data-connection={status.connection}
      data-variant={variant}
      aria-label={text?.title}
      aria-busy={state === 'loading'}
      lang={locale}
      {...rest}
    >
      {!text ? (
        <div className="vgk-flow-status__summary">
          <FlowStatusBadge state="loading" />
        </div>
      ) : replaceBody && children ? (
        children(status)
      ) : (
        <>
          {renderSummary ? (
            renderSummary(status, text)
          ) : (
            <div className="vgk-flow-status__summary">
              <FlowStatusBadge state={state} aria-hidden="true" />
              <div className="vgk-flow-status__text">
                {lines.map(([part, line]) =>
                  line ? (
                    <p key={part} className={`vgk-flow-status__${part}`}>
                      {line}
                    </p>
                  ) : null,
                )}
              </div>
            </div>
          )}
          {notice ? (
            <p className="vgk-flow-status__notice" data-connection={status.connection}>
              {notice}
            </p>
          ) : null}
          {variant === 'detailed' && state !== 'loading' && state !== 'error' ? (
            <FlowStatusTimeline
              status={status}
              messages={text}
              locale={locale}
              renderService={renderService}
            />
          ) : null}
          {variant === 'detailed' && flow ? (
            <details className="vgk-flow-status__details">
              <summary>{text.details}</summary>
              {/* The raw values, as the API and the back office name them: staff quote these. */}
              <dl>
                {[
                  ['flow_id', flow.flow_id],
                  ['flow_status', flow.flow_status, flow.end_cause],
                  ...status.services.map((s) => [
                    s.service_name,
                    s.session_status,
                    s.frontend_session_status,
                    ...(s.session_result?.error_codes ?? []),
                  ]),
                ].map(([term, ...values], index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a result's sessions keep their order
                  <div key={index}>
                    <dt>{term}</dt>
                    <dd>{values.filter(Boolean).join(' · ')}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
          {children ? children(status) : null}
        </>
      )}
      <FlowStatusAnnouncer>{announcement}</FlowStatusAnnouncer>
    </div>
  );
});
