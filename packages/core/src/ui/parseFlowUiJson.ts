// Import of a FlowConfigUi pasted or uploaded into the builder. Accepts the bare object,
// a CreateFlow body (`template.ui`) or a FlowTemplate (`ui`), because that is what people copy.
import type { FlowConfigUi } from '../api/schemas.ts';
import { type CheckFlowUiOptions, checkFlowUi } from './checkFlowUi.ts';
import type { FlowUiIssue, FlowUiIssueCode } from './flowUiIssue.ts';

// Problems importFlowUi could only "fix" by dropping the value. Refusing them changes nothing and
// says why; everything else (unsafe CSS, poor contrast) imports, so it can be fixed in the builder.
const STRUCTURAL = new Set<FlowUiIssueCode>([
  'ui.invalid',
  'theme.unknown',
  'url.invalid',
  'translation.invalid',
  'translation.locale_invalid',
  // The builder edits kk/ru/en only, so an imported `de` could never be removed there.
  'translation.locale_unknown',
  'translation.value_invalid',
  'css.invalid',
]);

export type ParsedFlowUiJson =
  | { ok: true; ui: FlowConfigUi; issues: FlowUiIssue[] }
  | { ok: false; issues: FlowUiIssue[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseFlowUiJson(text: string, options?: CheckFlowUiOptions): ParsedFlowUiJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        {
          path: '',
          severity: 'error',
          code: 'json.invalid',
          params: { reason },
          message: `Not valid JSON: ${reason}`,
        },
      ],
    };
  }
  let ui = data;
  if (isObject(data) && isObject(data.template) && 'ui' in data.template) ui = data.template.ui;
  else if (isObject(data) && 'pipeline' in data && 'ui' in data) ui = data.ui;
  const issues = checkFlowUi(ui, options);
  if (issues.some((i) => i.severity === 'error' && STRUCTURAL.has(i.code))) {
    return { ok: false, issues: issues.filter((i) => STRUCTURAL.has(i.code)) };
  }
  return { ok: true, ui: ui as FlowConfigUi, issues };
}
