import type { FlowConfigUi, Locale } from '@verigram-kit/core';
import { lazy, Suspense } from 'react';
import { DEMO_FLOW_UI_POLICY } from './demoFlowUiPolicy.ts';
import type { DemoStrings } from './demoStrings.ts';

// The builder is its own entry of the kit and the heaviest part of the page: load it on demand.
const FlowUiBuilder = lazy(() =>
  import('@verigram-kit/react/builder').then((m) => ({ default: m.FlowUiBuilder })),
);

export interface BrandingSectionProps {
  t: DemoStrings;
  lang: Locale;
  ui: FlowConfigUi | undefined;
  hasErrors: boolean;
  onChange(ui: FlowConfigUi | undefined, hasErrors: boolean): void;
  open: boolean;
  onToggle(open: boolean): void;
}

// The nonce of this page's CSP, which the server also writes in Vite's csp-nonce meta.
const cspNonce = () =>
  document.querySelector<HTMLMetaElement>('meta[property=csp-nonce]')?.nonce || undefined;

/**
 * The kit's `<FlowUiBuilder>` in a collapsible panel. Its FlowConfigUi rides along with each
 * verification started afterwards (the demo's client adds it; the proxy runs with `allowClientUi`
 * and validates it), so a half-edited brand never changes a flow already under way.
 */
export function BrandingSection({ t, lang, ui, hasErrors, onChange, open, onToggle }: BrandingSectionProps) {
  const previewUrl = __DEMO_SANDBOX_URL__ ? `${__DEMO_SANDBOX_URL__}/hf2/preview/` : null;
  return (
    <section className="card branding" aria-labelledby="branding-title">
      <details open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
        <summary className="branding__summary">
          <span>
            <h2 id="branding-title" className="card__title">
              {t.brandingTitle}
            </h2>
            <span className="muted small">{t.brandingSummary}</span>
            {/* With errors, new verifications use the default look: the chip says that, not "on". */}
            <span className="chip" data-status={ui ? (hasErrors ? 'fail' : 'pass') : undefined}>
              {ui ? (hasErrors ? t.brandingBlocked : t.brandingCustom) : t.brandingDefault}
            </span>
          </span>
        </summary>
        <div className="branding__body">
          <p className="muted small">{t.brandingApplies}</p>
          {hasErrors && (
            <p className="notice notice--warning" role="status">
              {t.brandingIssues}
            </p>
          )}
          {open && (
            <Suspense fallback={<p className="muted">…</p>}>
              <FlowUiBuilder
                value={ui}
                onChange={(next, { issues }) =>
                  onChange(
                    next,
                    issues.some((i) => i.severity === 'error'),
                  )
                }
                locale={lang}
                validation={DEMO_FLOW_UI_POLICY}
                previewUrl={previewUrl}
                presetName="aurora"
                nonce={cspNonce()}
              />
            </Suspense>
          )}
          {ui && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => onChange(undefined, false)}
            >
              {t.brandingReset}
            </button>
          )}
        </div>
      </details>
    </section>
  );
}
