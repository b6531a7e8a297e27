// The one FlowConfigUi policy: what the builder may export, what the proxy forwards (raw `ui` from
// the browser, `uiPresets` and `templates[].ui` at boot) and what the sandbox accepts. All three
// call checkFlowUi with these options and these defaults, so a config one of them accepts, the
// others accept too.
//
// The rule, and why:
// - The hosted page renders the user's camera and ID document. Whatever the config makes the page
//   fetch from another host tells that host who is verifying and when, and CSS can go further:
//   an attribute selector plus a background url() reads page content out letter by letter. So an
//   image (logo_url, favicon_url, every CSS url()) comes only from an https host in
//   `allowedAssetHosts`, or is inline `data:image/…` (png, jpeg, gif, webp, avif, svg+xml). An
//   inline image makes no request, so it can neither track nor exfiltrate; an SVG used as an image
//   runs no script and loads nothing (SVG Integration, secure static/animated mode); the size cap
//   bounds it. The spec's own default logo and favicon URLs are always accepted as they are:
//   Verigram shows them when the fields are unset anyway.
// - By default the only allowed host is Verigram's own (docs.services.verigram.cloud, the spec's
//   default favicon), which learns nothing it does not already know. Not the host of the default
//   logo, s3.eu-central-1.amazonaws.com: any AWS customer can serve, and log, files there.
// - In CSS, whatever fetches without a url() that can be checked is refused: `@import`, and
//   `image-set()`, `image()` and `src()`, which take a bare string or a var() as the address.
//   `expression()`, `behavior` and `-moz-binding` run code in old engines; `javascript:` too.
// - A CSS escape may stand only for a character beyond ASCII (`content: "\201C"`, an icon font's
//   `"\f101"`) or a control character (`"\A"`). An escape of a printable ASCII character or of a
//   line break is refused: it is the only way to spell `url(`, `@import`, a quote or a host that a
//   plain-text check does not see, and the character itself can always be written instead. A URL
//   holds no backslash at all (`\FF0E` would become a dot in the host name).
// - `</style>`, `<script` and `<!--` are refused: they could end the page's <style> element.
// - Relative url()s are a warning: they load from the hosted page's own host, which is no third
//   party, but they point at Verigram's files, not the integrator's.
// - `http://localhost` assets are a warning when the host is allowed: fine for a local preview,
//   unreachable for real users.
// - Only the spec's five fields (FlowConfigUi: theme, logo_url, favicon_url, translation, css);
//   anything else is an error, since Verigram would ignore it (a `logoUrl` typo shows no logo).
// - Text on colours set in the config must meet WCAG AA (4.5:1); colours the theme brings are a
//   warning only, as the designer did not choose them.

export interface FlowUiPolicyOptions {
  /**
   * Hosts that `logo_url`, `favicon_url` and CSS `url()` may load from, over https. An entry
   * `*.example.com` matches its subdomains (not `example.com` itself). Case does not matter.
   * The spec's default logo and favicon URLs are accepted whatever this says.
   * @default ['docs.services.verigram.cloud'] (Verigram's own host)
   */
  allowedAssetHosts?: readonly string[] | undefined;
  /** Cap of `css`, in UTF-8 bytes. @default 16384 */
  maxCssBytes?: number | undefined;
  /** Cap of the whole FlowConfigUi serialised as JSON, in UTF-8 bytes. @default 32768 */
  maxUiBytes?: number | undefined;
}

/** The defaults of every FlowConfigUi check: the builder's, the proxy's and the sandbox's. */
export const DEFAULT_FLOW_UI_POLICY: Readonly<Required<FlowUiPolicyOptions>> = /* @__PURE__ */ Object.freeze({
  allowedAssetHosts: /* @__PURE__ */ Object.freeze(['docs.services.verigram.cloud']),
  maxCssBytes: 16_384,
  maxUiBytes: 32_768,
});

/** The options with every unset one filled from DEFAULT_FLOW_UI_POLICY. */
export function resolveFlowUiPolicy(options: FlowUiPolicyOptions = {}): Required<FlowUiPolicyOptions> {
  return {
    allowedAssetHosts: options.allowedAssetHosts ?? DEFAULT_FLOW_UI_POLICY.allowedAssetHosts,
    maxCssBytes: options.maxCssBytes ?? DEFAULT_FLOW_UI_POLICY.maxCssBytes,
    maxUiBytes: options.maxUiBytes ?? DEFAULT_FLOW_UI_POLICY.maxUiBytes,
  };
}

/** Whether `host` is one of `allowed` (exact, or under a `*.` entry), ignoring case. */
export function isAssetHostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => {
    const a = entry.toLowerCase();
    return a.startsWith('*.') ? h.endsWith(a.slice(1)) : h === a;
  });
}

/** `data:` URLs of these image types make no request and run no script. */
export const INLINE_IMAGE_URL = /^data:image\/(?:png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;

export const LOOPBACK_HOSTS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'localhost',
  '127.0.0.1',
  '[::1]',
]);
