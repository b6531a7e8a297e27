import {
  createVerigramClient,
  FILE_LABELS,
  type FileLabel,
  isTerminalFlow,
  isVerigramApiError,
  toErrorBody,
} from '@verigram-kit/core';
import { authorizeUser } from './auth/authorizeUser.ts';
import { createFlowTokenSigner } from './auth/createFlowTokenSigner.ts';
import { sha256Hex } from './auth/crypto.ts';
import { flowTokenAnswer, requireFlowToken } from './auth/requireFlowToken.ts';
import { consoleLogger, createRedactingLogger } from './createRedactingLogger.ts';
import { createOriginPolicy } from './http/createOriginPolicy.ts';
import { fromWebRequest, type ProxyInput } from './http/ProxyInput.ts';
import { jsonResult, PROXY_CORE, type ProxyCore, type ProxyResult, toResponse } from './http/ProxyResult.ts';
import { readJsonBody } from './http/readJsonBody.ts';
import { matchRoute, type RouteName } from './http/routeTable.ts';
import { streamFile } from './http/streamFile.ts';
import { createIdempotencyGuard } from './limits/createIdempotencyGuard.ts';
import { limitCreation } from './limits/enforceRateLimit.ts';
import { notFound, ProxyError } from './ProxyError.ts';
import { resolveProxyOptions } from './resolveProxyOptions.ts';
import { handleCreateFlow } from './routes/handleCreateFlow.ts';
import type { ProxyServices } from './routes/ProxyServices.ts';
import { parseLivenessBody } from './routes/parseLivenessBody.ts';
import { mapUpstreamError } from './upstream/mapUpstreamError.ts';
import type { ProxyRequestContext, VerigramProxyOptions } from './VerigramProxyOptions.ts';

/** The proxy: a Web-standard handler, plus where it is mounted (adapters use it to fall through). */
export interface VerigramProxy {
  (request: Request, context?: ProxyRequestContext): Promise<Response>;
  readonly mountPath: string;
  /** @internal The handler before any Web object is built; used by the Node adapter. */
  readonly [PROXY_CORE]: ProxyCore;
}

/**
 * The token proxy: holds the API key, binds each flow to the user `authorize` names, and serves
 * Verigram's own routes under `mountPath`. This file is the routing and the short route handlers;
 * defaults live in resolveProxyOptions, flow creation in routes/handleCreateFlow.
 *
 * @example
 * const proxy = createVerigramProxy({
 *   apiKey: process.env.VERIGRAM_API_KEY!,
 *   secret: process.env.VERIGRAM_PROXY_SECRET!,
 *   authorize: async (request) => ((await getSession(request)) ? { personId: session.userId } : null),
 * });
 */
