// Validates answers of the Verigram API against the vendored OpenAPI 3.0 document: each body is
// checked against the schema the spec declares for that operation and status. Object schemas get
// `additionalProperties: false` here, so a field the spec does not know is drift too.
// Test-only and shared: the sandbox's suites check the emulator with it, the proxy's suites check
// their in-memory fake upstream. It lives outside every package so that no published package
// (nor its dependency list) carries test code; suites import it by path, as they do scripts/chromium.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

type Json = Record<string, unknown>;
const specPath = fileURLToPath(new URL('../../packages/core/openapi/verigram-2.0.json', import.meta.url));
export const SPEC = JSON.parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: Json;
};

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    // Each component schema is registered under its own id: "#/components/schemas/X" → "X.json".
    if (k === '$ref' && typeof v === 'string') out[k] = `${v.replace('#/components/schemas/', '')}.json`;
    else out[k] = k === 'example' ? v : closeObjects(v);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (a: Ajv) => void;
addFormats(ajv);
ajv.addFormat('binary', true);
// OpenAPI 3.0 annotation keywords, not JSON Schema validation keywords.
ajv.addKeyword('example');
for (const [name, schema] of Object.entries(SPEC.components.schemas as Record<string, Json>))
  ajv.addSchema(closeObjects(schema) as Json, `${name}.json`);

const cache = new Map<string, ValidateFunction>();
function resolve(ref: string): Json {
  let node: unknown = SPEC;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part];
  return node as Json;
}

/** The spec path template a concrete API path belongs to, e.g. `/flow/abc/result` → `/flow/{flow_id}/result`. */
export function operationPath(path: string): string | undefined {
  const clean = path.split('?')[0] as string;
  return Object.keys(SPEC.paths).find((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(clean),
  );
}

export let validatedCount = 0;

/**
 * Asserts `body` matches the spec's schema for `method path` answered with `status`. Statuses the
 * spec does not declare for the operation (405, 413) must still be a SaasErrorResponse.
 */
const UNDECLARED_ERROR_STATUSES = new Set([405, 413]);

export function expectMatchesSpec(
  method: string,
  path: string,
  status: number,
  body: unknown,
  contentType = '',
): void {
  const template = operationPath(path);
  if (!template) throw new Error(`No spec operation for ${path}`);
  const op = SPEC.paths[template]?.[method.toLowerCase()];
  // A wrong method (405) has no operation; its body must still be a SaasErrorResponse.
  if (!op && status !== 405) throw new Error(`The spec has no ${method} ${template}`);
  let response = op?.responses[String(status)];
  // The only statuses the sandbox answers beyond the spec's lists: 405 for a method the spec has no
  // operation for, 413 for a body over the sandbox's size cap. Their bodies must still be a
  // SaasErrorResponse; any other undeclared status is drift.
  if (!response && UNDECLARED_ERROR_STATUSES.has(status))
    response = { $ref: '#/components/responses/InternalServerError' };
  if (!response) throw new Error(`The spec declares no ${status} for ${method} ${template}`);
  if (typeof response.$ref === 'string') response = resolve(response.$ref);
  const content = response.content as Record<string, { schema: Json }>;
  const [mediaType, media] = Object.entries(content)[0] as [string, { schema: Json }];
  if (mediaType === 'application/octet-stream') {
    // A file: any binary body; the sandbox sends the real type (image/png...) instead of octet-stream.
    expect(body).toBeInstanceOf(Uint8Array);
    expect(contentType).not.toMatch(/json/);
    validatedCount++;
    return;
  }
  expect(contentType).toMatch(/^application\/json/);
  const key = `${method} ${template} ${status}`;
  let validate = cache.get(key);
  if (!validate) {
    const schema = media.schema.$ref
      ? (closeObjects({ $ref: media.schema.$ref }) as Json)
      : (closeObjects(media.schema) as Json);
    validate = ajv.compile(schema);
    cache.set(key, validate);
  }
  const ok = validate(body);
  if (!ok)
    throw new Error(
      `${key} drifted from the spec: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
    );
  validatedCount++;
}
