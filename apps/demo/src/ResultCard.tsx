import type { ExecutionStatus, FlowEndCause, FlowProjection, Locale } from '@verigram-kit/core';
import { FlowFile, FlowStatus, FlowStatusBadge, getFlowOutcome } from '@verigram-kit/react';
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
  /** Starts a new verification: offered when another try can change the outcome. */
  onStartAgain(): void;
}

/**
 * The decision as the bank tells its customer, once the server says the flow ended: the kit's
 * <FlowStatus> words (headline and next step per outcome, in kk/ru/en), a way on, the checks by
 * human name, the raw codes one click away for staff, and the liveness best frame.
 */
export function ResultCard({ t, lang, finished, onStartAgain }: ResultCardProps) {
  const services = finished.result?.service_statuses ?? [];
  // A best frame exists once a liveness session ran to a decision; one that timed out has none.
  const hasLiveness = services.some(
    (s) =>
      s.service_name?.startsWith('verilive') &&
      s.session_status !== undefined &&
      s.frontend_session_status !== 'expired',
  );
  const person = finished.result?.person_name;
  return (
    <section
      className="result"
      aria-labelledby="result-title"
      data-testid="result-card"
      data-status={finished.flowStatus}
    >
      <FlowStatus
        flowId={finished.flowId}
        locale={lang}
        className="result__status"
        renderSummary={(status, text) => {
          const outcome = getFlowOutcome(status.state, status.endCause);
          const again = outcome !== 'passed' && outcome !== 'review' && outcome !== 'loading';
          return (
            <div className="vgk-flow-status__summary result__head" data-outcome={outcome}>
              <FlowStatusBadge state={status.state} aria-hidden="true" />
              <div className="result__text">
                <p className="eyebrow">{t.resultTitle}</p>
                <h3 id="result-title" className="result__title" tabIndex={-1}>
                  {text.headline[outcome]}
                </h3>
                {outcome !== 'loading' && outcome !== 'in_progress' && (
                  <p className="result__next">{text.next[outcome]}</p>
                )}
                {person && (
                  <p className="result__person">
                    {t.resultPerson}: <strong>{person}</strong>
                  </p>
                )}
                {again && (
                  <button
                    type="button"
                    className="button button--primary result__again"
                    onClick={onStartAgain}
                  >
                    {t.resultStartAgain}
                  </button>
                )}
              </div>
            </div>
          );
        }}
      />
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
