import { useMutation, useQuery } from '@tanstack/react-query';
import type { Locale } from '@verigram-kit/core';
import type { BackOfficeView } from '../server/createBackOffice.ts';
import type { DemoStrings } from './demoStrings.ts';

/** The demo server's back-office route (apps/demo/server/startDemoBackend.ts); demo only. */
export const BACK_OFFICE_ROUTE = '/demo/back-office';

export interface BackOfficeProps {
  t: DemoStrings;
  lang: Locale;
  /** Shown beside the customer's view: offers to open the back office on its own. */
  beside?: boolean | undefined;
  /** Beside a running verification: the "close the customer's tab" simulation. */
  onSimulateClose?: (() => void) | undefined;
  /** After that simulation, on the sandbox: let the sandbox finish the flow with no browser. */
  canFinishInSandbox?: boolean | undefined;
}

/**
 * What the bank's server learned through `onFlowSettled`: the visitor's flows it is watching and
 * the verdicts delivered, polled from the demo server every second. Nothing here comes from the
 * customer's browser, which may be long gone.
 */
export function BackOffice({ t, lang, beside, onSimulateClose, canFinishInSandbox }: BackOfficeProps) {
  const finish = useMutation({
    mutationFn: async () => {
      const response = await fetch(`${BACK_OFFICE_ROUTE}/finish`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (!response.ok) throw new Error(`${BACK_OFFICE_ROUTE}/finish answered ${response.status}`);
    },
  });
  const { data } = useQuery({
    queryKey: ['demo-back-office'],
    queryFn: async (): Promise<BackOfficeView> => {
      const response = await fetch(BACK_OFFICE_ROUTE, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`${BACK_OFFICE_ROUTE} answered ${response.status}`);
      return response.json();
    },
    refetchInterval: 1000,
    refetchIntervalInBackground: true,
  });
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const watching = data?.watching ?? [];
  const verdicts = data?.verdicts ?? [];
  return (
    <section className="card back-office" aria-labelledby="back-office-title" data-testid="back-office">
      <div className="card__head">
        <h2 id="back-office-title" className="card__title">
          {t.backOfficeTitle}
        </h2>
        <span className="pill pill--server">onFlowSettled</span>
      </div>
      <p className="muted small">{t.backOfficeIntro}</p>
      {beside && (
        <p className="back-office__actions">
          <a
            className="button button--small button--ghost"
            href="/?view=back-office"
            target="_blank"
            rel="noopener"
          >
            {t.backOfficeOpen}
          </a>
          {onSimulateClose && (
            <button type="button" className="button button--small button--ghost" onClick={onSimulateClose}>
              {t.backOfficeSimulate}
            </button>
          )}
          {canFinishInSandbox && watching.length > 0 && (
            <button
              type="button"
              className="button button--small button--ghost"
              disabled={finish.isPending}
              onClick={() => finish.mutate()}
            >
              <span className="pill">SANDBOX</span> {t.backOfficeFinish}
            </button>
          )}
        </p>
      )}
      {watching.length > 0 && (
        <div>
          <h3 className="eyebrow">{t.backOfficeWatching}</h3>
          <ul className="back-office__list" data-testid="back-office-watching">
            {watching.map((flow) => (
              <li key={flow.flowId} className="back-office__row">
                <span className="back-office__spinner" aria-hidden="true" />
                <code className="break">{flow.flowId}</code>
                {flow.template && <span className="muted small">{flow.template}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h3 className="eyebrow">{t.backOfficeVerdicts}</h3>
        {verdicts.length === 0 ? (
          <p className="muted small">{t.backOfficeEmpty}</p>
        ) : (
          <ul className="back-office__list" aria-live="polite">
            {verdicts.map((verdict) => (
              <li
                key={verdict.deliveryId}
                className="back-office__row back-office__verdict"
                data-testid="back-office-verdict"
                data-flow-id={verdict.flowId}
                data-outcome={verdict.outcome}
                data-deliveries={verdict.deliveries}
              >
                <span className="chip" data-status={verdict.outcome === 'expired' ? 'fail' : verdict.outcome}>
                  {t.backOfficeState[verdict.outcome]}
                </span>
                <code className="break">{verdict.flowId}</code>
                <span className="muted small">
                  {[verdict.template, verdict.endCause].filter(Boolean).join(' · ')}
                </span>
                <span className="muted small">
                  {t.backOfficeSettledAt}{' '}
                  <time dateTime={verdict.settledAt}>{time.format(new Date(verdict.settledAt))}</time>
                  {' · '}
                  {t.backOfficeDelivered(verdict.deliveries)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="muted small">{t.backOfficeHowTo}</p>
    </section>
  );
}
