// The hosted page as a pure function of its model: an HTML string with the stylesheet, the model
// as JSON and the shared client script, all under one nonce. Runs in Node (the HTTP server) and in
// browsers (the in-memory client builds blob: vlinks from it).

import type { FlowConfigUi, Locale, PipelineStep } from '@verigram-kit/core';
import { LIVENESS_ERRORS } from '@verigram-kit/core';
import {
  DEFAULT_FAVICON_URL,
  DEFAULT_LOGO_URL,
  THEME_TOKENS,
  TRANSLATION_CATALOG,
} from '@verigram-kit/core/ui';
import { randomUuid } from '../engine/createIdGenerator.ts';
import type { HostedPageState } from '../engine/projections.ts';
import type { HostedPageData } from './hostedPage.client.ts';
import { HOSTED_PAGE_SCRIPT } from './hostedPageScript.generated.ts';
import { HOSTED_PAGE_STYLES } from './hostedPageStyles.ts';

/** Where the page gets its state and sends the user's actions. */
export type HostedPageMode =
  /** Served by the sandbox's HTTP server; actions go to `{apiBase}actions`. */
  | { mode: 'server'; apiBase: string }
  /** No server: actions go to `window.(parent|opener).__verigramSandbox__[bridgeKey]` (same origin). */
  | { mode: 'bridge'; bridgeKey: string }
  /** The theme builder's live preview of a draft config, driven by postMessage. */
  | { mode: 'preview' };

export type HostedPageModel = HostedPageMode & {
  /** The flow id ('preview' in preview mode). */
  flowId: string;
  /** The state to paint first; without it the page shows a spinner until its `open` action answers. */
  state?: HostedPageState | null;
  /** Initial draft for preview mode. */
  preview?: {
    ui?: Partial<FlowConfigUi>;
    locale?: Locale;
    stepIndex?: number;
    pipeline?: Pick<PipelineStep, 'service_name'>[];
  };
  /** CSP nonce for the inline style and script. @default a random one */
  nonce?: string;
  /** How often an open page pings (keeps the flow alive, picks up control-route changes). @default 4000 */
  pingMs?: number;
  /**
   * Post the sandbox's postMessage protocol to the embedder. `false` is the real page: silent
   * (Verigram documents no messages); it still goes to `callback_url` at the end. The theme preview
   * is sandbox-only and always answers its builder. @default true
   */
  postMessages?: boolean;
};

/** The Content-Security-Policy the page is built for (sent as a header by the server, and as a meta tag). */
export function hostedPageCsp(nonce: string, { withFrameAncestors = false } = {}): string {
  const rules = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    // Logos and favicons come from the integrator's own hosts (FlowConfigUi.logo_url / favicon_url).
    'img-src http: https: data: blob:',
    'media-src blob: mediastream:',
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // The real page is made to be framed by any integrator (spec: "embedded via iframe").
  if (withFrameAncestors) rules.push('frame-ancestors *');
  return rules.join('; ');
}

// The spec's default favicon lives on Verigram's CDN; the sandbox draws its own so it works offline.
const DEFAULT_FAVICON_DATA_URI =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='15' fill='%231f5eff'/%3E%3Cpath d='M9 16l5 5 9-10' stroke='white' stroke-width='3.5' fill='none'/%3E%3C/svg%3E";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
// JSON inside <script> must not close the element or open a comment.
const escapeJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export function renderHostedPage(model: HostedPageModel): string {
  const nonce = model.nonce ?? randomUuid().replace(/-/g, '');
  const locale: Locale = model.state?.locale ?? model.preview?.locale ?? 'en';
  const overrides = (model.state?.ui ?? model.preview?.ui)?.translation?.[locale];
  const title = overrides?.['header.title'] ?? TRANSLATION_CATALOG['header.title'].defaults[locale];
  const { nonce: _nonce, ...shown } = model;
  // What the page's script reads: the two sides share this type, so they cannot drift apart.
  const data: HostedPageData = {
    ...shown,
    catalog: TRANSLATION_CATALOG,
    themes: THEME_TOKENS,
    livenessErrors: LIVENESS_ERRORS,
    defaultLogoUrl: DEFAULT_LOGO_URL,
    defaultFaviconUrl: DEFAULT_FAVICON_URL,
  };
  // The default theme's tokens paint the first frame; the script then applies the flow's look.
  const tokens = Object.entries(THEME_TOKENS[model.state?.ui?.theme ?? model.preview?.ui?.theme ?? 'default'])
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(hostedPageCsp(nonce))}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="${DEFAULT_FAVICON_DATA_URI}">
<style nonce="${nonce}">:root{${tokens}}${HOSTED_PAGE_STYLES}</style>
</head>
<body>
<div id="vg-root"></div>
<script type="application/json" id="vg-model">${escapeJson(data)}</script>
<script nonce="${nonce}">${HOSTED_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
