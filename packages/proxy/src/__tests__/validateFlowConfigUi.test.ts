import { describe, expect, it } from 'vitest';
import { validateFlowConfigUi } from '../validateFlowConfigUi.ts';

const options = { allowedAssetHosts: ['cdn.example.com'], maxCssBytes: 200, maxUiBytes: 1000 };

describe('validateFlowConfigUi', () => {
  it('accepts a theme, allowlisted https assets, translations and tame css', () => {
    expect(
      validateFlowConfigUi(
        {
          theme: 'bts',
          logo_url: 'https://cdn.example.com/logo.svg',
          favicon_url: 'https://cdn.example.com/favicon.png',
          translation: { ru: { title: 'Проверка' } },
          css: ":root { --vg-primary: #0a7; } .logo { background: url('https://cdn.example.com/bg.png') }",
        },
        options,
      ),
    ).toBeUndefined();
  });

  it.each([
    [{ css: '@import "https://cdn.example.com/a.css";' }, /@import/],
    [{ css: '@IMPORT url(https://cdn.example.com/a.css);' }, /@import/],
    [{ css: '@im/**/port "x.css";' }, /@import/],
    [{ css: '@\\69mport "x.css";' }, /backslash/],
    [{ css: 'a { background: url(https://evil.io/p.png) }' }, /evil\.io/],
    [{ css: 'a { background: url( "http://cdn.example.com/p.png" ) }' }, /https/],
    [{ css: 'a { background: url(data:image/png;base64,AAAA) }' }, /https/],
    [{ css: 'a { background: url("https://evil.io/a) b") }' }, /url\(\)/],
    [{ css: 'a { width: expression(alert(1)) }' }, /expression/],
    [{ css: 'a { background-image: image-set("https://evil.io/a.png" 1x) }' }, /image-set/],
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
  ])('refuses %j', (ui, message) => {
    expect(validateFlowConfigUi(ui, options)).toMatch(message);
  });
});
