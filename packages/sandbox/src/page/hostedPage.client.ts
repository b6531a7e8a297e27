// The hosted page's script, run in the browser, shared by every mode: "server" (talks to
// /hf2/{id}/actions), "bridge" (no server: drives an in-memory engine registered on the same-origin
// parent or opener) and "preview" (the theme builder's live preview, driven by postMessage).
// It holds the state, the transport, the messages to the embedder and the render loop; what the page
// draws is in hostedPageViews.ts. Both are bundled into one string (scripts/buildHostedPageScript.ts
// → hostedPageScript.generated.ts) so the script can be inlined under a nonce in any document,
// Node-rendered or blob-built.
// Protocol v1 messages (packages/core/PROTOCOL.md) go to window.parent or window.opener with an
// explicit target origin, never "*", and only when the page's messages are on.

import type { FlowConfigUi, Locale, PipelineStep, ServiceName } from '@verigram-kit/core';
import type { HostedPageState } from '../engine/projections.ts';
import { createViews, el } from './hostedPageViews.ts';

/** A draft the theme builder previews: its look, locale, pipeline and the step shown. */
export interface PreviewDraft {
  ui?: Partial<FlowConfigUi>;
  locale?: Locale;
  stepIndex?: number;
  pipeline?: Pick<PipelineStep, 'service_name'>[];
}

/** What renderHostedPage puts in the page's `#vg-model` JSON. */
export interface HostedPageData {
  mode: 'server' | 'bridge' | 'preview';
  apiBase?: string;
  bridgeKey?: string;
  flowId: string;
  state?: HostedPageState | null;
  preview?: PreviewDraft;
  pingMs?: number;
  postMessages?: boolean;
  catalog: Record<string, { defaults: Partial<Record<Locale, string>> & { en: string } }>;
  themes: Record<string, Record<string, string>>;
  livenessErrors: readonly string[];
  defaultLogoUrl: string;
  defaultFaviconUrl: string;
}

/** The page's state; a preview's look is a draft, so its fields may be missing. */
export type PageState = Omit<HostedPageState, 'ui'> & { ui: Partial<FlowConfigUi> };
export type StepState = PageState['steps'][number];
export type PageAction =
  | { type: 'open' | 'start' | 'ping' | 'abandon' }
  | { type: 'outcome'; outcome: 'pass' | 'fail' | 'unknown'; errorCodes?: string[] };
type Bridge = (flowId: string, action: unknown) => unknown;

const model = JSON.parse(
  (document.getElementById('vg-model') as HTMLElement).textContent ?? '{}',
) as HostedPageData;
const NONCE = document.currentScript?.nonce ?? '';
const root = document.getElementById('vg-root') as HTMLElement;
let state: PageState | null = model.state ?? null;
let pipelineOverride: Pick<PipelineStep, 'service_name'>[] | null = null;
let previewStep = 0;
const flowId = model.flowId;
const sent = { ready: false, index: -1, end: false };
let busy = false;

// ---- strings and theme ----------------------------------------------------------------------
const ui = (): Partial<FlowConfigUi> => state?.ui ?? {};
const locale = (): Locale => state?.locale ?? 'en';

function t(key: string, vars?: Record<string, string | number>): string {
  const own = ui().translation?.[locale()] ?? {};
  const entry = model.catalog[key];
  let text = Object.hasOwn(own, key)
    ? (own[key] as string)
    : entry
      ? entry.defaults[locale()] || entry.defaults.en
      : key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.split(`{${k}}`).join(String(v));
  return text;
}

/** A service's name from the catalog (service.<name>), so locale and overrides reach it. */
const serviceLabel = (name: ServiceName): string =>
  model.catalog[`service.${name}`] ? t(`service.${name}`) : name;

function applyLook(): void {
  const u = ui();
  const tokens = model.themes[u.theme ?? 'default'] ?? model.themes.default ?? {};
  let css = ':root{';
  for (const [name, value] of Object.entries(tokens)) css += `${name}:${value};`;
  css += `}\n${u.css ?? ''}`;
  const old = document.getElementById('vg-look');
  const style = document.createElement('style');
  style.id = 'vg-look';
  style.nonce = NONCE;
  style.textContent = css;
  if (old) old.replaceWith(style);
  else document.head.appendChild(style);
  const icon = document.querySelector<HTMLLinkElement>('link[rel=icon]');
  if (icon) {
    if (!icon.getAttribute('data-default')) icon.setAttribute('data-default', icon.href);
    icon.href =
      u.favicon_url && u.favicon_url !== model.defaultFaviconUrl
        ? u.favicon_url
        : (icon.getAttribute('data-default') as string);
  }
  document.documentElement.lang = locale();
  document.title = t('header.title');
}

