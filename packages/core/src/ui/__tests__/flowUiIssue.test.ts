import { describe, expect, it } from 'vitest';
import { compileBrandCss } from '../brandTokens.ts';
import { checkFlowUi, checkFlowUiDraft } from '../checkFlowUi.ts';
import { createFlowUiDraft } from '../flowUiDraft.ts';
import type { FlowUiIssue, FlowUiIssueCode } from '../flowUiIssue.ts';
import { parseFlowUiJson } from '../parseFlowUiJson.ts';

// One input per code. Typed by FlowUiIssueCode, so a code added to FlowUiIssueParams without an
// input here does not compile.
const provoke: Record<FlowUiIssueCode, () => FlowUiIssue[]> = {
  'ui.invalid': () => checkFlowUi(null),
  'ui.too_large': () => checkFlowUi({ css: 'a'.repeat(40) }, { maxUiBytes: 30 }),
  'ui.property_unknown': () => checkFlowUi({ colour: 'red' }),
  'theme.unknown': () => checkFlowUi({ theme: 'neon' }),
  'url.invalid': () => checkFlowUi({ logo_url: '/logo.svg' }),
  'url.localhost': () =>
    checkFlowUi({ logo_url: 'http://localhost:5173/l.svg' }, { allowedAssetHosts: ['localhost'] }),
  'url.insecure': () => checkFlowUi({ logo_url: 'http://cdn.example.com/l.svg' }),
  'url.scheme': () => checkFlowUi({ favicon_url: 'ftp://cdn.example.com/f.ico' }),
  'url.host': () => checkFlowUi({ logo_url: 'https://evil.example/l.svg' }),
  'url.credentials': () => checkFlowUi({ logo_url: 'https://u:p@cdn.example.com/l.svg' }),
  'translation.invalid': () => checkFlowUi({ translation: [] }),
  'translation.locale_unknown': () => checkFlowUi({ translation: { de: {} } }),
  'translation.locale_invalid': () => checkFlowUi({ translation: { ru: 'x' } }),
  'translation.value_invalid': () => checkFlowUi({ translation: { ru: { 'button.start': 1 } } }),
  'translation.key_unknown': () => checkFlowUi({ translation: { ru: { 'button.strat': 'x' } } }),
  'translation.value_empty': () => checkFlowUi({ translation: { ru: { 'button.start': '' } } }),
  'translation.placeholder_missing': () =>
    checkFlowUi({ translation: { ru: { 'header.step_counter': 'Шаг' } } }),
  'translation.placeholder_unknown': () =>
    checkFlowUi({ translation: { ru: { 'button.start': 'Начать {name}' } } }),
  'translation.keys_missing': () => checkFlowUi({ translation: { ru: { 'button.start': 'Вперёд' } } }),
  'css.invalid': () => checkFlowUi({ css: 1 }),
  'css.too_large': () => checkFlowUi({ css: 'a'.repeat(30) }, { maxCssBytes: 20 }),
  'css.import': () => checkFlowUi({ css: '@import "a.css";' }),
  'css.expression': () => checkFlowUi({ css: 'a { width: expression(1) }' }),
  'css.javascript_url': () => checkFlowUi({ css: 'a { b: url(javascript:alert(1)) }' }),
  'css.binding': () => checkFlowUi({ css: 'a { behavior: url(x.htc) }' }),
  'css.escape': () => checkFlowUi({ css: '@\\69mport "a.css";' }),
  'css.url_function': () => checkFlowUi({ css: 'a { b: image-set("https://evil.example/p.gif" 1x) }' }),
  'css.html': () => checkFlowUi({ css: '</style>' }),
  'css.url_host': () => checkFlowUi({ css: 'a { b: url(https://evil.example/p.gif) }' }),
  'css.url_insecure': () => checkFlowUi({ css: 'a { b: url(http://evil.example/p.gif) }' }),
  'css.url_data': () => checkFlowUi({ css: 'a { b: url(data:text/html,x) }' }),
  'css.url_relative': () => checkFlowUi({ css: 'a { b: url(p.gif) }' }),
  'css.url_invalid': () => checkFlowUi({ css: 'a { b: url("https://a b/") }' }),
  'contrast.on_primary': () =>
    checkFlowUi({ css: compileBrandCss({ primaryColor: '#7fb3ff', onPrimaryColor: '#ffffff' }) }),
  'contrast.text_on_background': () => checkFlowUi({ css: compileBrandCss({ textColor: '#cccccc' }) }),
  'contrast.unchecked': () => checkFlowUi({ css: ':root { --vg-color-text: red }' }),
  'token.color_invalid': () => checkFlowUiDraft(createFlowUiDraft({ tokens: { textColor: 'red' } })),
  'token.radius_range': () => checkFlowUiDraft(createFlowUiDraft({ tokens: { radiusPx: 99 } })),
  'token.font_family_invalid': () => checkFlowUiDraft(createFlowUiDraft({ tokens: { fontFamily: 'a;b' } })),
  'token.logo_height_range': () => checkFlowUiDraft(createFlowUiDraft({ tokens: { logoHeightPx: 1 } })),
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
