import { describe, expect, it } from 'vitest';
import { compileBrandCss } from '../brandTokens.ts';
import { checkFlowUi, checkFlowUiDraft } from '../checkFlowUi.ts';
import { createFlowUiDraft, DEFAULT_FAVICON_URL, DEFAULT_LOGO_URL } from '../flowUiDraft.ts';
import type { FlowUiIssue } from '../flowUiIssue.ts';

const valid = { theme: 'default', logo_url: DEFAULT_LOGO_URL, favicon_url: DEFAULT_FAVICON_URL };

describe('checkFlowUi', () => {
  it('accepts the spec defaults and an empty object', () => {
    expect(checkFlowUi(valid)).toEqual([]);
    expect(checkFlowUi({})).toEqual([]);
  });

  // Each rule, each message: [case, partial FlowConfigUi, the single expected issue].
  const cases: Array<[string, Record<string, unknown>, FlowUiIssue]> = [
    [
      'a non-object',
      [] as unknown as Record<string, unknown>,
      {
        path: '',
        severity: 'error',
        code: 'ui.invalid',
        params: {},
        message: 'A FlowConfigUi must be a JSON object.',
      },
    ],
    [
      'an unknown property',
      { colour: 'red' },
      {
        path: '/colour',
        severity: 'error',
        code: 'ui.property_unknown',
        params: { property: 'colour' },
        message:
          '"colour" is not a FlowConfigUi field (theme, logo_url, favicon_url, translation, css); Verigram would ignore it.',
      },
    ],
    [
      'an unknown theme',
      { theme: 'dark' },
      {
        path: '/theme',
        severity: 'error',
        code: 'theme.unknown',
        params: { theme: '"dark"' },
        message: 'Unknown theme "dark"; use one of default, bts.',
      },
    ],
    [
      'a logo over http',
      { logo_url: 'http://cdn.example.com/logo.svg' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.insecure',
        params: { url: 'http://cdn.example.com/logo.svg' },
        message:
          'Logo URL must use https (http is allowed only for localhost and 127.0.0.1): http://cdn.example.com/logo.svg',
      },
    ],
    [
      'a favicon on localhost, which the default asset hosts leave out',
      { favicon_url: 'http://localhost:5173/favicon.png' },
      {
        path: '/favicon_url',
        severity: 'error',
        code: 'url.host',
        params: {
          host: 'localhost',
          allowed: ['docs.services.verigram.cloud'],
        },
        message:
          'Favicon URL loads from localhost, which is not in the allowed asset hosts (allowedAssetHosts: docs.services.verigram.cloud).',
      },
    ],
    [
      'a logo on a host outside the allowed asset hosts',
      { logo_url: 'https://tracker.example.net/logo.svg' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.host',
        params: {
          host: 'tracker.example.net',
          allowed: ['docs.services.verigram.cloud'],
        },
        message:
          'Logo URL loads from tracker.example.net, which is not in the allowed asset hosts (allowedAssetHosts: docs.services.verigram.cloud).',
      },
    ],
    [
      'a relative logo URL',
      { logo_url: '/logo.svg' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.invalid',
        params: { value: '/logo.svg' },
        message: 'Logo URL "/logo.svg" is not an absolute URL; use https://…',
      },
    ],
    [
      'an empty favicon URL',
      { favicon_url: '' },
      {
        path: '/favicon_url',
        severity: 'error',
        code: 'url.invalid',
        params: {},
        message: 'Favicon URL must be a URL string.',
      },
    ],
    [
      'a javascript: logo',
      { logo_url: 'javascript:alert(1)' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.scheme',
        params: { scheme: 'javascript:' },
        message: 'Logo URL must be an https URL or a data: image; "javascript:" URLs are not accepted.',
      },
    ],
    [
      'a data: logo that is not an image',
      { logo_url: 'data:text/html,<script>alert(1)</script>' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.scheme',
        params: { scheme: 'data:' },
        message: 'Logo URL must be an https URL or a data: image; "data:" URLs are not accepted.',
      },
    ],
    [
      'credentials in a URL',
      { logo_url: 'https://user:pw@cdn.example.com/l.svg' },
      {
        path: '/logo_url',
        severity: 'error',
        code: 'url.credentials',
        params: {},
        message: 'Logo URL must not contain a user name or password.',
      },
    ],
    [
      'a translation that is not an object',
      { translation: 'hello' },
      {
        path: '/translation',
        severity: 'error',
        code: 'translation.invalid',
        params: {},
        message: 'translation must be an object of the form {locale: {key: text}}.',
      },
    ],
    [
      'an unsupported locale',
      { translation: { de: { 'button.start': 'Los' } } },
      {
        path: '/translation/de',
        severity: 'error',
        code: 'translation.locale_unknown',
        params: { locale: 'de', supported: ['kk', 'ru', 'en'] },
        message: 'Unknown locale "de"; the page supports kk, ru, en.',
      },
    ],
    [
      'a locale that is not an object',
      { translation: { en: ['Start'] } },
      {
        path: '/translation/en',
        severity: 'error',
        code: 'translation.locale_invalid',
        params: { locale: 'en' },
        message: 'translation.en must be an object of {key: text}.',
      },
    ],
    [
      'a non-string text',
      { translation: { en: { 'button.start': 42 } } },
      {
        path: '/translation/en/button.start',
        severity: 'error',
        code: 'translation.value_invalid',
        params: { locale: 'en', key: 'button.start' },
        message: 'en "button.start" must be a string.',
      },
    ],
    [
      'an unknown key with a typo',
      { translation: { en: { 'button.strat': 'Go' } } },
      {
        path: '/translation/en/button.strat',
        severity: 'info',
        code: 'translation.key_unknown',
        params: { key: 'button.strat', suggestion: 'button.start' },
        message:
          '"button.strat" is not known to the sandbox page; it may work on Verigram\'s page. Did you mean "button.start"?',
      },
    ],
    [
      'an unknown key with a slash, pointer-escaped',
      { translation: { en: { 'totally/new': 'x' } } },
      {
        path: '/translation/en/totally~1new',
        severity: 'info',
        code: 'translation.key_unknown',
        params: { key: 'totally/new' },
        message: '"totally/new" is not known to the sandbox page; it may work on Verigram\'s page.',
      },
    ],
    [
      'non-string css',
      { css: 12 },
      { path: '/css', severity: 'error', code: 'css.invalid', params: {}, message: 'css must be a string.' },
    ],
    [
      'unsafe css',
      { css: '@import "https://x.example/a.css";' },
      {
        path: '/css',
        severity: 'error',
        code: 'css.import',
        params: {},
        line: 1,
        message: 'Line 1: @import is not allowed; the page loads no external stylesheets.',
      },
    ],
    [
      'poor contrast on the primary colour',
      { css: compileBrandCss({ primaryColor: '#7fb3ff', onPrimaryColor: '#ffffff' }) },
      {
        path: '/css',
        severity: 'error',
        code: 'contrast.on_primary',
        params: { ratio: 2.14, required: 4.5, foreground: '#ffffff', background: '#7fb3ff' },
        message:
          'Text on the primary colour has contrast 2.14:1 (#ffffff on #7fb3ff); WCAG AA needs at least 4.5:1.',
      },
    ],
    [
      'grey #777 text on white, just below AA',
      { css: compileBrandCss({ textColor: '#777', backgroundColor: '#fff' }) },
      {
        path: '/css',
        severity: 'error',
        code: 'contrast.text_on_background',
        params: { ratio: 4.47, required: 4.5, foreground: '#777777', background: '#ffffff' },
        message:
          'Body text on the background has contrast 4.47:1 (#777777 on #ffffff); WCAG AA needs at least 4.5:1.',
      },
    ],
    [
      'a text colour set by hand in free CSS, against the theme background',
      { css: ':root { --vg-color-text: #e0e0e0; }' },
      {
        path: '/css',
        severity: 'error',
        code: 'contrast.text_on_background',
        params: { ratio: 1.22, required: 4.5, foreground: '#e0e0e0', background: '#f4f6fb' },
        message:
          'Body text on the background has contrast 1.22:1 (#e0e0e0 on #f4f6fb); WCAG AA needs at least 4.5:1.',
      },
    ],
    [
      'colours that are not hex',
      { css: ':root { --vg-color-primary: rebeccapurple; }' },
      {
        path: '/css',
        severity: 'info',
        code: 'contrast.unchecked',
        params: { pair: 'on_primary', foreground: '--vg-color-on-primary', background: '--vg-color-primary' },
        message:
          'Text on the primary colour could not be checked: --vg-color-on-primary and --vg-color-primary must be hex colours to be measured.',
      },
    ],
    [
      'the bts theme left as is (its own white on teal)',
      { theme: 'bts' },
      {
        path: '/css',
        severity: 'warning',
        code: 'contrast.on_primary',
        params: { ratio: 3.19, required: 4.5, foreground: '#ffffff', background: '#00a19a', theme: 'bts' },
        message:
          "Text on the primary colour has contrast 3.19:1 (#ffffff on #00a19a, the bts theme's own colours); WCAG AA needs at least 4.5:1. Set the colours in the brand tokens to fix it.",
      },
    ],
  ];

  it.each(cases)('reports %s', (_, ui, issue) => {
    expect(checkFlowUi(ui)).toEqual([issue]);
  });

  it("accepts the spec's default logo and favicon URLs whatever the allowed hosts", () => {
    expect(
      checkFlowUi(
        { logo_url: DEFAULT_LOGO_URL, favicon_url: DEFAULT_FAVICON_URL },
        { allowedAssetHosts: [] },
      ),
    ).toEqual([]);
    expect(
      checkFlowUi({ logo_url: 'https://s3.eu-central-1.amazonaws.com/any-bucket/logo.svg' }).map(
        (i) => i.code,
      ),
    ).toEqual(['url.host']);
  });

  it('accepts inline data: images as logo and favicon: they make no request', () => {
    expect(
      checkFlowUi({ logo_url: 'data:image/png;base64,AAAA', favicon_url: 'data:image/svg+xml,%3Csvg%2F%3E' }),
    ).toEqual([]);
  });

  it('warns about http on localhost once the designer allows that host', () => {
    const options = { allowedAssetHosts: ['localhost', '127.0.0.1'] };
    expect(checkFlowUi({ favicon_url: 'http://localhost:5173/favicon.png' }, options)).toEqual([
      {
        path: '/favicon_url',
        severity: 'warning',
        code: 'url.localhost',
        params: { host: 'localhost:5173' },
        message:
          'Favicon URL points at localhost:5173 over http: fine for local previews, unreachable for real users.',
      },
    ]);
    expect(checkFlowUi({ logo_url: 'http://127.0.0.1/logo.svg' }, options).map((i) => i.severity)).toEqual([
      'warning',
    ]);
  });

  it('takes a translation key named like an Object.prototype member as any unknown key', () => {
    expect(checkFlowUi({ translation: { kk: { valueOf: '!' } } }).map((i) => i.code)).toEqual([
      'translation.key_unknown',
    ]);
  });

  it('refuses a config larger than maxUiBytes as JSON', () => {
    const ui = { translation: { ru: { 'button.start': 'ж'.repeat(100) } } };
    const bytes = new TextEncoder().encode(JSON.stringify(ui)).length;
    expect(checkFlowUi(ui, { maxUiBytes: bytes }).some((i) => i.code === 'ui.too_large')).toBe(false);
    expect(checkFlowUi(ui, { maxUiBytes: bytes - 1 })).toContainEqual({
      path: '',
      severity: 'error',
      code: 'ui.too_large',
      params: { bytes, max: bytes - 1 },
      message: `The FlowConfigUi is ${bytes} bytes as JSON, larger than ${bytes - 1} bytes, the limit.`,
    });
  });

  it('passes #767676 on white, just above AA', () => {
    expect(
      checkFlowUi({ css: compileBrandCss({ textColor: '#767676', backgroundColor: '#ffffff' }) }),
    ).toEqual([]);
  });

  it('fixes the bts contrast once the designer picks a primary (on-primary is computed)', () => {
    expect(checkFlowUi({ theme: 'bts', css: compileBrandCss({ primaryColor: '#00a19a' }) })).toEqual([]);
  });

  it('lets the CSS allowlist through url() on allowed hosts', () => {
    const ui = { css: '.x { background: url(https://cdn.example.com/a.png) }' };
    expect(checkFlowUi(ui)).toHaveLength(1);
    expect(checkFlowUi(ui, { allowedAssetHosts: ['cdn.example.com'] })).toEqual([]);
  });

  describe('translations', () => {
    it('flags placeholders the override dropped or invented', () => {
      expect(
        checkFlowUi({
          translation: {
            en: { 'header.step_counter': 'Step {current}', 'generic.title': 'Checking {name}' },
            ru: { 'header.step_counter': 'Шаг {current} из {total}', 'generic.title': 'Проверка {service}' },
            kk: { 'header.step_counter': '{current}/{total}', 'generic.title': '{service}' },
          },
        }),
      ).toEqual([
        {
          path: '/translation/en/header.step_counter',
          severity: 'warning',
          code: 'translation.placeholder_missing',
          params: { locale: 'en', key: 'header.step_counter', placeholders: ['total'] },
          message: 'en "header.step_counter" drops {total}, which the sandbox page fills in.',
        },
        {
          path: '/translation/en/generic.title',
          severity: 'warning',
          code: 'translation.placeholder_missing',
          params: { locale: 'en', key: 'generic.title', placeholders: ['service'] },
          message: 'en "generic.title" drops {service}, which the sandbox page fills in.',
        },
        {
          path: '/translation/en/generic.title',
          severity: 'warning',
          code: 'translation.placeholder_unknown',
          params: { locale: 'en', key: 'generic.title', placeholders: ['name'], known: ['service'] },
          message:
            'en "generic.title" uses {name}, which the sandbox page never fills in (it knows {service}).',
        },
      ]);
    });

    it('flags an empty text', () => {
      expect(
        checkFlowUi({
          translation: {
            en: { 'button.start': ' ' },
            ru: { 'button.start': 'Старт' },
            kk: { 'button.start': 'Бастау' },
          },
        }),
      ).toEqual([
        {
          path: '/translation/en/button.start',
          severity: 'warning',
          code: 'translation.value_empty',
          params: { locale: 'en', key: 'button.start' },
          message:
            'en "button.start" is empty; the page would show nothing there. Remove it to keep the default.',
        },
      ]);
    });

    it('lists, per locale, the keys other locales override and it does not', () => {
      const ui = {
        translation: {
          en: { 'button.start': 'Go', 'footer.secured': 'Secured' },
          ru: { 'button.start': 'Вперёд' },
        },
      };
      expect(checkFlowUi(ui)).toEqual([
        {
          path: '/translation/kk',
          severity: 'warning',
          code: 'translation.keys_missing',
          params: { locale: 'kk', keys: ['button.start', 'footer.secured'] },
          message:
            "kk has no text for 2 keys overridden in other locales, so it shows the page's own texts: button.start, footer.secured.",
        },
        {
          path: '/translation/ru',
          severity: 'warning',
          code: 'translation.keys_missing',
          params: { locale: 'ru', keys: ['footer.secured'] },
          message:
            "ru has no text for 1 key overridden in other locales, so it shows the page's own texts: footer.secured.",
        },
      ]);
      expect(checkFlowUi(ui, { missingKeySeverity: 'info' }).map((i) => i.severity)).toEqual([
        'info',
        'info',
      ]);
    });

    it('takes a key the sandbox page does not know as a note, never an error', () => {
      // The spec's translation is a free map: Verigram's page may read keys the sandbox's does not.
      const ui = {
        translation: {
          en: { 'acme.consent_footer': 'Acme keeps your data in Almaty', 'button.start': 'Go' },
          ru: { 'acme.consent_footer': 'Acme хранит данные в Алматы', 'button.start': 'Вперёд' },
        },
      };
      const issues = checkFlowUi(ui);
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(
        issues.filter((i) => i.code === 'translation.key_unknown').map((i) => [i.path, i.severity]),
      ).toEqual([
        ['/translation/en/acme.consent_footer', 'info'],
        ['/translation/ru/acme.consent_footer', 'info'],
      ]);
      expect(issues.find((i) => i.code === 'translation.keys_missing')?.params).toEqual({
        locale: 'kk',
        keys: ['button.start'],
      });
    });
  });
});

