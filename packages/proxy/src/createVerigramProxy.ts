import {
  createVerigramClient,
  DEFAULT_ASSET_HOSTS,
  FILE_LABELS,
  type FileLabel,
  isTerminalFlow,
  isVerigramApiError,
  PERSON_ID_PATTERN,
  type ProxyCreateFlowResponse,
} from '@verigram-kit/core';
import { consoleLogger, createRedactingLogger } from './createRedactingLogger.ts';
import { createOriginPolicy } from './http/createOriginPolicy.ts';
import { fromWebRequest, type ProxyInput } from './http/ProxyInput.ts';
import { jsonResult, PROXY_CORE, type ProxyCore, type ProxyResult, toResponse } from './http/ProxyResult.ts';
import { readJsonBody } from './http/readJsonBody.ts';
import { ID_PATTERN, matchRoute, type RouteName } from './http/routeTable.ts';
import { streamFile } from './http/streamFile.ts';
import { createIdempotencyGuard } from './limits/createIdempotencyGuard.ts';
import { enforceRateLimit } from './limits/enforceRateLimit.ts';
import { notFound, ProxyError } from './ProxyError.ts';
import { toOrigin } from './routes/checkCallbackUrl.ts';
import { parseCreateFlowBody } from './routes/parseCreateFlowBody.ts';
import { parseLivenessBody } from './routes/parseLivenessBody.ts';
import { createMemoryStore } from './stores/createMemoryStore.ts';
import { createFlowTokenSigner } from './tokens/createFlowTokenSigner.ts';
import { sha256Hex } from './tokens/crypto.ts';
import { mapUpstreamError } from './upstream/mapUpstreamError.ts';
import { resolveBaseUrl } from './upstream/resolveBaseUrl.ts';
import type { ProxyRequestContext, ProxyUser, VerigramProxyOptions } from './VerigramProxyOptions.ts';
import { validateFlowConfigUi } from './validateFlowConfigUi.ts';

