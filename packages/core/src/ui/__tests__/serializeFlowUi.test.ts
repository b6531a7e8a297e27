import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { defineFlowUi } from '../flowUiDraft.ts';
import {
  createFlowBodyWithUi,
  flowUiToCurl,
  flowUiToJson,
  flowUiToPreset,
  flowUiToPresetSnippet,
  flowUiToTypeScript,
  listSandboxOnlyFields,
  sandboxOnlyComment,
} from '../serializeFlowUi.ts';

const spec = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../openapi/verigram-2.0.json'), 'utf8'),
);
// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv,
) => Ajv;
// OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, nullable): not strict.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
ajv.addSchema(spec, 'verigram');
const validateUi = ajv.compile({ $ref: 'verigram#/components/schemas/FlowConfigUi' });
const validateCreateFlow = ajv.compile({ $ref: 'verigram#/components/schemas/CreateFlow' });

const ui = defineFlowUi({
  theme: 'bts',
  logoUrl: 'https://cdn.example.com/logo.svg',
  tokens: { primaryColor: '#0a7e5c', radiusPx: 8 },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: on purpose, the snippet must escape it
  translation: { en: { 'button.start': "Let's `go` ${now}" }, kk: { 'button.start': 'Бастау!' } },
  customCss: '.vg-footer { content: "\\201C"; }',
});

describe('the schema check itself', () => {
  it('refuses what the spec refuses', () => {
    expect(validateUi({ theme: 'neon' })).toBe(false);
    expect(validateUi({ logo_url: 'not a uri' })).toBe(false);
    expect(validateUi({ translation: { en: { k: 1 } } })).toBe(false);
    expect(validateCreateFlow({ person_id: 'abc' })).toBe(false);
  });
});

