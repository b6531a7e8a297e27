// The builder's exports: what a backend needs to use a FlowConfigUi. Each serialiser is
// pure; the JSON ones are checked against the spec's schemas in serializeFlowUi.test.ts.
import {
  API_KEY_HEADER,
  API_VERSION,
  API_VERSION_HEADER,
  STEP_MAX_RETRIES,
  STEP_TIMEOUT,
} from '../api/constants.ts';
import type { CreateFlowRequest, FlowConfigUi, Locale, PipelineStep } from '../api/schemas.ts';

/** `template.ui` of `POST /flow`, as pretty JSON. */
export function flowUiToJson(ui: FlowConfigUi, indent = 2): string {
  return JSON.stringify(ui, null, indent);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function printLiteral(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  if (typeof value === 'string') {
    // Multi-line CSS reads better as a template literal; escape what would end or interpolate it.
    return value.includes('\n') ? `\`${value.replace(/[\\`]|\$\{/g, (m) => `\\${m}`)}\`` : quote(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${pad}  ${printLiteral(v, depth + 1)},`).join('\n')}\n${pad}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([k, v]) => `${pad}  ${IDENTIFIER.test(k) ? k : quote(k)}: ${printLiteral(v, depth + 1)},`,
    );
    return `{\n${lines.join('\n')}\n${pad}}`;
  }
  return JSON.stringify(value);
}

// Single-quoted TS string (the house style), from JSON's escaping.
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

export interface TypeScriptSnippetOptions {
  /** Name of the exported constant. @default 'flowUi' */
  name?: string | undefined;
}

/**
 * A TypeScript module exporting the config, typed with `satisfies FlowConfigUi`; a comment says
 * which fields are known to work only on the sandbox's page (listSandboxOnlyFields).
 */
export function flowUiToTypeScript(ui: FlowConfigUi, options: TypeScriptSnippetOptions = {}): string {
  const name = options.name ?? 'flowUi';
  if (!IDENTIFIER.test(name)) throw new TypeError(`"${name}" is not a valid TypeScript identifier.`);
  return `import type { FlowConfigUi } from '@verigram-kit/core';\n\n${sandboxOnlyComment(ui, '//')}export const ${name} = ${printLiteral(ui, 0)} satisfies FlowConfigUi;\n`;
}

export interface CreateFlowBodyOptions {
  /** @default 'your-client-id' (the quickstart's placeholder) */
  personId?: string | undefined;
  /** @default 'https://your-company.com/callback' (the quickstart's placeholder) */
  callbackUrl?: string | undefined;
  /** @default 'en' */
  locale?: Locale | undefined;
  /**
   * `template.pipeline`, required by the spec whenever `template` (and so `template.ui`) is sent.
   * @default one verilive step with the spec's defaults (no failure allowed, 300 s, 5 retries)
   */
  pipeline?: PipelineStep[] | undefined;
}

// Spelled out in full: the generated PipelineStep type marks fields with spec defaults as present.
const DEFAULT_STEP: PipelineStep = {
  service_name: 'verilive',
  allow_failure: false,
  timeout: STEP_TIMEOUT.default,
  max_retries: STEP_MAX_RETRIES.default,
};

/** A `POST /flow` body (CreateFlow) carrying the config as `template.ui`. */
export function createFlowBodyWithUi(
  ui: FlowConfigUi,
  options: CreateFlowBodyOptions = {},
): CreateFlowRequest {
  return {
    person_id: options.personId ?? 'your-client-id',
    callback_url: options.callbackUrl ?? 'https://your-company.com/callback',
    locale: options.locale ?? 'en',
    template: { pipeline: options.pipeline ?? [DEFAULT_STEP], ui },
  };
}

export interface CurlOptions extends CreateFlowBodyOptions {
  /** API origin, without `/flow`. @default 'https://demo.verigram.kz' (the spec's first server) */
  baseUrl?: string | undefined;
  /**
   * Goes into the snippet verbatim, so pass a placeholder, or `sandbox-test-key` for the sandbox;
   * never a real key (snippets end up in tickets and chat).
   * @default 'your-test-api-key' (the quickstart's placeholder)
   */
  apiKey?: string | undefined;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
// Bare like the quickstart when nothing in it is special to the shell.
const shellWord = (text: string) => (/^[\w:/.@%+=,-]+$/.test(text) ? text : shellQuote(text));

/**
 * The quickstart's curl command for `POST /flow`, with the config as `template.ui`, after `#` lines
 * saying which fields are known to work only on the sandbox's page (listSandboxOnlyFields).
 */
export function flowUiToCurl(ui: FlowConfigUi, options: CurlOptions = {}): string {
  const base = (options.baseUrl ?? 'https://demo.verigram.kz').replace(/\/+$/, '');
  const body = JSON.stringify(createFlowBodyWithUi(ui, options), null, 2);
  return `${sandboxOnlyComment(ui, '#')}${[
    `curl -X POST ${shellWord(`${base}/flow`)} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H ${shellQuote(`${API_VERSION_HEADER}: ${API_VERSION}`)} \\`,
    `  -H ${shellQuote(`${API_KEY_HEADER}: ${options.apiKey ?? 'your-test-api-key'}`)} \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')}`;
}

const PRESET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `{ [name]: ui }`, to spread into the proxy's `uiPresets` option. Throws on an unusable name. */
export function flowUiToPreset(name: string, ui: FlowConfigUi): Record<string, FlowConfigUi> {
  if (!PRESET_NAME.test(name)) {
    throw new TypeError(
      `Preset name "${name}" must be 1-64 letters, digits, "_" or "-", starting with a letter or digit (clients send it as ui_preset).`,
    );
  }
  return { [name]: ui };
}

/** The `uiPresets` option of `createVerigramProxy` with this one preset, as TypeScript (with the sandbox-only comment). */
export function flowUiToPresetSnippet(name: string, ui: FlowConfigUi): string {
  const presets = flowUiToPreset(name, ui);
  return `import type { FlowConfigUi } from '@verigram-kit/core';\n\n// createVerigramProxy({ …, uiPresets })\n${sandboxOnlyComment(ui, '//')}export const uiPresets = ${printLiteral(presets, 0)} satisfies Record<string, FlowConfigUi>;\n`;
}

// What in a FlowConfigUi is known to work only on the kit's sandbox. The spec (FlowConfigUi)
// defines five fields: `theme` (default | bts), `logo_url`, `favicon_url`, a free `translation`
// map ({locale: {key: text}}) and free `css`. It names no translation key, no class, no CSS
// custom property and no theme colours; the kit knows those only from its sandbox's page
// (translationCatalog.ts, cssProperties.ts). So the two free fields carry content written for
// the sandbox, and Verigram's hosted page (web.verigram.kz, not ours) may read it differently.
/** A spec field whose content (keys, classes, `--vg-*` properties) only the sandbox's page is known to read. */
export type SandboxOnlyField = 'translation' | 'css';

/** `translation` when it overrides any text, `css` when there is any; `[]` means spec fields only. */
export function listSandboxOnlyFields(ui: Partial<FlowConfigUi>): SandboxOnlyField[] {
  const fields: SandboxOnlyField[] = [];
  const translation = ui.translation;
  if (translation && Object.values(translation).some((texts) => texts && Object.keys(texts).length > 0))
    fields.push('translation');
  if (typeof ui.css === 'string' && ui.css.trim() !== '') fields.push('css');
  return fields;
}

/**
 * The warning an exported snippet starts with, as comment lines (`//` or `#`); empty when the
 * config uses spec fields only.
 */
export function sandboxOnlyComment(ui: Partial<FlowConfigUi>, marker: '//' | '#'): string {
  const fields = listSandboxOnlyFields(ui).map((f) =>
    f === 'css' ? 'css (.vg-* classes, --vg-* properties)' : 'translation keys',
  );
  if (fields.length === 0) return '';
  return [
    `Known to work only on the verigram-kit sandbox's page: ${fields.join(' and ')}.`,
    `The Verigram spec defines these fields but no keys, classes or properties;`,
    `check them on Verigram's hosted page. theme, logo_url and favicon_url are the spec's.`,
  ]
    .map((line) => `${marker} ${line}\n`)
    .join('');
}