// ---- messages to the embedder -----------------------------------------------------------------
function targetWindow(): Window | null {
  if (window.parent && window.parent !== window) return window.parent;
  return window.opener ?? null;
}

function originOf(url: string): string | null {
  try {
    const o = new URL(url).origin;
    return o && o !== 'null' ? o : null;
  } catch {
    return null;
  }
}

function targetOrigin(): string | null {
  // The flow's callback_url names the embedder; without one, the frame's ancestor or referrer.
  // (An app's own scheme, myapp://done, has no web origin: fall back to the frame's ancestor.)
  const fromCallback = state?.callbackUrl ? originOf(state.callbackUrl) : null;
  if (fromCallback) return fromCallback;
  const ancestors = location.ancestorOrigins;
  if (ancestors?.length) {
    const a = ancestors[0];
    if (a && a !== 'null') return a;
  }
  return document.referrer ? originOf(document.referrer) : null;
}

function post(type: string, extra?: Record<string, unknown>): void {
  // Silent like Verigram's page (postMessages: false); the theme preview answers its builder anyway.
  if (model.postMessages === false && model.mode !== 'preview') return;
  const target = targetWindow();
  const origin = targetOrigin();
  if (!target || !origin) return;
  const msg = { protocol: 'verigram-hf2', version: 1, type, flowId, ...extra };
  try {
    target.postMessage(msg, origin);
  } catch {
    // The embedder navigated away.
  }
}

let lastHeight = 0;
function reportHeight(): void {
  const h = Math.ceil(document.body.scrollHeight);
  if (h && h !== lastHeight) {
    lastHeight = h;
    post('resize', { height: h });
  }
}
if (typeof ResizeObserver === 'function') new ResizeObserver(reportHeight).observe(document.body);

// ---- transport ------------------------------------------------------------------------------
function bridge(): Bridge | null {
  for (const w of [window.parent, window.opener as Window | null]) {
    try {
      const reg = (w as (Window & { __verigramSandbox__?: Record<string, Bridge> }) | null)
        ?.__verigramSandbox__;
      const found = model.bridgeKey ? reg?.[model.bridgeKey] : undefined;
      if (found) return found;
    } catch {
      // A cross-origin window: not ours.
    }
  }
  return null;
}

