import { describe, expect, it } from 'vitest';
import { createFakeUpstream } from './fakeUpstream.ts';
import { createHarness, post } from './harness.ts';

// The proxy runs core's FlowConfigUi policy (checkFlowUi) on raw `ui` from the browser; these
// cases pin what a browser sees: 422 INVALID_UI with the first error's message, nothing created.
const policy = { allowedAssetHosts: ['cdn.example.com'], maxCssBytes: 200, maxUiBytes: 1000 };

function harness() {
  const upstream = createFakeUpstream();
  const { send } = createHarness(upstream, {
    allowClientUi: true,
    rateLimit: { perUser: false, perIp: false },
    uiPresets: {},
    ...policy,
  });
  return { upstream, send };
}

describe('createVerigramProxy: raw ui under the FlowConfigUi policy', () => {
  it.each([
    [
      'a theme, allowlisted https assets, translations and tame css',
      {
        theme: 'bts',
        logo_url: 'https://cdn.example.com/logo.svg',
        favicon_url: 'https://cdn.example.com/favicon.png',
        translation: { ru: { title: 'Проверка' } },
        css: ":root { --vg-primary: #0a7; } .logo { background: url('https://cdn.example.com/bg.png') }",
      },
    ],
    ['an inline data: image in css', { css: 'a { background: url(data:image/png;base64,AAAA) }' }],
    ['a data: logo', { logo_url: 'data:image/svg+xml,%3Csvg%2F%3E' }],
    ['a CSS escape of a character beyond ASCII', { css: '.q::before { content: "\\201C" }' }],
  ])('accepts %s', async (_, ui) => {
    const { upstream, send } = harness();
    const answer = await send(post('/flow', { template: 'basic', ui }));
    expect(answer.status).toBe(201);
    expect(upstream.flows.size).toBe(1);
  });

  it.each([
    [{ css: '@import "https://cdn.example.com/a.css";' }, /@import/],
    [{ css: '@IMPORT url(https://cdn.example.com/a.css);' }, /@import/],
    [{ css: '@im/**/port "x.css";' }, /@import/],
    [{ css: '@\\69mport "x.css";' }, /escape/],
    [{ css: 'a { background: url(https://evil.io/p.png) }' }, /evil\.io/],
    [{ css: 'a { background: url( "http://cdn.example.com/p.png" ) }' }, /https/],
    [{ css: 'a { background: url(data:text/html,x) }' }, /images only/],
    [{ css: 'a { background: url("https://evil.io/a) b") }' }, /url\(\)/],
    [{ css: 'a { width: expression(alert(1)) }' }, /expression/],
    [{ css: 'a { background-image: image-set("https://cdn.example.com/a.png" 1x) }' }, /image-set/],
    [{ css: 'a { background-image: src("https://evil.io/a.png") }' }, /src\(\)/],
    [{ css: 'a { -moz-binding: x }' }, /moz-binding/],
    [{ css: '</style><script>alert(1)</script>' }, /</],
    [{ css: 'a{}'.repeat(100) }, /larger than 200/],
    [{ logo_url: 'http://cdn.example.com/logo.svg' }, /https/],
    [{ favicon_url: 'https://evil.io/favicon.png' }, /allowedAssetHosts/],
    [{ logo_url: 'javascript:alert(1)' }, /https/],
    [{ theme: 'neon' }, /theme/],
    [{ translation: { de: { title: 'x' } } }, /locale/],
    [{ translation: { ru: { title: 1 } } }, /string/],
    [{ script: 'x' }, /not a FlowConfigUi field/],
    [{ translation: { ru: { big: 'x'.repeat(2000) } } }, /larger than 1000/],
    [[], /object/],
  ])('refuses %j with 422 INVALID_UI and creates nothing', async (ui, message) => {
    const { upstream, send } = harness();
    const answer = await send(post('/flow', { template: 'basic', ui }));
    expect(answer.status).toBe(422);
    expect(answer.json.error_code).toBe('INVALID_UI');
    expect(answer.json.error_msg).toMatch(message);
    expect(upstream.flows.size).toBe(0);
  });

  it('refuses at boot a preset the policy refuses, naming the preset and the field', () => {
    const upstream = createFakeUpstream();
    expect(() =>
      createHarness(upstream, { ...policy, uiPresets: { bad: { css: 'a { b: url(https://evil.io/p) }' } } }),
    ).toThrow(/uiPresets\.bad\/css: Line 1: url\(\) loads from evil\.io/);
    expect(() =>
      createHarness(upstream, {
        ...policy,
        uiPresets: {},
        templates: {
          kyc: { pipeline: [{ service_name: 'verilive' }], ui: { logo_url: 'https://evil.io/l.svg' } },
        },
      }),
    ).toThrow(/templates\.kyc\.ui\/logo_url: Logo URL loads from evil\.io/);
  });
});
