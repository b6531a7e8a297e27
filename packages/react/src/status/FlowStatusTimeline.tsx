'use client';
import type { FlowServiceStatus, Locale } from '@verigram-kit/core';
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, useId } from 'react';
import type { UseFlowStatusResult } from '../useFlowStatus.ts';
import type { FlowStatusMessages } from './flowStatusMessages.ts';
import { formatTimestamp } from './formatTimestamp.ts';

export interface FlowStatusTimelineProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  status: UseFlowStatusResult;
  messages: FlowStatusMessages;
  locale: Locale;
  /** Replaces one service's item (the `<li>` stays the kit's). */
  renderService?: ((service: FlowServiceStatus, status: UseFlowStatusResult) => ReactNode) | undefined;
}

/**
 * Per-service timeline: each service of the result with its `frontend_session_status` badge and
 * its session state history with times. Before the result exists (flow not ended), the
 * pipeline's steps, the current one marked with `aria-current="step"`.
 */
export const FlowStatusTimeline = forwardRef<HTMLDivElement, FlowStatusTimelineProps>(
  function FlowStatusTimeline({ status, messages, locale, renderService, className, ...rest }, ref) {
    const headingId = useId();
    const pipeline = status.flow?.template?.pipeline ?? [];
    const classes = className ? `vgk-flow-status__timeline ${className}` : 'vgk-flow-status__timeline';

    if (status.services.length > 0) {
      return (
        <div ref={ref} className={classes} data-kind="services" {...rest}>
          <p className="vgk-flow-status__timeline-title" id={headingId}>
            {messages.servicesHeading}
          </p>
          <ol className="vgk-flow-status__services" aria-labelledby={headingId}>
            {status.services.map((service, index) => (
              <li
                key={service.session_id ?? `${service.service_name}-${index}`}
                className="vgk-flow-status__service"
                data-status={service.frontend_session_status}
                data-session-status={service.session_status}
              >
                {renderService ? (
                  renderService(service, status)
                ) : (
                  <>
                    <span className="vgk-flow-status__service-name">{service.service_name}</span>
                    {service.frontend_session_status ? (
                      <span
                        className="vgk-flow-status__service-badge"
                        data-status={service.frontend_session_status}
                      >
                        {messages.frontendStatus[service.frontend_session_status]}
                      </span>
                    ) : null}
                    {service.session_states && service.session_states.length > 0 ? (
                      <ol className="vgk-flow-status__states">
                        {service.session_states.map((entry, stateIndex) => (
                          <li
                            // biome-ignore lint/suspicious/noArrayIndexKey: a history is append-only; position is identity
                            key={stateIndex}
                            className="vgk-flow-status__state"
                            data-state={entry.state}
                          >
                            {entry.state ? messages.sessionState[entry.state] : '—'}
                            {entry.created_at ? (
                              <>
                                {' '}
                                <time dateTime={entry.created_at}>
                                  {formatTimestamp(entry.created_at, locale, 'date-time')}
                                </time>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ol>
                    ) : null}
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      );
    }

    if (pipeline.length > 0 && (status.state === 'not_started' || status.state === 'in_progress')) {
      const current = status.currentStep?.position;
      return (
        <div ref={ref} className={classes} data-kind="steps" {...rest}>
          <p className="vgk-flow-status__timeline-title" id={headingId}>
            {messages.stepsHeading}
          </p>
          <ol className="vgk-flow-status__steps" aria-labelledby={headingId}>
            {pipeline.map((step, index) => {
              const position = index + 1;
              const stepState =
                current === undefined
                  ? 'pending'
                  : position < current
                    ? 'done'
                    : position === current
                      ? 'current'
                      : 'pending';
              return (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: pipeline steps have no id; their order is fixed
                  key={index}
                  className="vgk-flow-status__step"
                  data-state={stepState}
                  aria-current={stepState === 'current' ? 'step' : undefined}
                >
                  {step.service_name}
                </li>
              );
            })}
          </ol>
        </div>
      );
    }

    return (
      <div ref={ref} className={classes} data-kind="empty" {...rest}>
        <p className="vgk-flow-status__empty">{messages.noServices}</p>
      </div>
    );
  },
);
