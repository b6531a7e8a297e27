import { describe, expect, it } from 'vitest';
import {
  BRAND_CSS_END,
  BRAND_CSS_START,
  compileBrandCss,
  composeFlowUiCss,
  parseBrandCss,
  resolveOnPrimaryColor,
} from '../brandTokens.ts';
import { CSS_PROPERTIES } from '../cssProperties.ts';

describe('compileBrandCss', () => {
  it('given no tokens, emits nothing', () => {
    expect(compileBrandCss({})).toBe('');
  });

  it('emits every token on the documented custom properties, between the markers', () => {
    const css = compileBrandCss({
      primaryColor: '#1F5EFF',
      textColor: '#111',
      backgroundColor: '#fafafa',
      radiusPx: 6,
      fontFamily: ' Inter, "Segoe UI", sans-serif ',
      logoHeightPx: 40,
    });
    expect(css).toBe(
      [
        BRAND_CSS_START,
        ':root {',
        '  --vg-color-primary: #1f5eff;',
        '  --vg-color-on-primary: #ffffff;',
        '  --vg-color-text: #111111;',
        '  --vg-color-background: #fafafa;',
        '  --vg-radius: 6px;',
        '  --vg-font-family: Inter, "Segoe UI", sans-serif;',
        '  --vg-logo-height: 40px;',
        '}',
        BRAND_CSS_END,
      ].join('\n'),
    );
    for (const property of css.matchAll(/(--vg-[a-z-]+):/g))
      expect(CSS_PROPERTIES).toHaveProperty(property[1] as string);
  });

  it('computes on-primary for light primaries and keeps an explicit one', () => {
    expect(compileBrandCss({ primaryColor: '#ffd400' })).toContain('--vg-color-on-primary: #000000;');
    expect(resolveOnPrimaryColor({ primaryColor: '#ffd400', onPrimaryColor: '#222222' })).toBe('#222222');
    expect(resolveOnPrimaryColor({})).toBeUndefined();
  });

  it('leaves out values it cannot compile safely', () => {
    const css = compileBrandCss({
      primaryColor: 'red; } body { display:none',
      radiusPx: 500,
      fontFamily: 'x; } @import "y"',
      logoHeightPx: 32,
    });
    expect(css).not.toContain('red');
    expect(css).not.toContain('--vg-radius');
    expect(css).not.toContain('import');
    expect(css).toContain('--vg-logo-height: 32px;');
  });

  it('puts free CSS after the block so it wins the cascade', () => {
    const css = composeFlowUiCss(
      { primaryColor: '#000000' },
      '  .vg-button { text-transform: uppercase; }  ',
    );
    expect(css.indexOf(BRAND_CSS_END)).toBeLessThan(css.indexOf('.vg-button'));
    expect(css.endsWith('uppercase; }')).toBe(true);
  });
});

describe('parseBrandCss', () => {
  it('reads back what compileBrandCss wrote, with the free CSS around it', () => {
    const tokens = {
      primaryColor: '#ffd400',
      radiusPx: 2.5,
      fontFamily: 'Inter, sans-serif',
      onPrimaryColor: '#333333',
    };
    const css = `h1 { color: red; }\n\n${compileBrandCss(tokens)}\n\n.footer { display: none; }`;
    expect(parseBrandCss(css)).toEqual({
      tokens,
      customCss: 'h1 { color: red; }\n\n.footer { display: none; }',
      found: true,
    });
  });

  it('drops an on-primary that merely equals the computed one', () => {
    expect(parseBrandCss(compileBrandCss({ primaryColor: '#1f5eff' })).tokens).toEqual({
      primaryColor: '#1f5eff',
    });
  });

  it.each([
    ['no markers', ':root { --vg-color-primary: #000; }'],
    ['an unknown property', `${BRAND_CSS_START}\n:root {\n  --vg-color-muted: #000000;\n}\n${BRAND_CSS_END}`],
    ['a non-hex colour', `${BRAND_CSS_START}\n:root {\n  --vg-color-primary: red;\n}\n${BRAND_CSS_END}`],
    ['another selector', `${BRAND_CSS_START}\nbody {\n  --vg-color-primary: #000000;\n}\n${BRAND_CSS_END}`],
    ['a missing end marker', `${BRAND_CSS_START}\n:root {\n  --vg-color-primary: #000000;\n}`],
  ])('given %s, keeps everything as free CSS', (_, css) => {
    expect(parseBrandCss(css)).toEqual({ tokens: {}, customCss: css.trim(), found: false });
  });
});
