'use client';
import type { FlowServiceStatus, Locale } from '@verigram-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react';
import type { UseFlowStatusResult } from '../useFlowStatus.ts';
import { getCheckKind, getCheckRows } from './describeFlow.ts';
import { type FlowStatusMessages, formatMessage } from './flowStatusMessages.ts';
import { formatTimestamp } from './formatTimestamp.ts';

export interface FlowStatusTimelineProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  status: UseFlowStatusResult;
  messages: FlowStatusMessages;
  locale: Locale;
  /** Replaces one check's row (the `<li>` stays the kit's). */
  renderService?: ((service: FlowServiceStatus, status: UseFlowStatusResult) => ReactNode) | undefined;
}

/**
 * The checks as a timeline: one row per session with the check's human name (numbered when a
 * step ran more than once), its result in plain words (`data-result`: passed, failed, review,
 * active, expired) and the time of its last change. Before any result exists, the pipeline's
 * steps, the current one marked with `aria-current="step"`.
 */
export const FlowStatusTimeline = forwardRef<HTMLDivElement, FlowStatusTimelineProps>(
  function FlowStatusTimeline({ status, messages, locale, renderService, className, ...rest }, ref) {
    const headingId = useId();
    const pipeline = status.flow?.template?.pipeline ?? [];
    // Once any check has run, its sessions; before that, the pipeline's steps while the flow has
    // them to show; otherwise a line saying nothing ran.
    const view =
      status.services.length > 0
        ? 'services'
        : pipeline.length > 0 &&
            (status.state === 'not_started' || status.state === 'in_progress' || status.state === 'cancelled')
          ? 'steps'
          : 'empty';
    const current = status.state === 'in_progress' ? (status.currentStep?.position ?? 0) : 0;

    return (
      <div
        ref={ref}
        className={className ? `vgk-flow-status__timeline ${className}` : 'vgk-flow-status__timeline'}
        data-kind={view}
        {...rest}
      >
        {view === 'empty' ? (
          <p className="vgk-flow-status__empty">{messages.noServices}</p>
        ) : (
          <>
            <p className="vgk-flow-status__timeline-title" id={headingId}>
              {view === 'services' ? messages.checksHeading : messages.stepsHeading}
            </p>
            <ol className="vgk-flow-status__checks" aria-labelledby={headingId}>
              {view === 'services'
                ? getCheckRows(status.services).map(({ service, kind, result, attempt }, index) => {
                    const at =
                      service.updated_at ?? service.session_states?.at(-1)?.created_at ?? service.created_at;
                    return (
                      <li
                        // biome-ignore lint/suspicious/noArrayIndexKey: a result's sessions keep their order
                        key={index}
                        className="vgk-flow-status__check"
                        data-result={result}
                        data-status={service.frontend_session_status}
                        data-session-status={service.session_status}
                      >
                        {renderService ? (
                          renderService(service, status)
                        ) : (
                          <>
                            <span className="vgk-flow-status__check-name">
                              {messages.check[kind]}
                              {attempt ? ' ' : null}
                              {attempt ? (
                                <span className="vgk-flow-status__attempt">
                                  {`· ${formatMessage(messages.attempt, { n: attempt })}`}
                                </span>
                              ) : null}
                            </span>
                            <span className="vgk-flow-status__check-result">{messages.result[result]}</span>
                            {at ? (
                              <time className="vgk-flow-status__check-time" dateTime={at}>
                                {formatTimestamp(at, locale, 'minutes')}
                              </time>
                            ) : null}
                          </>
                        )}
                      </li>
                    );
                  })
                : pipeline.map((step, index) => {
                    // Before the current step: done; no current step (not started, stopped): all pending.
                    const stepState =
                      index + 1 < current ? 'done' : index + 1 === current ? 'current' : 'pending';
                    return (
                      <li
                        // biome-ignore lint/suspicious/noArrayIndexKey: pipeline steps have no id; their order is fixed
                        key={index}
                        className="vgk-flow-status__check"
                        data-step={stepState}
                        aria-current={stepState === 'current' ? 'step' : undefined}
                      >
                        <span className="vgk-flow-status__check-name">
                          {messages.check[getCheckKind(step.service_name)]}
                        </span>
                      </li>
                    );
                  })}
            </ol>
          </>
        )}
      </div>
    );
  },
);
