// One FlowConfigUi policy: whatever the builder exports, the proxy and the sandbox accept, and
// what they accept, core's checkFlowUi reports no error for. Random drafts are built through the
// builder's own setters, random CSS from fragments that include escapes, url()s, data: images,
// image-set() and comments; every package runs with the same (default) options.

import { LOCALES } from '@verigram-kit/core';
import {
  BRAND_TOKEN_NAMES,
  checkFlowUi,
  checkFlowUiDraft,
  createFlowUiDraft,
  DEFAULT_FAVICON_URL,
  DEFAULT_LOGO_URL,
  type FlowUiDraft,
  setFlowUiCustomCss,
  setFlowUiFaviconUrl,
  setFlowUiLogoUrl,
  setFlowUiTheme,
  setFlowUiToken,
  setFlowUiTranslation,
  TRANSLATION_KEYS,
  toFlowConfigUi,
} from '@verigram-kit/core/ui';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { SandboxEngine } from '@verigram-kit/sandbox';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ALLOWED = 'docs.services.verigram.cloud';

const url = fc.constantFrom(
  `https://${ALLOWED}/brand/logo.svg`,
  'https://cdn.example.com/logo.svg',
  'https://s3.eu-central-1.amazonaws.com/any-bucket/logo.svg',
  `http://${ALLOWED}/logo.svg`,
  'http://localhost:5173/logo.svg',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:image/svg+xml,%3Csvg%2F%3E',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  '/logo.svg',
  `https://user:pw@${ALLOWED}/l.svg`,
  DEFAULT_LOGO_URL,
  DEFAULT_FAVICON_URL,
  '',
);

const cssFragment = fc.oneof(
  fc.constantFrom(
    '.vg-button { border-radius: 4px; }',
    ':root { --vg-color-primary: #0a7e5c; }',
    ':root { --vg-color-text: #777777; --vg-color-background: #ffffff; }',
    '@media (width < 600px) { .vg-title { font-size: 1rem; } }',
    '/* brand */',
    '/*',
    '*/',
    '.q::before { content: "\\201C"; }',
    '.i::before { content: "\\f101"; }',
    '.l::after { content: "a\\A b"; }',
    '@\\69mport "x.css";',
    'a { b: u\\72l(https://evil.example/x) }',
    'a { content: "x\\\ny" }',
    'a { b: url(https://cdn.example.com\\FF0E evil.example/x) }',
    '@import "https://evil.example/x.css";',
    '@im/**/port "y.css";',
    `a { background: url(https://${ALLOWED}/bg.png) }`,
    'a { background: url("https://evil.example/p.gif") }',
    "a { background: url('//evil.example/p.gif') }",
    'a { background: url("/\t/evil.example/p.gif") }',
    'a { background: url(img/bg.png) }',
    'a { background: url(data:image/png;base64,AAAA) }',
    'a { background: url(data:text/html,x) }',
    'a { background: url("http://cdn.example.com/p.png") }',
    `a { background: image-set("https://${ALLOWED}/a.png" 1x) }`,
    ':root { --u: "https://evil.example/a" } a { background: -webkit-image-set(var(--u) 1x) }',
    'a { background: src("https://evil.example/a.png") }',
    'a { width: expression(alert(1)) }',
    'a { -moz-binding: none }',
    'a { background: url("javascript:alert(1)") }',
    '</style><script>alert(1)</script>',
    '<!--',
    'a { content: "/*" } b { background: url(https://evil.example/x) } c { content: "*/" }',
    'a { background: url("https://evil.example/t.png"',
  ),
  fc.string({ maxLength: 12 }),
);
const css = fc.array(cssFragment, { maxLength: 6 }).map((parts) => parts.join('\n'));

