import { expectMatchesSpec, operationPath } from '../../../../tests/contract/openApiContract.ts';

export const API_HEADERS = {
  'Content-Type': 'application/json',
  'X-Verigram-Api-Version': '2.0',
  'X-Verigram-Api-Key': 'sandbox-test-key',
};

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; the contract check types them
  body: any;
  raw: Uint8Array;
}

/**
 * Calls the sandbox; every answer of a Verigram API path is checked against the spec (contract).
 * `headers: { 'X-Verigram-Api-Key': undefined }` removes a default header.
 */
export async function call(
  base: string,
  method: string,
  path: string,
  init: { body?: unknown; rawBody?: string; headers?: Record<string, string | undefined> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...API_HEADERS, ...init.headers }))
    if (v !== undefined) headers[k] = v;
  const res = await fetch(base + path, {
    method,
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const raw = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const text = new TextDecoder().decode(raw);
  let body: unknown = raw;
  if (type.startsWith('application/json')) body = JSON.parse(text);
  if (operationPath(path)) expectMatchesSpec(method, path, res.status, body, type);
  return { status: res.status, headers: res.headers, body, raw };
}
