'use client';
import type { FlowPollingOptions, FlowServiceStatus, Locale } from '@verigram-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from 'react';
import { type UseFlowStatusResult, useFlowStatus } from '../useFlowStatus.ts';
import { FlowStatusAnnouncer } from './FlowStatusAnnouncer.tsx';
import { FlowStatusBadge } from './FlowStatusBadge.tsx';
import { FlowStatusTimeline } from './FlowStatusTimeline.tsx';
import {
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

/** One sentence for the live region and the visible summary. */
function describe(status: UseFlowStatusResult, text: FlowStatusMessages): string {
  const parts = [text.state[status.state]];
  if (status.endCause) parts.push(text.endCause[status.endCause]);
  return parts.join('. ');
}

function connectionNotice(
  status: UseFlowStatusResult,
  text: FlowStatusMessages,
  locale: Locale,
): string | undefined {
  if (status.connection === 'offline') return text.connection.offline;
  if (status.connection === 'rate_limited' && status.retryAt !== undefined) {
    return formatMessage(text.connection.rate_limited, {
      time: formatTimestamp(status.retryAt, locale, 'time'),
    });
  }
  // A failure that will not be retried (403, unknown flow…) is shown as the `error` state instead.
  if (status.connection === 'error' && status.error?.isRetryable) return text.connection.error;
  return undefined;
}

/**
 * Where a verification stands, live: overall status, `end_cause` in words, the current step and,
 * in the detailed variant, a per-service timeline. Polls through `useFlowStatus` (one request per
 * interval however many are mounted). Styling hooks: `data-state` (loading, not_started,
 * in_progress, passed, failed, unknown, error), `data-connection` (ok, offline, rate_limited,
 * error), `data-variant`, and the `--vgk-*` properties of `flowStatus.css`.
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
  const step = status.currentStep;
  const stepText =
    !text || step?.serviceName === undefined
      ? undefined
      : step.position === undefined
        ? formatMessage(text.currentStepUnplaced, { service: step.serviceName })
        : formatMessage(text.currentStep, {
            position: step.position,
            total: step.total,
            service: step.serviceName,
          });
  const announcement =
    !text || state === 'loading' ? '' : [describe(status, text), stepText, notice].filter(Boolean).join('. ');

  return (
    // A labelled group, not a <section>: a page may show many of these, and landmarks must be unique.
    // biome-ignore lint/a11y/useSemanticElements: <fieldset> is for form controls; this is a status
    <div
      ref={ref}
      role="group"
      className={className ? `vgk-flow-status ${className}` : 'vgk-flow-status'}
      data-state={state}
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
              <FlowStatusBadge state={state}>{text.state[state]}</FlowStatusBadge>
              {status.endCause ? (
                <p className="vgk-flow-status__end-cause" data-end-cause={status.endCause}>
                  {text.endCause[status.endCause]}
                </p>
              ) : null}
              {stepText ? <p className="vgk-flow-status__step-now">{stepText}</p> : null}
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
          {children ? children(status) : null}
        </>
      )}
      <FlowStatusAnnouncer>{announcement}</FlowStatusAnnouncer>
    </div>
  );
});