type Step = (draft: FlowUiDraft) => FlowUiDraft;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom('default', 'bts' as const).map((theme) => (d: FlowUiDraft) => setFlowUiTheme(d, theme)),
  fc.option(url, { nil: undefined }).map((u) => (d: FlowUiDraft) => setFlowUiLogoUrl(d, u)),
  fc.option(url, { nil: undefined }).map((u) => (d: FlowUiDraft) => setFlowUiFaviconUrl(d, u)),
  fc
    .tuple(
      fc.constantFrom(...BRAND_TOKEN_NAMES),
      fc.constantFrom('#0a7e5c', '#ffffff', '#777777', '#7fb3ff', 'red', 'Inter, sans-serif', 'a;b', ''),
      fc.constantFrom(0, 8, 16, 48, 99),
    )
    .map(
      ([name, text, pixels]) =>
        (d: FlowUiDraft) =>
          setFlowUiToken(d, name, (name === 'radiusPx' || name === 'logoHeightPx' ? pixels : text) as never),
    ),
  fc
    .tuple(
      fc.constantFrom(...LOCALES),
      fc.oneof(fc.constantFrom(...TRANSLATION_KEYS), fc.string({ minLength: 1, maxLength: 8 })),
      fc.option(fc.string({ maxLength: 16 }), { nil: undefined }),
    )
    .map(
      ([locale, key, text]) =>
        (d: FlowUiDraft) =>
          setFlowUiTranslation(d, locale, key, text),
    ),
  css.map((text) => (d: FlowUiDraft) => setFlowUiCustomCss(d, text)),
);
const draft = fc
  .array(step, { maxLength: 8 })
  .map((steps) => steps.reduce((d, s) => s(d), createFlowUiDraft()));

const hasError = (issues: ReturnType<typeof checkFlowUi>) =>
  issues.some((issue) => issue.severity === 'error');

function proxyAccepts(ui: unknown): boolean {
  try {
    createVerigramProxy({
      apiKey: 'contract-test-key',
      secret: 'contract-test-secret-of-at-least-32-bytes',
      authorize: () => null,
      uiPresets: { brand: ui as never },
    });
    return true;
  } catch (error) {
    if (!(error instanceof TypeError) || !/uiPresets\.brand/.test(error.message)) throw error;
    return false;
  }
}

const engine = new SandboxEngine();
function sandboxAccepts(ui: unknown): boolean {
  try {
    engine.createFlow('sandbox-test-key', {
      person_id: 'person-1',
      template: { pipeline: [{ service_name: 'verilive' }], ui: ui as never },
    });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    return false;
  }
}

describe('one FlowConfigUi policy across the builder, the proxy and the sandbox', () => {
  it('given any draft built with the builder, then its export passes the proxy and the sandbox exactly when checkFlowUi reports no error', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const ui = toFlowConfigUi(d);
        const passes = !hasError(checkFlowUi(ui));
        expect(proxyAccepts(ui)).toBe(passes);
        expect(sandboxAccepts(ui)).toBe(passes);
        // What the builder lets a designer export (no error in the draft) the others accept.
        if (!hasError(checkFlowUiDraft(d))) expect(passes).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('given any ui object, then the proxy and the sandbox accept it exactly when checkFlowUi reports no error', () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.constant([]));
    const ui = fc.record(
      {
        theme: fc.oneof(fc.constantFrom('default', 'bts', 'dark'), anyValue),
        logo_url: fc.oneof(url, anyValue),
        favicon_url: fc.oneof(url, anyValue),
        translation: fc.oneof(
          fc.dictionary(
            fc.constantFrom(...LOCALES, 'de'),
            fc.oneof(
              fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 8 }), fc.integer())),
              anyValue,
            ),
          ),
          anyValue,
        ),
        css: fc.oneof(css, anyValue),
        logoUrl: fc.string({ maxLength: 8 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(ui, (value) => {
        const passes = !hasError(checkFlowUi(value));
        expect(proxyAccepts(value)).toBe(passes);
        expect(sandboxAccepts(value)).toBe(passes);
      }),
      { numRuns: 300 },
    );
  });

  it('given the concrete mismatches of the three old policies, then all three now agree', () => {
    for (const ui of [
      { css: '.q::before { content: "\\201C"; }' },
      { css: 'a { background: url(data:image/png;base64,AAAA) }' },
      { css: `a { background: image-set("https://${ALLOWED}/a.png" 1x) }` },
      { logo_url: 'https://cdn.example.com/logo.svg' },
    ]) {
      const passes = !hasError(checkFlowUi(ui));
      expect([proxyAccepts(ui), sandboxAccepts(ui)]).toEqual([passes, passes]);
    }
  });
});
