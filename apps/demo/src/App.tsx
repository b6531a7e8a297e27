import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { clearResume, type FlowConfigUi, type FlowHandle, type Locale } from '@verigram-kit/core';
import { checkFlowUi } from '@verigram-kit/core/ui';
import {
  autoMode,
  createProxyClient,
  FlowStatus,
  modalMode,
  popupMode,
  redirectMode,
  VerigramFlow,
  VerigramProvider,
} from '@verigram-kit/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AuroraLogo } from './AuroraLogo.tsx';
import { BackOffice } from './BackOffice.tsx';
import { BrandingSection } from './BrandingSection.tsx';
import { createLoggingClient, type LogEntry } from './createLoggingClient.ts';
import { DEMO_FLOW_UI_POLICY } from './demoFlowUiPolicy.ts';
import { DEMO_STRINGS } from './demoStrings.ts';
import { describeFlowEvent } from './describeFlowEvent.ts';
import { EventLog } from './EventLog.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { type FinishedFlow, ResultCard } from './ResultCard.tsx';
import { SandboxHint } from './SandboxHint.tsx';
import { StartForm, type StartSettings } from './StartForm.tsx';
import { usePersistentState } from './usePersistentState.ts';

/** sessionStorage key under which the kit keeps the running flow, so a reload resumes it. */
const RESUME_KEY = 'aurora-onboarding';
const MAX_LOG = 200;
// The kit's mode value for each mode the demo offers by name (inline needs none).
const MODES = {
  inline: undefined,
  modal: modalMode,
  popup: popupMode,
  redirect: redirectMode,
  auto: autoMode,
};

interface Run extends StartSettings {
  /** Distinguishes runs: a new one mounts a new <VerigramFlow>. */
  id: number;
}

const queryClient = new QueryClient();

/** `/?view=back-office`: the bank employee's screen alone, for a second tab or window. */
const backOfficeOnly = () => new URLSearchParams(location.search).get('view') === 'back-office';

