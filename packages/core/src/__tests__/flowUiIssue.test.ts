import { describe, expect, it } from 'vitest';
import { compileBrandCss } from '../ui/brandTokens.ts';
import { createFlowUiDraft } from '../ui/flowUiDraft.ts';
import type { FlowUiIssue, FlowUiIssueCode } from '../ui/flowUiIssue.ts';
import { parseFlowUiJson } from '../ui/parseFlowUiJson.ts';
import { validateFlowUi, validateFlowUiDraft } from '../ui/validateFlowUi.ts';

// One input per code. Typed by FlowUiIssueCode, so a code added to FlowUiIssueParams without an
// input here does not compile.
const provoke: Record<FlowUiIssueCode, () => FlowUiIssue[]> = {
  'ui.invalid': () => validateFlowUi(null),
  'ui.property_unknown': () => validateFlowUi({ colour: 'red' }),
  'theme.unknown': () => validateFlowUi({ theme: 'neon' }),
  'url.invalid': () => validateFlowUi({ logo_url: '/logo.svg' }),
  'url.localhost': () => validateFlowUi({ logo_url: 'http://localhost:5173/l.svg' }),
  'url.insecure': () => validateFlowUi({ logo_url: 'http://cdn.example.com/l.svg' }),
  'url.scheme': () => validateFlowUi({ favicon_url: 'ftp://cdn.example.com/f.ico' }),
  'url.credentials': () => validateFlowUi({ logo_url: 'https://u:p@cdn.example.com/l.svg' }),
  'translation.invalid': () => validateFlowUi({ translation: [] }),
  'translation.locale_unknown': () => validateFlowUi({ translation: { de: {} } }),
  'translation.locale_invalid': () => validateFlowUi({ translation: { ru: 'x' } }),
  'translation.value_invalid': () => validateFlowUi({ translation: { ru: { 'button.start': 1 } } }),
  'translation.key_unknown': () => validateFlowUi({ translation: { ru: { 'button.strat': 'x' } } }),
  'translation.value_empty': () => validateFlowUi({ translation: { ru: { 'button.start': '' } } }),
  'translation.placeholder_missing': () =>
    validateFlowUi({ translation: { ru: { 'header.step_counter': 'Шаг' } } }),
  'translation.placeholder_unknown': () =>
    validateFlowUi({ translation: { ru: { 'button.start': 'Начать {name}' } } }),
  'translation.keys_missing': () => validateFlowUi({ translation: { ru: { 'button.start': 'Вперёд' } } }),
  'css.invalid': () => validateFlowUi({ css: 1 }),
  'css.too_large': () => validateFlowUi({ css: 'a'.repeat(30) }, { maxCssBytes: 20 }),
  'css.import': () => validateFlowUi({ css: '@import "a.css";' }),
  'css.expression': () => validateFlowUi({ css: 'a { width: expression(1) }' }),
  'css.javascript_url': () => validateFlowUi({ css: 'a { b: url(javascript:alert(1)) }' }),
  'css.binding': () => validateFlowUi({ css: 'a { behavior: url(x.htc) }' }),
  'css.html': () => validateFlowUi({ css: '</style>' }),
  'css.url_host': () => validateFlowUi({ css: 'a { b: url(https://evil.example/p.gif) }' }),
  'css.url_insecure': () => validateFlowUi({ css: 'a { b: url(http://evil.example/p.gif) }' }),
  'css.url_data': () => validateFlowUi({ css: 'a { b: url(data:text/html,x) }' }),
  'css.url_relative': () => validateFlowUi({ css: 'a { b: url(p.gif) }' }),
  'css.url_invalid': () => validateFlowUi({ css: 'a { b: url("https://a b/") }' }),
  'contrast.on_primary': () =>
    validateFlowUi({ css: compileBrandCss({ primaryColor: '#7fb3ff', onPrimaryColor: '#ffffff' }) }),
  'contrast.text_on_background': () => validateFlowUi({ css: compileBrandCss({ textColor: '#cccccc' }) }),
  'contrast.unchecked': () => validateFlowUi({ css: ':root { --vg-color-text: red }' }),
  'token.color_invalid': () => validateFlowUiDraft(createFlowUiDraft({ tokens: { textColor: 'red' } })),
  'token.radius_range': () => validateFlowUiDraft(createFlowUiDraft({ tokens: { radiusPx: 99 } })),
  'token.font_family_invalid': () =>
    validateFlowUiDraft(createFlowUiDraft({ tokens: { fontFamily: 'a;b' } })),
  'token.logo_height_range': () => validateFlowUiDraft(createFlowUiDraft({ tokens: { logoHeightPx: 1 } })),
  'json.invalid': () => parseFlowUiJson('{').issues,
};

const codes = Object.keys(provoke) as FlowUiIssueCode[];

describe('FlowUiIssueCode', () => {
  it.each(codes)('given the input for %s, then the validators emit it, with params', (code) => {
    const issue = provoke[code]().find((i) => i.code === code);
    expect(issue?.params).toBeTypeOf('object');
  });

  it('given every input, then every issue they provoke has a code of the table', () => {
    const seen = new Set(codes.flatMap((code) => provoke[code]().map((i) => i.code)));
    expect([...seen].filter((code) => !codes.includes(code))).toEqual([]);
  });
});
