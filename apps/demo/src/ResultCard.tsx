import type { ExecutionStatus, FlowEndCause, FlowProjection, Locale } from '@verigram-kit/core';
import { FlowFile } from '@verigram-kit/react';
import type { DemoStrings } from './demoStrings.ts';

/** What the demo keeps of a finished flow (sessionStorage, so a reload still shows it). */
export interface FinishedFlow {
  flowId: string;
  flowStatus: ExecutionStatus;
  endCause?: FlowEndCause | undefined;
  result: FlowProjection | null;
}

export interface ResultCardProps {
  t: DemoStrings;
  lang: Locale;
  finished: FinishedFlow;
}

/** The decision, per-service details and the liveness best frame, once the server says it ended. */
export function ResultCard({ t, lang, finished }: ResultCardProps) {
  const services = finished.result?.service_statuses ?? [];
  const hasLiveness = services.some((s) => s.service_name?.startsWith('verilive'));
  return (
    <section
      className="result"
      aria-labelledby="result-title"
      data-testid="result-card"
      data-status={finished.flowStatus}
    >
      <div className="result__head">
        <div className="result__icon" data-status={finished.flowStatus} aria-hidden="true">
          {finished.flowStatus === 'pass' ? '✓' : finished.flowStatus === 'fail' ? '✕' : '…'}
        </div>
        <div>
          <p className="eyebrow">{t.resultTitle}</p>
          <h3 id="result-title" className="result__title" tabIndex={-1}>
            {t.resultStatus[finished.flowStatus]}
          </h3>
        </div>
      </div>
      <dl className="result__facts">
        {finished.endCause && (
          <div>
            <dt>{t.resultEndCause}</dt>
            <dd>
              <code>{finished.endCause}</code>
            </dd>
          </div>
        )}
        {finished.result?.person_name && (
          <div>
            <dt>{t.resultPerson}</dt>
            <dd>{finished.result.person_name}</dd>
          </div>
        )}
        <div>
          <dt>{t.resultFlowId}</dt>
          <dd>
            <code className="break">{finished.flowId}</code>
          </dd>
        </div>
      </dl>
      {services.length > 0 && (
        <>
          <h4 className="result__subtitle">{t.resultChecks}</h4>
          <ul className="result__services">
            {services.map((service) => (
              <li key={service.session_id ?? service.step_id ?? service.service_name}>
                <span className="result__service">{service.service_name}</span>
                {service.session_status && (
                  <span className="chip" data-status={service.session_status}>
                    {t.serviceStatus[service.session_status]}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {hasLiveness && (
        <FlowFile
          className="result__bestframe"
          flowId={finished.flowId}
          label="bestframe"
          locale={lang}
          alt={t.resultBestframe}
          data-testid="bestframe"
        />
      )}
    </section>
  );
}