/** The proxy: a Web-standard handler, plus where it is mounted (adapters use it to fall through). */
export interface VerigramProxy {
  (request: Request, context?: ProxyRequestContext): Promise<Response>;
  readonly mountPath: string;
  /** @internal The handler before any Web object is built; used by the Node adapter. */
  readonly [PROXY_CORE]: ProxyCore;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The token proxy of issue 3: holds the API key, binds each flow to the user `authorize` names,
 * and serves Verigram's own routes under `mountPath`.
 *
 * @example
 * const proxy = createVerigramProxy({
 *   apiKey: process.env.VERIGRAM_API_KEY!,
 *   secret: process.env.VERIGRAM_PROXY_SECRET!,
 *   authorize: async (request) => ((await getSession(request)) ? { personId: session.userId } : null),
 * });
 */
export function createVerigramProxy(options: VerigramProxyOptions): VerigramProxy {
  // Optional only because the Node adapter can take its own (toNodeHandler's `authorize`); the
  // other adapters refuse a proxy without one at boot, and a request that reaches no authorize
  // is refused (fail closed).
  if (options.authorize !== undefined && typeof options.authorize !== 'function')
    throw new TypeError('createVerigramProxy: authorize must be a function');
  const mountPath = (options.mountPath ?? '/api/verigram').replace(/\/+$/, '');
  if (!mountPath.startsWith('/')) throw new TypeError('createVerigramProxy: mountPath must start with "/"');
  const apiKey = options.apiKey;
  const client = createVerigramClient({
    apiKey,
    // globalThis.process: edge runtimes may have no process at all.
    baseUrl: resolveBaseUrl(options.baseUrl, globalThis.process?.env?.NODE_ENV),
    apiVersion: options.apiVersion,
    timeoutMs: options.timeoutMs ?? 10_000,
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 2000, ...options.retry },
    fetch: options.fetch,
  });
  const tokens = createFlowTokenSigner(options.secret, options.flowTokenTtlSeconds ?? 3600);
  const origins = createOriginPolicy(options.allowedOrigins ?? [], options.corsCredentials ?? false);
  const callbackOrigins = options.allowedCallbackOrigins?.map(toOrigin);
  const store = options.store ?? createMemoryStore();
  const verdicts = options.verdicts;
  const idempotency = createIdempotencyGuard(store, {
    ttlMs: options.idempotencyTtlMs ?? 86_400_000,
    waitMs: (options.timeoutMs ?? 10_000) + 1000,
  });
  const perUser = options.rateLimit?.perUser ?? { limit: 10, windowMs: 60_000 };
  const perIp = options.rateLimit?.perIp ?? { limit: 30, windowMs: 60_000 };
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const maxFileBytes = options.maxFileBytes ?? 25 * 1024 * 1024;
  const log =
    options.logger === false
      ? () => {}
      : createRedactingLogger(options.logger ?? consoleLogger, [apiKey, options.secret]);
  // The default logger drops info lines; skip building them at all (the read path is hot).
  const logsInfo = options.logger !== undefined && options.logger !== false;
  const redact = (text: string) => (apiKey ? text.split(apiKey).join('[REDACTED]') : text);
  const uiOptions = {
    allowedAssetHosts: (options.allowedAssetHosts ?? DEFAULT_ASSET_HOSTS).map((host) => host.toLowerCase()),
    maxCssBytes: options.maxCssBytes ?? 16_384,
    maxUiBytes: options.maxUiBytes ?? 32_768,
  };
  const createPolicy = {
    templates: options.templates ?? {},
    defaultTemplate: options.defaultTemplate,
    uiPresets: options.uiPresets ?? {},
    allowClientUi: options.allowClientUi ?? false,
    ui: uiOptions,
    allowedInputDataFields: (options.allowedInputDataFields ?? []) as readonly string[],
  };
  // Presets are trusted configuration, but a bad one would ship to every user: fail at boot.
  for (const [name, ui] of Object.entries(createPolicy.uiPresets)) {
    const problem = validateFlowConfigUi(ui, uiOptions);
    if (problem) throw new TypeError(`createVerigramProxy: uiPresets.${name}: ${problem}`);
  }
  for (const [name, template] of Object.entries(createPolicy.templates)) {
    const problem = template.ui === undefined ? undefined : validateFlowConfigUi(template.ui, uiOptions);
    if (problem) throw new TypeError(`createVerigramProxy: templates.${name}.ui: ${problem}`);
  }
  if (
    createPolicy.defaultTemplate !== undefined &&
    !Object.hasOwn(createPolicy.templates, createPolicy.defaultTemplate)
  ) {
    throw new TypeError(
      `createVerigramProxy: defaultTemplate "${createPolicy.defaultTemplate}" is not in templates`,
    );
  }

