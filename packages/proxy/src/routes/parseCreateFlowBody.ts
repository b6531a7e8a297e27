import { type CreateFlowInput, type FlowConfigUiInput, LOCALES, type Locale } from '@verigram-kit/core';
import { checkFlowUi } from '@verigram-kit/core/ui';
import { ProxyError } from '../ProxyError.ts';
import type { ResolvedProxyOptions } from '../resolveProxyOptions.ts';
import type { ProxyFlowTemplate } from '../VerigramProxyOptions.ts';
import { checkCallbackUrl } from './checkCallbackUrl.ts';

/** The fields of core's ProxyCreateFlowBody; nothing else is accepted from the browser. */
const BODY_KEYS = new Set(['locale', 'template', 'ui_preset', 'ui', 'callback_url', 'input_data']);

/** The options that decide what a browser may ask for when it creates a flow. */
export type CreateFlowPolicy = Pick<
  ResolvedProxyOptions,
  | 'templates'
  | 'defaultTemplate'
  | 'uiPresets'
  | 'allowClientUi'
  | 'allowedInputDataFields'
  | 'allowedCallbackSchemes'
  | 'allowedAssetHosts'
  | 'maxCssBytes'
  | 'maxUiBytes'
>;

const invalid = (code: string, message: string) =>
  new ProxyError({ status: 422, errorCode: code, errorMsg: message });
const own = (record: object, key: string) => Object.hasOwn(record, key);

/**
 * Turns the browser's ProxyCreateFlowBody into Verigram's CreateFlow minus `person_id` (which
 * only `authorize` supplies). Names are resolved against server-side templates and presets;
 * every refusal is a 422 with a specific `error_code`.
 */
export function parseCreateFlowBody(
  body: Record<string, unknown>,
  policy: CreateFlowPolicy,
  callbackOrigins: readonly string[],
): Omit<CreateFlowInput, 'person_id'> {
  if (own(body, 'person_id')) {
    throw invalid(
      'PERSON_ID_NOT_ALLOWED',
      'person_id comes from the server session, never from the request body',
    );
  }
  for (const key of Object.keys(body)) {
    if (!BODY_KEYS.has(key)) throw invalid('UNKNOWN_FIELD', `Unknown field "${key.slice(0, 40)}"`);
  }
  const out: Omit<CreateFlowInput, 'person_id'> = {};
  if (body.locale !== undefined) {
    if (!(LOCALES as readonly unknown[]).includes(body.locale)) {
      throw invalid('INVALID_LOCALE', `locale must be one of ${LOCALES.join(', ')}`);
    }
    out.locale = body.locale as Locale;
  }
  if (body.callback_url !== undefined) {
    const [problem] = checkCallbackUrl(body.callback_url, callbackOrigins, policy.allowedCallbackSchemes);
    if (problem !== undefined) throw invalid('INVALID_CALLBACK_URL', problem);
    out.callback_url = body.callback_url as string;
  }
  if (body.input_data !== undefined) {
    const data = body.input_data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw invalid('INVALID_INPUT_DATA', 'input_data must be an object');
    }
    for (const [key, value] of Object.entries(data)) {
      if (!policy.allowedInputDataFields.includes(key)) {
        throw invalid(
          'INPUT_DATA_NOT_ALLOWED',
          `input_data.${key.slice(0, 40)} may not come from the browser`,
        );
      }
      if (typeof value !== 'string' || value.length > 256) {
        throw invalid('INVALID_INPUT_DATA', `input_data.${key} must be a string of at most 256 characters`);
      }
    }
    out.input_data = data as CreateFlowInput['input_data'];
  }

  if (body.ui !== undefined && body.ui_preset !== undefined) {
    throw invalid('INVALID_UI', 'Send either ui_preset or ui, not both');
  }
  let ui: FlowConfigUiInput | undefined;
  if (body.ui_preset !== undefined) {
    if (typeof body.ui_preset !== 'string' || !own(policy.uiPresets, body.ui_preset)) {
      throw invalid('UNKNOWN_UI_PRESET', 'ui_preset does not name a preset of this server');
    }
    ui = policy.uiPresets[body.ui_preset];
  }
  if (body.ui !== undefined) {
    if (!policy.allowClientUi) {
      throw invalid('CLIENT_UI_NOT_ALLOWED', 'Raw ui is not accepted here; pick a ui_preset by name');
    }
    // Core's FlowConfigUi policy, the builder's own; its first error is the answer.
    const error = checkFlowUi(body.ui, policy).find((issue) => issue.severity === 'error');
    if (error) throw invalid('INVALID_UI', error.message);
    ui = body.ui as FlowConfigUiInput;
  }

  const templateName = body.template ?? policy.defaultTemplate;
  if (templateName !== undefined) {
    if (typeof templateName !== 'string' || !own(policy.templates, templateName)) {
      throw invalid('UNKNOWN_TEMPLATE', 'template does not name a template of this server');
    }
    const named = policy.templates[templateName] as ProxyFlowTemplate;
    if ('templateId' in named) {
      if (ui) {
        throw invalid(
          'UI_NEEDS_INLINE_TEMPLATE',
          `template "${templateName}" is kept in Verigram's Console; a ui or ui_preset rides only on an inline template`,
        );
      }
      out.template_id = named.templateId;
      return out;
    }
    const template = structuredClone(named);
    if (ui) template.ui = structuredClone(ui);
    out.template = template;
  } else if (ui) {
    // FlowConfigUi lives inside FlowTemplate in the spec, so a ui needs a pipeline to ride on.
    throw invalid('TEMPLATE_REQUIRED', 'A ui or ui_preset needs a template (or the defaultTemplate option)');
  }
  return out;
}