export function createVerigramProxy(options: VerigramProxyOptions): VerigramProxy {
  const settings = resolveProxyOptions(options);
  const { apiKey, mountPath, verdicts, logger } = settings;
  const client = createVerigramClient({
    apiKey,
    baseUrl: settings.baseUrl,
    apiVersion: settings.apiVersion,
    timeoutMs: settings.timeoutMs,
    retry: settings.retry,
    fetch: settings.fetch,
  });
  const tokens = createFlowTokenSigner(settings.secret, settings.flowTokenTtlSeconds);
  const origins = createOriginPolicy(settings.allowedOrigins, settings.corsCredentials);
  const idempotency = createIdempotencyGuard(settings.store, {
    ttlMs: settings.idempotencyTtlMs,
    waitMs: settings.timeoutMs + 1000,
  });
  const log = logger === false ? () => {} : createRedactingLogger(logger, [apiKey, settings.secret]);
  // The default logger drops info lines; skip building them at all (the read path is hot).
  const logsInfo = logger !== false && logger !== consoleLogger;
  const redact = (text: string) => (apiKey ? text.split(apiKey).join('[REDACTED]') : text);
  const services: ProxyServices = { settings, client, tokens, idempotency, log };

  /** The flow the request's flow token proves this user owns (and, given, the one in the path). */
  const ownedFlow = (input: ProxyInput, personId: string, flowId?: string) =>
    requireFlowToken(tokens, mountPath, input, personId, flowId);

  /** The browser saw the flow end: the watcher checks it now rather than at its next poll. */
  function nudgeVerdict(flowId: string) {
    verdicts
      ?.nudge(flowId)
      .catch((error: unknown) => log('warn', 'verdicts: nudge failed', { flowId, error }));
  }

  async function route(name: RouteName, id: string | undefined, input: ProxyInput, personId: string) {
    switch (name) {
      case 'createFlow':
        return handleCreateFlow(services, input, personId);
      case 'getFlow': {
        const flowId = await ownedFlow(input, personId, id);
        const flow = await client.getFlow(flowId);
        if (isTerminalFlow(flow)) nudgeVerdict(flowId);
        return jsonResult(200, flow);
      }
      case 'getFlowResult': {
        const flowId = await ownedFlow(input, personId, id);
        const result = await client.getFlowResult(flowId);
        if (isTerminalFlow(result)) nudgeVerdict(flowId);
        return jsonResult(200, result);
      }
      case 'refreshFlowToken': {
        // No token needed (it may have expired): ownership is checked at the source instead.
        await limitCreation(settings, 'token', await sha256Hex(`person:${personId}`), input);
        // The id comes from the browser, so it may name another consumer's flow, which Verigram
        // answers 403 (spec: GET /flow/{flow_id} lists 403 Forbidden). For this user that is a
        // flow that is not theirs, like any other: the uniform 404, not a key error.
        const flow = await client.getFlow(id as string).catch((error: unknown) => {
          throw isVerigramApiError(error) && error.status === 403 ? notFound() : error;
        });
        if (flow.person_id !== personId || typeof flow.vlink !== 'string') throw notFound();
        return flowTokenAnswer(tokens, id as string, flow.vlink, personId, 200);
      }
      case 'currentFlow': {
        if (!verdicts) {
          throw new ProxyError({
            status: 404,
            errorCode: 'ROUTE_NOT_FOUND',
            errorMsg: 'GET /flows/current needs server-side verdicts: createVerigramProxy({ verdicts })',
          });
        }
        const current = await verdicts.currentFor(personId);
        if (!current)
          throw new ProxyError({
            status: 404,
            errorCode: 'NO_CURRENT_FLOW',
            errorMsg: 'This user has no unfinished flow',
          });
        return flowTokenAnswer(tokens, current.flowId, current.vlink, personId, 200);
      }
      case 'getSessionResult': {
        const flowId = await ownedFlow(input, personId);
        const session = await client.getSessionResult(id as string);
        // The token names a flow, not a session: the session must belong to that flow.
        if (session.flow_id !== flowId) throw notFound();
        return jsonResult(200, session);
      }
      case 'createLivenessSession': {
        await limitCreation(settings, 'liveness', await sha256Hex(`person:${personId}`), input);
        const flowId = await ownedFlow(input, personId);
        const body = parseLivenessBody(await readJsonBody(input, settings.maxBodyBytes));
        const session = await client.createLivenessSession({ ...body, person_id: personId, flow_id: flowId });
        return jsonResult(201, session);
      }
      case 'downloadFile': {
        const flowId = await ownedFlow(input, personId);
        const label = new URLSearchParams(input.search).get('label');
        if (!label || !(FILE_LABELS as readonly string[]).includes(label)) {
          throw new ProxyError({
            status: 400,
            errorCode: 'INVALID_LABEL',
            errorMsg: "label must be one of the spec's file labels",
          });
        }
        // Only a file download follows the browser's signal (Next.js and Hono abort it when the
        // browser leaves, and a large stream is worth stopping). JSON reads are short and bounded
        // by timeoutMs, and a creation must never be cut off half-way (the flow might exist upstream).
        const file = await client.downloadFile(
          { label: label as FileLabel, flow_id: flowId },
          { signal: input.signal() },
        );
        return streamFile(file.body, file.contentType, file.contentLength, settings.maxFileBytes, {});
      }
    }
  }

  /** Matches the route, checks method, query and origin, names the user, then runs the route. */
  async function dispatch(input: ProxyInput): Promise<ProxyResult> {
    const { pathname, search, method } = input;
    if (!pathname.startsWith(`${mountPath}/`)) {
      throw new ProxyError({
        status: 404,
        errorCode: 'ROUTE_NOT_FOUND',
        errorMsg: `No such route; the proxy serves ${mountPath}/...`,
      });
    }
    const match = matchRoute(method, pathname.slice(mountPath.length + 1));
    if (method === 'OPTIONS' && match.kind === 'method') {
      return origins.preflight(input.header('origin'), input.origin, match.allow);
    }
    if (match.kind === 'none')
      throw new ProxyError({ status: 404, errorCode: 'ROUTE_NOT_FOUND', errorMsg: 'No such route' });
    if (match.kind === 'bad-id') throw notFound();
    if (match.kind === 'method') {
      throw new ProxyError({
        status: 405,
        errorCode: 'METHOD_NOT_ALLOWED',
        errorMsg: `Use ${match.allow.join(' or ')}`,
        headers: {
          allow: match.allow.join(', '),
        },
      });
    }
    const { route: matched, id } = match;
    const seen = new Set<string>();
    for (const key of search ? new URLSearchParams(search).keys() : []) {
      if (!matched.query.includes(key) || seen.has(key)) {
        throw new ProxyError({
          status: 400,
          errorCode: 'UNEXPECTED_QUERY',
          errorMsg: `Query parameter "${key.slice(0, 40)}" is not accepted here`,
        });
      }
      seen.add(key);
    }
    if (matched.method === 'POST') origins.assertSafePost(input, input.origin);
    const personId = await authorizeUser(input, settings.authorize, log);
    return route(matched.name, id, input, personId);
  }

  /** Every answer, errors included: a JSON error body, CORS headers, one log line. */
  async function serve(input: ProxyInput): Promise<ProxyResult> {
    const started = Date.now();
    let answer: ProxyResult;
    try {
      answer = await dispatch(input);
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
        failure = new ProxyError({
          status: 500,
          errorCode: 'INTERNAL_ERROR',
          errorMsg: 'The proxy failed; see its log',
        });
        log('error', 'proxy failure', { error });
      }
      answer = jsonResult(
        failure.status,
        toErrorBody({ errorCode: failure.errorCode, errorMsg: redact(failure.errorMsg) }),
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
    toResponse(await serve(fromWebRequest(request, context)));
  const core: ProxyCore = { handle: serve, hasAuthorize: settings.authorize !== undefined };
  return Object.assign(proxy, { mountPath, [PROXY_CORE]: core });
}