function send(action: PageAction): Promise<PageState | null> {
  if (model.mode === 'preview') return Promise.resolve(state);
  if (model.mode === 'bridge') {
    const b = bridge();
    if (!b) return Promise.reject(new Error('The in-memory sandbox is not reachable from this window'));
    return new Promise((resolve) => resolve(b(flowId, JSON.parse(JSON.stringify(action))))).then(
      (s) => JSON.parse(JSON.stringify(s)) as PageState,
    );
  }
  return fetch(`${model.apiBase}actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(action),
    credentials: 'omit',
  }).then((r) =>
    r.json().then((body: PageState & { error_msg?: string }) => {
      if (!r.ok) throw new Error(body.error_msg || String(r.status));
      return body;
    }),
  );
}

// One request at a time. A keep-alive ping is skipped while anything is in flight; a person's
// action waits for the page's own in-flight request (the first `open`, a ping) instead of being
// lost, and a second click while their own action is pending is ignored (it would otherwise
// decide the next step too).
let inFlight: Promise<void> | null = null;
function act(action: PageAction): Promise<void> {
  const isPing = action.type === 'ping';
  const byPerson = action.type !== 'ping' && action.type !== 'open';
  if (isPing ? inFlight : byPerson && busy) return Promise.resolve();
  if (byPerson) busy = true;
  const run = (inFlight ?? Promise.resolve()).then(() => send(action));
  const done = run.then(
    (next) => update(next),
    (err: unknown) => showError(err),
  );
  const settled: Promise<void> = done.then(() => {
    if (byPerson) busy = false;
    if (inFlight === settled) inFlight = null;
  });
  inFlight = settled;
  return settled;
}

function showError(err: unknown): void {
  const message = (err as { message?: unknown } | null)?.message;
  root.replaceChildren(
    el('div', { class: 'vg-shell' }, [
      el('div', { class: 'vg-card vg-center', role: 'alert' }, [
        el('div', { class: 'vg-result-icon', 'data-tone': 'fail', text: '!' }),
        el('h2', { text: t('result.fail.title') }),
        el('p', { text: String(message || err) }),
      ]),
    ]),
  );
}

// ---- state changes and rendering ----------------------------------------------------------------------------
function update(next: PageState | null): void {
  const prev = state;
  state = next;
  if (prev && next && prev.steps) {
    next.steps.forEach((s, i) => {
      const before = prev.steps[i];
      if (
        before &&
        (before.status === 'active' || before.status === 'pending') &&
        (s.status === 'pass' || s.status === 'fail' || s.status === 'unknown')
      )
        post('step_completed', {
          stepId: s.stepId,
          stepIndex: i,
          serviceName: s.serviceName,
          status: s.status,
        });
    });
  }
  render();
}

function announce(): void {
  if (!state) return;
  if (!sent.ready) {
    sent.ready = true;
    post('ready', { stepCount: state.steps.length });
  }
  if (state.phase === 'in_progress' && sent.index !== state.currentIndex) {
    sent.index = state.currentIndex;
    const s = state.steps[state.currentIndex] as StepState;
    post('step_started', { stepId: s.stepId, stepIndex: state.currentIndex, serviceName: s.serviceName });
  }
  if (state.phase === 'ended' && !sent.end && model.mode !== 'preview') {
    sent.end = true;
    if (state.endCause === 'completed') post('completed', { flowStatus: state.flowStatus });
    else if (state.endCause === 'disconnected' && state.abandoned) post('cancelled');
    else post('failed', { endCause: state.endCause });
  }
}

let renderedKey: string | null = null;
function render(): void {
  if (!state) {
    root.replaceChildren(
      el('div', { class: 'vg-shell' }, [el('div', { class: 'vg-spinner', role: 'status' })]),
    );
    return;
  }
  applyLook();
  // Re-rendering the same step would restart the camera: skip when nothing the user sees changed.
  const key = JSON.stringify([
    state.phase,
    state.currentIndex,
    state.retryErrorCodes,
    views.retryDismissed(),
    state.locale,
    state.ui,
    state.steps.length,
    model.mode === 'preview' ? previewStep : 0,
  ]);
  if (key === renderedKey) {
    announce();
    return;
  }
  renderedKey = key;
  views.stopCamera();
  const shell = views.shell();
  root.replaceChildren(shell);
  announce();
  reportHeight();
}

const views = createViews({
  model,
  shown: () => state as PageState,
  ui,
  locale,
  t,
  serviceLabel,
  act,
  post,
  render,
});

// ---- preview mode -----------------------------------------------------------------------------
function previewState(msg: PreviewDraft): PageState {
  const pipeline = msg.pipeline ||
    pipelineOverride || [{ service_name: 'consent' }, { service_name: 'verilive' }];
  pipelineOverride = pipeline;
  const index = typeof msg.stepIndex === 'number' ? msg.stepIndex : 0;
  previewStep = index;
  const phase = index < 0 ? 'not_started' : index >= pipeline.length ? 'ended' : 'in_progress';
  return {
    flowId: 'preview',
    locale: msg.locale || 'en',
    ui: msg.ui || {},
    statusPage: true,
    callbackUrl: null,
    phase,
    currentIndex: Math.max(0, Math.min(index, pipeline.length - 1)),
    steps: pipeline.map((p, i) => ({
      stepId: `preview-${i}`,
      serviceName: p.service_name,
      status: i < index ? 'pass' : i === index ? 'active' : 'pending',
      attemptsLeft: 5,
    })),
    flowStatus: phase === 'ended' ? 'pass' : 'unknown',
    endCause: phase === 'ended' ? 'completed' : null,
    abandoned: false,
    retryErrorCodes: null,
    inputData: {},
  };
}

if (model.mode === 'preview') {
  state = previewState(model.preview ?? {});
  window.addEventListener('message', (event) => {
    // Only the embedding theme builder may drive the preview.
    if (event.source !== window.parent || window.parent === window) return;
    const d = event.data as (PreviewDraft & { protocol?: unknown; version?: unknown; type?: unknown }) | null;
    if (d?.protocol !== 'verigram-kit' || d.version !== 1 || d.type !== 'preview') return;
    state = previewState(d);
    render();
  });
  render();
} else {
  render();
  act({ type: 'open' });
  // While the page is open it keeps the flow alive (the five-minute disconnect is for lost users)
  // and picks up changes made through the control route.
  setInterval(() => {
    if (state && state.phase !== 'ended' && document.visibilityState !== 'hidden') act({ type: 'ping' });
  }, model.pingMs || 4000);
}
window.addEventListener('pagehide', views.stopCamera);
// The host's document never sees keys pressed in this frame (another origin): tell it about Escape,
// so a dialog around the frame can offer to close (PROTOCOL.md, close_request). The host decides.
window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.defaultPrevented && model.mode !== 'preview') post('close_request');
});