export function App() {
  const [lang, setLang] = usePersistentState<Locale>('aurora:lang', 'en', 'local');
  const t = DEMO_STRINGS[lang] ?? DEMO_STRINGS.en;
  const [settings, setSettings] = usePersistentState<StartSettings>(
    'aurora:settings',
    { mode: 'inline', locale: lang, template: 'selfie-only' },
    'session',
  );
  const [ui, setUi] = usePersistentState<FlowConfigUi | null>('aurora:ui', null, 'local');
  const [uiHasErrors, setUiHasErrors] = useState(false);
  const [brandingOpen, setBrandingOpen] = usePersistentState('aurora:branding-open', false, 'local');
  const [run, setRun] = usePersistentState<Run | null>('aurora:run', null, 'session');
  const [handle, setHandle] = usePersistentState<FlowHandle | null>('aurora:flow', null, 'session');
  const [finished, setFinished] = usePersistentState<FinishedFlow | null>('aurora:finished', null, 'session');
  const [cancelled, setCancelled] = useState(false);
  // "Simulate: close the customer's tab": the verification and its status are unmounted, so this
  // page asks Verigram nothing more; only the server can still learn the verdict.
  const [customerGone, setCustomerGone] = useState(false);
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const flowHeading = useRef<HTMLHeadingElement>(null);

  const nextLogId = useRef(0);
  const log = useCallback((entry: Omit<LogEntry, 'id' | 'at'>) => {
    const full = { ...entry, id: nextLogId.current++, at: new Date() };
    setEntries((all) => [...all.slice(-(MAX_LOG - 1)), full]);
  }, []);

  // The builder reports its draft's errors as they happen; a config kept from an earlier visit is
  // checked here under the proxy's own policy, so it is never sent to be refused with 422.
  const brandHasErrors =
    uiHasErrors ||
    (ui !== null && checkFlowUi(ui, DEMO_FLOW_UI_POLICY).some((issue) => issue.severity === 'error'));
  // Read by the client at creation time: the brand as it is when a verification starts.
  const brand = useRef<FlowConfigUi | undefined>(undefined);
  brand.current = ui && !brandHasErrors ? ui : undefined;

  const [client] = useState(() => {
    const proxyClient = createProxyClient();
    // A flow followed before a reload (or finished) keeps its token, so status and files still load.
    if (handle) proxyClient.rememberFlow?.(handle);
    return createLoggingClient(proxyClient, {
      log,
      getUi: () => brand.current,
      onFlow: (next) =>
        setHandle((current) =>
          current?.flowId === next.flowId && current.flowToken === next.flowToken ? current : next,
        ),
    });
  });

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // The decision replaces the frame; move focus to it so keyboard and screen-reader users land there.
  const finishedId = finished?.flowId;
  useEffect(() => {
    if (finishedId) document.getElementById('result-title')?.focus();
  }, [finishedId]);

  const start = () => {
    clearResume(RESUME_KEY);
    setFinished(null);
    setHandle(null);
    setCancelled(false);
    setCustomerGone(false);
    setRun({ ...settings, id: Date.now() });
    log({ kind: 'kit', text: `start: ${settings.template}, ${settings.mode}, ${settings.locale}` });
    // The verification's card to the top of the window, not just into it: the hosted page's own
    // Start button sits a screen below the heading, and must be in view on a 720 px laptop.
    requestAnimationFrame(() => {
      flowHeading.current?.focus({ preventScroll: true });
      document.getElementById('verification')?.scrollIntoView({ block: 'start' });
    });
  };
  const restart = () => {
    clearResume(RESUME_KEY);
    setRun(null);
    setHandle(null);
    setFinished(null);
    setCancelled(false);
    setCustomerGone(false);
    if (location.search.includes('verigram_flow_id')) history.replaceState(null, '', location.pathname);
  };

  const changeLang = (next: Locale) => {
    setLang(next);
    // Until a verification runs, the page's language follows the visitor's.
    if (!run) setSettings((s) => ({ ...s, locale: next }));
  };

  return (
    <QueryClientProvider client={queryClient}>
      <VerigramProvider client={client}>
        <a className="skip-link" href="#verification">
          {t.skipLink}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="brand" href="/" aria-label="Aurora Bank">
              <AuroraLogo />
              <span className="brand__name" aria-hidden="true">
                Aurora <strong>Bank</strong>
              </span>
            </a>
            <span className="site-header__tagline">{t.tagline}</span>
            <LanguageSwitcher value={lang} label={t.languageLabel} onChange={changeLang} />
          </div>
        </header>
        {backOfficeOnly() ? (
          <main className="page back-office-page">
            <BackOffice t={t} lang={lang} />
          </main>
        ) : (
          <main className="page">
            <div className="hero">
              <h1 className="hero__title">{t.heroTitle}</h1>
              <p className="hero__body">{t.heroBody}</p>
              {!__DEMO_SANDBOX_URL__ && (
                <p className="chip" data-status="pass">
                  {t.realApi}
                </p>
              )}
            </div>
            {/* Full width: the builder needs room for its form and the live preview side by side. */}
            <BrandingSection
              t={t}
              lang={lang}
              ui={ui ?? undefined}
              hasErrors={brandHasErrors}
              open={brandingOpen}
              onToggle={setBrandingOpen}
              onChange={(next, hasErrors) => {
                setUi(next ?? null);
                setUiHasErrors(hasErrors);
              }}
            />
            <div className="layout">
              <div className="layout__main">
                <section className="card" aria-labelledby="start-title">
                  <h2 id="start-title" className="card__title">
                    {t.startTitle}
                  </h2>
                  <StartForm
                    t={t}
                    value={settings}
                    onChange={setSettings}
                    onStart={start}
                    running={run !== null}
                    onRestart={restart}
                  />
                </section>
                <section id="verification" className="card flow-card" aria-labelledby="flow-title">
                  <h2 id="flow-title" className="card__title" tabIndex={-1} ref={flowHeading}>
                    {t.flowTitle}
                  </h2>
                  {!run && <p className="muted">{t.flowEmpty}</p>}
                  {run && cancelled && <p className="notice">{t.flowCancelled}</p>}
                  {run && customerGone && (
                    <p className="notice" data-testid="customer-gone">
                      {t.backOfficeSimulated}
                    </p>
                  )}
                  {finished && <ResultCard t={t} lang={lang} finished={finished} onStartAgain={start} />}
                  {/* A modal's dialog is portalled out of the hidden wrapper below: close it by unmounting. */}
                  {run && !cancelled && !customerGone && !(finished && run.mode === 'modal') && (
                    // Kept mounted (hidden) once decided: the frame still reaches the callback page,
                    // which the kit reports, and the popup/redirect bookkeeping finishes cleanly.
                    <div hidden={finished !== null}>
                      <VerigramFlow
                        key={run.id}
                        className="flow-frame"
                        mode={MODES[run.mode]}
                        locale={run.locale}
                        template={run.template}
                        resumeKey={RESUME_KEY}
                        onEvent={(event) => log({ kind: 'event', text: describeFlowEvent(event) })}
                        onCallback={(url) =>
                          log({ kind: 'kit', text: `callback detected: ${new URL(url).pathname}` })
                        }
                        onComplete={(flow, result) => {
                          log({
                            kind: 'kit',
                            text: `complete: ${flow.flow_status}${flow.end_cause ? ` · ${flow.end_cause}` : ''}`,
                            // Manual review is a decision to come, not a failure.
                            tone:
                              flow.flow_status === 'pass'
                                ? 'success'
                                : flow.flow_status === 'fail'
                                  ? 'error'
                                  : 'pending',
                          });
                          setFinished({
                            flowId: flow.flow_id,
                            flowStatus: flow.flow_status,
                            endCause: flow.end_cause,
                            result,
                          });
                          // Back from redirect mode: drop the flow id from the address bar once it is settled.
                          if (location.search.includes('verigram_flow_id')) {
                            history.replaceState(null, '', location.pathname);
                          }
                        }}
                        onCancel={() => {
                          log({ kind: 'kit', text: 'cancelled' });
                          setCancelled(true);
                        }}
                        onError={(error) =>
                          log({ kind: 'kit', text: `error: ${error.message}`, tone: 'error' })
                        }
                      />
                    </div>
                  )}
                </section>
              </div>
              <div className="layout__side">
                <section className="card" aria-labelledby="status-title">
                  <h2 id="status-title" className="card__title">
                    {t.statusTitle}
                  </h2>
                  {handle && !customerGone ? (
                    // Once decided, the result card shows the checks: the widget keeps to the headline.
                    <FlowStatus
                      flowId={handle.flowId}
                      locale={lang}
                      liveTimeline
                      variant={finished ? 'compact' : 'detailed'}
                      data-testid="flow-status"
                    />
                  ) : (
                    <p className="muted">{t.statusEmpty}</p>
                  )}
                </section>
                <BackOffice
                  t={t}
                  lang={lang}
                  beside
                  onSimulateClose={
                    run && !finished && !customerGone ? () => setCustomerGone(true) : undefined
                  }
                  canFinishInSandbox={customerGone && !!__DEMO_SANDBOX_URL__}
                />
                {__DEMO_SANDBOX_URL__ && <SandboxHint t={t} />}
                <EventLog t={t} lang={lang} entries={entries} onClear={() => setEntries([])} />
              </div>
            </div>
          </main>
        )}
        <footer className="site-footer">
          <p>{t.footer}</p>
        </footer>
      </VerigramProvider>
    </QueryClientProvider>
  );
}