describe('serialisers', () => {
  it('JSON for template.ui matches the FlowConfigUi schema', () => {
    const parsed = JSON.parse(flowUiToJson(ui));
    expect(validateUi(parsed), JSON.stringify(validateUi.errors)).toBe(true);
    expect(parsed).toEqual(ui);
  });

  it('the POST /flow body matches the CreateFlow schema', () => {
    const body = createFlowBodyWithUi(ui, { personId: 'user_42', locale: 'kk' });
    expect(validateCreateFlow(body), JSON.stringify(validateCreateFlow.errors)).toBe(true);
    expect(body.template?.ui).toEqual(ui);
    expect(body.locale).toBe('kk');
  });

  it("curl is the quickstart's command, with a placeholder key and a body that parses back", () => {
    const curl = flowUiToCurl(ui);
    const lines = curl.split('\n').filter((line) => !line.startsWith('# '));
    expect(lines.slice(0, 4)).toEqual([
      'curl -X POST https://demo.verigram.kz/flow \\',
      "  -H 'Content-Type: application/json' \\",
      "  -H 'X-Verigram-Api-Version: 2.0' \\",
      "  -H 'X-Verigram-Api-Key: your-test-api-key' \\",
    ]);
    // Undo the shell's single-quote escaping the way sh would, then parse the body.
    const quoted = curl.slice(curl.indexOf("-d '") + 4, -1);
    const body = JSON.parse(quoted.replace(/'\\''/g, "'"));
    expect(validateCreateFlow(body), JSON.stringify(validateCreateFlow.errors)).toBe(true);
    expect(body.template.ui).toEqual(ui);
  });

  it('curl can target the sandbox with its test key', () => {
    const curl = flowUiToCurl(ui, { baseUrl: 'http://127.0.0.1:4010/', apiKey: 'sandbox-test-key' });
    expect(curl).toContain('curl -X POST http://127.0.0.1:4010/flow \\');
    expect(flowUiToCurl(ui, { baseUrl: "https://x.example/a b'" })).toContain(
      `curl -X POST 'https://x.example/a b'\\''/flow' \\`,
    );
    expect(curl).toContain("-H 'X-Verigram-Api-Key: sandbox-test-key'");
  });

  it('the TypeScript snippet evaluates to the same object', () => {
    const ts = flowUiToTypeScript(ui, { name: 'brandUi' });
    expect(ts.startsWith("import type { FlowConfigUi } from '@verigram-kit/core';\n\n// ")).toBe(true);
    expect(ts).toContain('\nexport const brandUi = {');
    expect(ts.trimEnd().endsWith('} satisfies FlowConfigUi;')).toBe(true);
    // The object literal is plain JS once the type parts are cut off.
    const literal = ts.slice(ts.indexOf('= ') + 2, ts.lastIndexOf(' satisfies'));
    expect(new Function(`return (${literal});`)()).toEqual(ui);
    expect(() => flowUiToTypeScript(ui, { name: 'my-ui' })).toThrow(
      '"my-ui" is not a valid TypeScript identifier.',
    );
  });

  it('each code snippet says which fields are known to work only on the sandbox page; JSON cannot, so the builder says it', () => {
    const note =
      "Known to work only on the verigram-kit sandbox's page: translation keys and css (.vg-* classes, --vg-* properties).";
    expect(flowUiToTypeScript(ui)).toContain(`\n// ${note}\n`);
    expect(flowUiToPresetSnippet('acme', ui)).toContain(`\n// ${note}\n`);
    expect(flowUiToCurl(ui).startsWith(`# ${note}\n`)).toBe(true);
    expect(flowUiToTypeScript(ui)).toContain("// check them on Verigram's hosted page.");

    const textsOnly = defineFlowUi({ translation: { en: { 'my.own.key': 'Hi' } } });
    expect(flowUiToTypeScript(textsOnly)).toContain(
      "// Known to work only on the verigram-kit sandbox's page: translation keys.\n",
    );
    // theme, logos and favicon are the spec's own fields: nothing to warn about.
    const specOnly = defineFlowUi({ theme: 'bts', logoUrl: 'https://cdn.example.com/logo.svg' });
    expect(flowUiToTypeScript(specOnly)).not.toContain('sandbox');
    expect(flowUiToCurl(specOnly).startsWith('curl -X POST')).toBe(true);
  });

  it('a named preset for the proxy, with a checked name', () => {
    const presets = flowUiToPreset('acme-bank', ui);
    expect(presets).toEqual({ 'acme-bank': ui });
    expect(validateUi(presets['acme-bank'])).toBe(true);
    expect(() => flowUiToPreset('acme bank', ui)).toThrow(
      'Preset name "acme bank" must be 1-64 letters, digits, "_" or "-", starting with a letter or digit (clients send it as ui_preset).',
    );
    const snippet = flowUiToPresetSnippet('acme-bank', ui);
    const literal = snippet.slice(snippet.indexOf('= ') + 2, snippet.lastIndexOf(' satisfies'));
    expect(new Function(`return (${literal});`)()).toEqual(presets);
  });
});

describe('listSandboxOnlyFields', () => {
  it('given only theme, logo and favicon (what the spec defines), then nothing is sandbox-only', () => {
    expect(
      listSandboxOnlyFields(defineFlowUi({ theme: 'bts', logoUrl: 'https://cdn.example.com/l.svg' })),
    ).toEqual([]);
    expect(sandboxOnlyComment(defineFlowUi({ theme: 'bts' }), '//')).toBe('');
  });

  it('given texts, brand tokens or free CSS, then translation and css are named', () => {
    expect(listSandboxOnlyFields(defineFlowUi({ translation: { kk: { 'any.key': 'Сәлем' } } }))).toEqual([
      'translation',
    ]);
    // Brand tokens compile into css as --vg-* properties, which only the sandbox's page reads.
    expect(listSandboxOnlyFields(defineFlowUi({ tokens: { primaryColor: '#0a7e5c' } }))).toEqual(['css']);
    expect(
      listSandboxOnlyFields({ translation: { en: { 'button.start': 'Go' } }, css: '.vg-card { gap: 0 }' }),
    ).toEqual(['translation', 'css']);
  });

  it('given empty texts per locale or blank CSS, then nothing is named', () => {
    expect(listSandboxOnlyFields({ translation: { en: {} }, css: '  \n' })).toEqual([]);
  });

  it('writes the note as comment lines of the snippet language', () => {
    const comment = sandboxOnlyComment({ css: ':root { --vg-radius: 2px; }' }, '#');
    expect(comment.split('\n')).toEqual([
      "# Known to work only on the verigram-kit sandbox's page: css (.vg-* classes, --vg-* properties).",
      '# The Verigram spec defines these fields but no keys, classes or properties;',
      "# check them on Verigram's hosted page. theme, logo_url and favicon_url are the spec's.",
      '',
    ]);
  });
});
