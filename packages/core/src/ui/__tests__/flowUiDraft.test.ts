import { describe, expect, it } from 'vitest';
import type { FlowConfigUi } from '../../api/schemas.ts';
import {
  createFlowUiDraft,
  DEFAULT_FAVICON_URL,
  DEFAULT_LOGO_URL,
  defineFlowUi,
  importFlowUi,
  setFlowUiCustomCss,
  setFlowUiFaviconUrl,
  setFlowUiLogoUrl,
  setFlowUiTheme,
  setFlowUiToken,
  setFlowUiTranslation,
  toFlowConfigUi,
} from '../flowUiDraft.ts';
import { parseFlowUiJson } from '../parseFlowUiJson.ts';

describe('a new draft', () => {
  it("holds only the spec's defaults: the default theme, the spec's logo and favicon", () => {
    expect(toFlowConfigUi(createFlowUiDraft())).toEqual({
      theme: 'default',
      logo_url: DEFAULT_LOGO_URL,
      favicon_url: DEFAULT_FAVICON_URL,
    });
  });
});

describe('updates', () => {
  it('return new frozen drafts and leave the old one alone', () => {
    const a = createFlowUiDraft();
    const b = setFlowUiTheme(a, 'bts');
    const c = setFlowUiToken(b, 'primaryColor', '#ff0000');
    const d = setFlowUiTranslation(c, 'en', 'button.start', 'Go');
    expect(a.theme).toBe('default');
    expect(b.tokens).toEqual({});
    expect(c.translation).toEqual({});
    expect(d).toMatchObject({
      theme: 'bts',
      tokens: { primaryColor: '#ff0000' },
      translation: { en: { 'button.start': 'Go' } },
    });
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.tokens)).toBe(true);
    expect(Object.isFrozen(d.translation.en)).toBe(true);
    expect(() => {
      (d.tokens as Record<string, unknown>).primaryColor = '#000';
    }).toThrow(TypeError);
  });

  it('unset with an empty value', () => {
    let draft = createFlowUiDraft({
      logoUrl: 'https://cdn.example.com/l.svg',
      faviconUrl: 'https://cdn.example.com/f.png',
      tokens: { radiusPx: 4 },
      translation: { en: { 'button.start': 'Go' } },
    });
    draft = setFlowUiLogoUrl(draft, ' ');
    draft = setFlowUiFaviconUrl(draft, undefined);
    draft = setFlowUiToken(draft, 'radiusPx', undefined);
    draft = setFlowUiTranslation(draft, 'en', 'button.start', '');
    expect(draft).toEqual(createFlowUiDraft());
  });

  it('keeps custom CSS exactly as typed (a textarea edits it)', () => {
    expect(setFlowUiCustomCss(createFlowUiDraft(), 'a {\n  ').customCss).toBe('a {\n  ');
  });
});

describe('FlowConfigUi round trip', () => {
  const draft = createFlowUiDraft({
    theme: 'bts',
    logoUrl: 'https://cdn.example.com/logo.svg',
    tokens: {
      primaryColor: '#0a7e5c',
      textColor: '#101010',
      backgroundColor: '#ffffff',
      radiusPx: 10,
      fontFamily: 'Inter, sans-serif',
      logoHeightPx: 40,
    },
    translation: {
      ru: { 'button.start': 'Поехали' },
      en: { 'button.start': "Let's go", 'custom.key': 'kept' },
    },
    customCss: '.vg-footer { display: none; }',
  });

  it('import(export(draft)) is the draft', () => {
    expect(importFlowUi(toFlowConfigUi(draft))).toEqual(draft);
  });

  it('export(import(ui)) is the ui, for a FlowConfigUi the builder wrote', () => {
    const ui = toFlowConfigUi(draft);
    expect(toFlowConfigUi(importFlowUi(JSON.parse(JSON.stringify(ui))))).toEqual(ui);
  });

  it('orders locales kk, ru, en and keys as in the catalog, for clean diffs', () => {
    const ui = defineFlowUi({
      translation: {
        en: { 'zzz.custom': 'z', 'footer.secured': 'f', 'button.start': 'b' },
        ru: { 'button.start': 'б' },
      },
    });
    expect(Object.keys(ui.translation ?? {})).toEqual(['ru', 'en']);
    expect(Object.keys(ui.translation?.en ?? {})).toEqual(['button.start', 'footer.secured', 'zzz.custom']);
  });

  it('imports hand-written CSS as free CSS and the spec defaults as unset', () => {
    const ui: FlowConfigUi = {
      logo_url: DEFAULT_LOGO_URL,
      favicon_url: DEFAULT_FAVICON_URL,
      css: ':root { --vg-color-primary: #000; }',
    };
    expect(importFlowUi(ui)).toEqual(createFlowUiDraft({ customCss: ':root { --vg-color-primary: #000; }' }));
  });

  it('drops values of the wrong type instead of crashing', () => {
    const broken = {
      theme: 'neon',
      logo_url: 42,
      translation: { en: 'x', ru: { 'button.start': 7, 'button.retry': 'Ещё' } },
      css: {},
    };
    expect(importFlowUi(broken as unknown as FlowConfigUi)).toEqual(
      createFlowUiDraft({ translation: { ru: { 'button.retry': 'Ещё' } } }),
    );
  });
});

describe('parseFlowUiJson', () => {
  it.each([
    ['a bare FlowConfigUi', '{"theme":"bts"}'],
    ['a CreateFlow body', '{"person_id":"user_42","template":{"pipeline":[],"ui":{"theme":"bts"}}}'],
    ['a FlowTemplate', '{"pipeline":[],"ui":{"theme":"bts"}}'],
  ])('imports %s', (_, text) => {
    const parsed = parseFlowUiJson(text);
    expect(parsed.ok && parsed.ui).toEqual({ theme: 'bts' });
  });

  it('imports fixable problems and reports them', () => {
    const parsed = parseFlowUiJson('{"css":"@import \\"x.css\\";"}');
    expect(parsed.ok).toBe(true);
    expect(parsed.issues.map((i) => i.code)).toEqual(['css.import']);
  });

  it.each([
    ['broken JSON', '{"theme":', 'json.invalid'],
    ['an array', '[]', 'ui.invalid'],
    ['an unknown theme', '{"theme":"neon","css":"@import \\"x\\";"}', 'theme.unknown'],
    ['a relative logo', '{"logo_url":"/logo.svg"}', 'url.invalid'],
    ['a number as text', '{"translation":{"en":{"button.start":1}}}', 'translation.value_invalid'],
    // The builder's grid has only kk/ru/en columns: a `de` imported would be an error no one could fix.
    [
      'a locale the page lacks',
      '{"translation":{"de":{"button.start":"Los"}}}',
      'translation.locale_unknown',
    ],
  ])('refuses %s, listing only what blocks the import', (_, text, code) => {
    const parsed = parseFlowUiJson(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.issues.map((i) => i.code)).toEqual([code]);
    expect(parsed.issues[0]?.message).toMatch(/\S/);
  });
});