describe('checkFlowUiDraft', () => {
  it.each([
    [
      'primaryColor',
      '#12',
      'token.color_invalid',
      { token: 'primaryColor', value: '"#12"', example: '#1f5eff' },
      'Primary colour must be a hex colour such as #1f5eff. Got "#12".',
    ],
    [
      'textColor',
      'black',
      'token.color_invalid',
      { token: 'textColor', value: '"black"', example: '#14171f' },
      'Text colour must be a hex colour such as #14171f. Got "black".',
    ],
    [
      'backgroundColor',
      '#ggg',
      'token.color_invalid',
      { token: 'backgroundColor', value: '"#ggg"', example: '#f4f6fb' },
      'Background colour must be a hex colour such as #f4f6fb. Got "#ggg".',
    ],
    [
      'onPrimaryColor',
      'white',
      'token.color_invalid',
      { token: 'onPrimaryColor', value: '"white"', example: '#ffffff' },
      'Text-on-primary colour must be a hex colour such as #ffffff. Got "white".',
    ],
    [
      'radiusPx',
      99,
      'token.radius_range',
      { token: 'radiusPx', value: '99', min: 0, max: 48 },
      'Corner radius must be a number of pixels from 0 to 48. Got 99.',
    ],
    [
      'logoHeightPx',
      4,
      'token.logo_height_range',
      { token: 'logoHeightPx', value: '4', min: 16, max: 96 },
      'Logo height must be a number of pixels from 16 to 96. Got 4.',
    ],
    [
      'fontFamily',
      'Inter; } body { display: none',
      'token.font_family_invalid',
      { token: 'fontFamily', value: '"Inter; } body { display: none"' },
      'Font family may contain only font names, quotes, commas and spaces (e.g. Inter, "Segoe UI", sans-serif). Got "Inter; } body { display: none".',
    ],
  ])('reports an invalid %s token at /tokens/%s', (name, value, code, params, message) => {
    const draft = createFlowUiDraft({ tokens: { [name]: value } });
    expect(checkFlowUiDraft(draft)).toEqual([
      { path: `/tokens/${name}`, severity: 'error', code, params, message },
    ]);
  });

  it('validates the compiled FlowConfigUi too', () => {
    const draft = createFlowUiDraft({
      logoUrl: 'http://cdn.example.com/l.svg',
      tokens: { primaryColor: '#ffffff', onPrimaryColor: '#eeeeee' },
    });
    expect(checkFlowUiDraft(draft).map((i) => `${i.path} ${i.code}`)).toEqual([
      '/logo_url url.insecure',
      '/css contrast.on_primary',
    ]);
  });
});
