/** The meta through which the demo's page learns, at run time, where the sandbox's hosted page is. */
const META_NAME = 'verigram-sandbox-url';

/**
 * What `__DEMO_SANDBOX_URL__` stands for in the browser bundle: read from the served page, not
 * fixed at build time, so one build runs against any sandbox address (ports, SANDBOX_PUBLIC_URL)
 * or against real Verigram (no meta: null).
 */
export const SANDBOX_URL_FROM_PAGE = `(document.querySelector('meta[name=${META_NAME}]')?.content ?? null)`;

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The page with the sandbox's public page URL in its head (the builder's preview and the sandbox
 * hint read it); unchanged when the demo runs against real Verigram.
 */
export function injectSandboxUrl(html: string, sandboxUrl: string | null): string {
  if (!sandboxUrl) return html;
  const meta = `<meta name="${META_NAME}" content="${escapeAttribute(sandboxUrl)}">`;
  return html.replace('</head>', `  ${meta}\n  </head>`);
}