  function clientIp(input: ProxyInput): string | undefined {
    if (options.clientIp) return options.clientIp(input.request(), input.context);
    if (options.trustProxy) {
      // The client can send any X-Forwarded-For it likes; only the entry our trusted proxy
      // appended, the rightmost, is the address it actually saw.
      const forwarded = input.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return input.context.clientIp;
  }

  async function authorize(input: ProxyInput): Promise<string> {
    let user: ProxyUser | null;
    if (input.authorize) user = await input.authorize();
    else if (options.authorize) user = await options.authorize(input.request());
    else {
      log('error', 'no authorize: pass it to createVerigramProxy (or to toNodeHandler)', {});
      throw new ProxyError(500, 'AUTHORIZE_NOT_CONFIGURED', 'The proxy has no authorize; see its log');
    }
    if (!user) throw new ProxyError(401, 'UNAUTHENTICATED', 'Sign in to the app first');
    if (typeof user.personId !== 'string' || !PERSON_ID_PATTERN.test(user.personId)) {
      // The host app's ids do not fit Verigram's PersonId; a developer must map them.
      log('error', 'authorize returned a personId that is not a Verigram PersonId', {});
      throw new ProxyError(500, 'INVALID_PERSON_ID', 'The server mapped this user to an invalid person id');
    }
    return user.personId;
  }

  /** The flow a Bearer token proves this user owns; `flowId` (from the path) must match it. */
  async function requireFlowToken(input: ProxyInput, personId: string, flowId?: string): Promise<string> {
    const header = input.header('authorization');
    // A missing header says nothing about any flow, so a clear 401 leaks nothing.
    if (!header) throw new ProxyError(401, 'FLOW_TOKEN_REQUIRED', 'Send Authorization: Bearer <flow_token>');
    const match = /^Bearer ([A-Za-z0-9._-]+)$/.exec(header);
    if (!match) throw notFound();
    const check = await tokens.verify(match[1] as string, personId);
    if (!check.ok) {
      if (check.reason === 'expired') {
        throw new ProxyError(
          401,
          'FLOW_TOKEN_EXPIRED',
          `The flow token has expired; renew it with POST ${mountPath}/flow/{flow_id}/token`,
        );
      }
      throw notFound();
    }
    if (flowId !== undefined && check.claims.flowId !== flowId) throw notFound();
    return check.claims.flowId;
  }

  /**
   * Counts a request that makes something upstream (a flow, a liveness session, a flow token) per
   * user and per IP. Each route has its own bucket, so renewing tokens never eats the budget for
   * new flows; `flow` keeps the original unprefixed keys so counters survive an upgrade.
   */
  async function limitCreation(bucket: 'flow' | 'liveness' | 'token', userHash: string, input: ProxyInput) {
    const prefix = bucket === 'flow' ? 'rl' : `rl:${bucket}`;
    if (perUser) await enforceRateLimit(store, `${prefix}:user:${userHash}`, perUser);
    const ip = clientIp(input);
    if (perIp && ip) await enforceRateLimit(store, `${prefix}:ip:${ip}`, perIp);
  }

  async function tokenAnswer(flowId: string, vlink: string, personId: string, status: number) {
    const { token, expiresAt } = await tokens.sign(flowId, personId);
    const body: ProxyCreateFlowResponse = {
      flow_id: flowId,
      vlink,
      flow_token: token,
      flow_token_expires_at: new Date(expiresAt).toISOString(),
    };
    return jsonResult(status, body);
  }

  /**
   * Records a created flow for server-side verdicts before the browser hears of it: a flow the
   * ledger misses is a verdict nobody learns. A passing store fault gets two more tries; after
   * that the request fails with 503 rather than hand out an unwatched flow (a retry with the same
   * Idempotency-Key replays the flow and records it then).
   */
  async function trackFlow(flowId: string, vlink: string, personId: string, template: string | undefined) {
    if (!verdicts) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await verdicts.track({ flowId, vlink, personId, ...(template === undefined ? {} : { template }) });
        return;
      } catch (error) {
        if (attempt >= 3) {
          log('error', 'verdicts: could not record a created flow', { flowId, error });
          throw new ProxyError(
            503,
            'VERDICTS_UNAVAILABLE',
            'The flow could not be recorded for server-side verdicts; retry (with the same Idempotency-Key)',
            { 'retry-after': '1' },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 4 ** (attempt - 1)));
      }
    }
  }

  /** The browser saw the flow end: the watcher checks it now rather than at its next poll. */
  function nudgeVerdict(flowId: string) {
    verdicts
      ?.nudge(flowId)
      .catch((error: unknown) => log('warn', 'verdicts: nudge failed', { flowId, error }));
  }

  async function createFlow(input: ProxyInput, personId: string) {
    const idempotencyKey = input.header('idempotency-key');
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ProxyError(
        400,
        'INVALID_IDEMPOTENCY_KEY',
        'Idempotency-Key must be 1..255 visible ASCII characters',
      );
    }
    const userHash = await sha256Hex(`person:${personId}`);
    await limitCreation('flow', userHash, input);
    const body = await readJsonBody(input, maxBodyBytes);
    const flowInput = parseCreateFlowBody(body, createPolicy, callbackOrigins ?? [input.origin]);
    const named = (body as { template?: unknown }).template;
    const templateName = typeof named === 'string' ? named : createPolicy.defaultTemplate;
    const create = async () => {
      const created = await client.createFlow({ ...flowInput, person_id: personId });
      // Ids we could not route later would make the flow unreadable: refuse them now.
      if (
        typeof created.flow_id !== 'string' ||
        !ID_PATTERN.test(created.flow_id) ||
        typeof created.vlink !== 'string'
      ) {
        throw new ProxyError(
          502,
          'UPSTREAM_MALFORMED',
          'Verigram answered without a usable flow_id and vlink',
        );
      }
      log('info', 'flow created', { flowId: created.flow_id });
      return { flowId: created.flow_id, vlink: created.vlink };
    };
    const flow = idempotencyKey
      ? await idempotency.once(
          `idem:${userHash}:${await sha256Hex(idempotencyKey)}`,
          await sha256Hex(JSON.stringify(flowInput)),
          create,
        )
      : await create();
    // Also for a replayed Idempotency-Key: tracking twice keeps the first record.
    await trackFlow(flow.flowId, flow.vlink, personId, templateName);
    return tokenAnswer(flow.flowId, flow.vlink, personId, 201);
  }

  async function route(name: RouteName, id: string | undefined, input: ProxyInput, personId: string) {
    switch (name) {
      case 'createFlow':
        return createFlow(input, personId);
      case 'getFlow': {
        const flowId = await requireFlowToken(input, personId, id);
        const flow = await client.getFlow(flowId);
        if (isTerminalFlow(flow)) nudgeVerdict(flowId);
        return jsonResult(200, flow);
      }
      case 'getFlowResult': {
        const flowId = await requireFlowToken(input, personId, id);
        const result = await client.getFlowResult(flowId);
        if (isTerminalFlow(result)) nudgeVerdict(flowId);
        return jsonResult(200, result);
      }
      case 'refreshFlowToken': {
        // No token needed (it may have expired): ownership is checked at the source instead.
        await limitCreation('token', await sha256Hex(`person:${personId}`), input);
        // The id comes from the browser, so it may name another consumer's flow, which Verigram
        // answers 403 (spec: GET /flow/{flow_id} lists 403 Forbidden). For this user that is a
        // flow that is not theirs, like any other: the uniform 404, not a key error.
        const flow = await client.getFlow(id as string).catch((error: unknown) => {
          throw isVerigramApiError(error) && error.status === 403 ? notFound() : error;
        });
        if (flow.person_id !== personId || typeof flow.vlink !== 'string') throw notFound();
        return tokenAnswer(id as string, flow.vlink, personId, 200);
      }
      case 'currentFlow': {
        if (!verdicts) {
          throw new ProxyError(
            404,
            'ROUTE_NOT_FOUND',
            'GET /flows/current needs server-side verdicts: createVerigramProxy({ verdicts })',
          );
        }
        const current = await verdicts.currentFor(personId);
        if (!current) throw new ProxyError(404, 'NO_CURRENT_FLOW', 'This user has no unfinished flow');
        return tokenAnswer(current.flowId, current.vlink, personId, 200);
      }
      case 'getSessionResult': {
        const flowId = await requireFlowToken(input, personId);
        const session = await client.getSessionResult(id as string);
        // The token names a flow, not a session: the session must belong to that flow.
        if (session.flow_id !== flowId) throw notFound();
        return jsonResult(200, session);
      }
      case 'createLivenessSession': {
        await limitCreation('liveness', await sha256Hex(`person:${personId}`), input);
        const flowId = await requireFlowToken(input, personId);
        const body = parseLivenessBody(await readJsonBody(input, maxBodyBytes));
        const session = await client.createLivenessSession({ ...body, person_id: personId, flow_id: flowId });
        return jsonResult(201, session);
      }
      case 'downloadFile': {
        const flowId = await requireFlowToken(input, personId);
        const label = new URLSearchParams(input.search).get('label');
        if (!label || !(FILE_LABELS as readonly string[]).includes(label)) {
          throw new ProxyError(400, 'INVALID_LABEL', "label must be one of the spec's file labels");
        }
        // Only a file download follows the browser's signal (Next.js and Hono abort it when the
        // browser leaves, and a large stream is worth stopping). JSON reads are short and bounded
        // by timeoutMs, and a creation must never be cut off half-way (the flow might exist upstream).
        const file = await client.downloadFile(
          { label: label as FileLabel, flow_id: flowId },
          { signal: input.signal() },
        );
        return streamFile(file.body, file.contentType, file.contentLength, maxFileBytes, {});
      }
    }
  }

  async function handle(input: ProxyInput): Promise<ProxyResult> {
    const { pathname, search, method } = input;
    if (!pathname.startsWith(`${mountPath}/`)) {
      throw new ProxyError(404, 'ROUTE_NOT_FOUND', `No such route; the proxy serves ${mountPath}/...`);
    }
    const match = matchRoute(method, pathname.slice(mountPath.length + 1));
    if (method === 'OPTIONS' && match.kind === 'method') {
      return origins.preflight(input.header('origin'), input.origin, match.allow);
    }
    if (match.kind === 'none') throw new ProxyError(404, 'ROUTE_NOT_FOUND', 'No such route');
    if (match.kind === 'bad-id') throw notFound();
    if (match.kind === 'method') {
      throw new ProxyError(405, 'METHOD_NOT_ALLOWED', `Use ${match.allow.join(' or ')}`, {
        allow: match.allow.join(', '),
      });
    }
    const { route: matched, id } = match;
    const seen = new Set<string>();
    for (const key of search ? new URLSearchParams(search).keys() : []) {
      if (!matched.query.includes(key) || seen.has(key)) {
        throw new ProxyError(
          400,
          'UNEXPECTED_QUERY',
          `Query parameter "${key.slice(0, 40)}" is not accepted here`,
        );
      }
      seen.add(key);
    }
    if (matched.method === 'POST') origins.assertSafePost(input, input.origin);
    const personId = await authorize(input);
    return route(matched.name, id, input, personId);
  }

  async function result(input: ProxyInput): Promise<ProxyResult> {
    const started = Date.now();
    let answer: ProxyResult;
    try {
      answer = await handle(input);
    } catch (error) {
      let failure: ProxyError;
      if (error instanceof ProxyError) failure = error;
      else if (isVerigramApiError(error)) {
        failure = mapUpstreamError(error, redact);
        log(failure.status >= 500 ? 'error' : 'warn', 'upstream error', {
          status: error.status,
          upstreamCode: error.errorCode,
          upstreamMsg: error.errorMsg,
        });
      } else {
        failure = new ProxyError(500, 'INTERNAL_ERROR', 'The proxy failed; see its log');
        log('error', 'proxy failure', { error });
      }
      answer = jsonResult(
        failure.status,
        { error_code: failure.errorCode, error_msg: redact(failure.message) },
        failure.headers,
      );
    }
    Object.assign(answer.headers, origins.corsHeaders(input.header('origin'), input.origin));
    if (logsInfo) {
      log('info', 'request', {
        method: input.method,
        path: input.pathname,
        status: answer.status,
        ms: Date.now() - started,
      });
    }
    return answer;
  }

  const proxy = async (request: Request, context?: ProxyRequestContext): Promise<Response> =>
    toResponse(await result(fromWebRequest(request, context)));
  const core: ProxyCore = { handle: result, hasAuthorize: options.authorize !== undefined };
  return Object.assign(proxy, { mountPath, [PROXY_CORE]: core });
}
