// The sandbox's HTTP surface on node:http: the six Verigram API 2.0 operations, the hosted page
// under /hf2/, and sandbox-only control routes under /_sandbox/ (outside Verigram's paths).
// startSandbox serves the API (and control routes) and the hosted page on two origins, as Verigram
// does (services.* and web.*): each origin answers the other's paths 404, naming the right origin.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LivenessError } from '@verigram-kit/core';
import { API_KEY_HEADER, API_VERSION, API_VERSION_HEADER } from '@verigram-kit/core';
import { VERDICTS, type Verdict } from '../engine/FlowMachine.ts';
import { parsePageAction } from '../engine/parsePageAction.ts';
import type { SandboxEngine } from '../engine/SandboxEngine.ts';
import { isSandboxError, SandboxError } from '../engine/SandboxError.ts';
import { STEP_OUTCOMES } from '../engine/testControls.ts';
import { hostedPageCsp, renderHostedPage } from '../page/renderHostedPage.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { checkFaults, type SandboxFaults } from './SandboxFaults.ts';

export interface SandboxHandlerContext {
  engine: SandboxEngine;
  rateLimiter: RateLimiter;
  getFaults(): Required<SandboxFaults>;
  setFaults(faults: SandboxFaults): void;
  /** Consumes one request of an injected 429 burst; true when this request is part of it. */
  takeBurst(): boolean;
  now(): number;
  advanceClock(ms: number): void;
  random(): number;
  /** Called with one line per request, when given. */
  log?: ((line: string) => void) | undefined;
  /**
   * Which paths this handler answers: `api` (the Verigram API and control routes), `page` (the
   * hosted page under /hf2/), or `all` (one origin for both, unlike Verigram). @default 'all'
   */
  serve?: 'api' | 'page' | 'all' | undefined;
  /** The other origin's URL, named in the 404 of a path that lives there. @default none */
  elsewhere?: (() => string) | undefined;
  /** The hosted page posts the sandbox's postMessage protocol (false: silent, like Verigram's). @default true */
  pageMessages?: boolean | undefined;
}

type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  params: string[],
  url: URL,
) => Promise<void> | void;
interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
  /** A Verigram API route: faults, authentication and rate limits apply. */
  api?: boolean;
  /** The origin that serves it: the API's (default), the hosted page's, or both. */
  on?: 'api' | 'page' | 'both';
}

const MAX_BODY = 1_000_000;

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  err: SandboxError,
  headers: Record<string, string | number> = {},
): void {
  send(res, err.status, err.toBody(), headers);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining past the limit: answering mid-upload would reset a kept-alive connection.
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY) throw new SandboxError(413, 'PAYLOAD_TOO_LARGE', 'Request body exceeds 1 MB');
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // The spec lists no 400; malformed JSON is an unprocessable request like any invalid body.
    throw new SandboxError(422, 'INVALID_PAYLOAD', 'Request body is not valid JSON');
  }
}

/** A control route's `error_codes`: absent, or LivenessError values (the page's own check). */
function readErrorCodes(codes: unknown): LivenessError[] | undefined {
  if (codes === undefined) return undefined;
  if (!Array.isArray(codes))
    throw new SandboxError(422, 'INVALID_PAYLOAD', 'error_codes must be an array of LivenessError values');
  parsePageAction({ type: 'outcome', outcome: 'fail', errorCodes: codes });
  return codes as LivenessError[];
}

/**
 * A path segment's id. A malformed percent-encoding (`/flow/%E0%A4%A`) names nothing: 404 with the
 * spec's error body, as for any unknown id (every operation with a path parameter lists 404).
 */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SandboxError(404, 'NOT_FOUND', `Malformed percent-encoding in the path segment "${segment}"`);
  }
}

const keyOf = (req: IncomingMessage) => {
  const v = req.headers[API_KEY_HEADER.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

export function createSandboxHandler(ctx: SandboxHandlerContext) {
  const { engine } = ctx;
  const serve = ctx.serve ?? 'all';
  // The key of the current API request, checked before the handler runs.
  const apiKey = (req: IncomingMessage) => keyOf(req) as string;

  const controlKey = (req: IncomingMessage): string => {
    const key = keyOf(req);
    if (!engine.authenticate(key))
      throw new SandboxError(
        401,
        'UNAUTHORIZED',
        `Control routes for flows need the owner's ${API_KEY_HEADER}`,
      );
    return key as string;
  };

  const page = (res: ServerResponse, flowId: string) => {
    const nonce = randomBytes(16).toString('base64');
    let html: string;
    let status = 200;
    try {
      const state = engine.pageState(flowId);
      html = renderHostedPage({
        mode: 'server',
        apiBase: `/hf2/${encodeURIComponent(flowId)}/`,
        flowId,
        state,
        nonce,
        postMessages: ctx.pageMessages ?? true,
      });
    } catch (err) {
      if (!isSandboxError(err) || err.status !== 404) throw err;
      status = 404;
      html = `<!doctype html><meta charset="utf-8"><title>Not found</title><p>This verification link does not exist.</p>`;
    }
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': hostedPageCsp(nonce, { withFrameAncestors: true }),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    res.end(html);
  };

  const routes: Route[] = [
    // ---- Verigram API 2.0 ----
    {
      pattern: /^\/flow$/,
      api: true,
      methods: {
        POST: async (req, res) => send(res, 201, engine.createFlow(apiKey(req), await readJson(req))),
      },
    },
    {
      pattern: /^\/flow\/([^/]+)$/,
      api: true,
      methods: { GET: (req, res, [id]) => send(res, 200, engine.getFlow(apiKey(req), id as string)) },
    },
    {
      pattern: /^\/flow\/([^/]+)\/result$/,
      api: true,
      methods: { GET: (req, res, [id]) => send(res, 200, engine.getFlowResult(apiKey(req), id as string)) },
    },
    {
      pattern: /^\/journal\/session\/([^/]+)$/,
      api: true,
      methods: {
        GET: (req, res, [id]) => send(res, 200, engine.getSessionResult(apiKey(req), id as string)),
      },
    },
    {
      pattern: /^\/liveness2\/session$/,
      api: true,
      methods: {
        POST: async (req, res) =>
          send(res, 201, engine.createLivenessSession(apiKey(req), await readJson(req))),
      },
    },
    {
      pattern: /^\/resources\/file$/,
      api: true,
      methods: {
        GET: (req, res, _p, url) => {
          const file = engine.getFile(apiKey(req), Object.fromEntries(url.searchParams));
          res.writeHead(200, {
            // The spec says application/octet-stream generically; the real type is more useful.
            'Content-Type': file.contentType,
            'Content-Length': file.bytes.length,
            'Content-Disposition': `inline; filename="${file.filename}"`,
            'Cache-Control': 'no-store',
          });
          res.end(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length));
        },
      },
    },
    // ---- the hosted page ----
    {
      pattern: /^\/hf2\/preview\/$/,
      on: 'page',
      methods: {
        GET: (_req, res, _p, url) => {
          const nonce = randomBytes(16).toString('base64');
          const locale = url.searchParams.get('locale');
          const theme = url.searchParams.get('theme');
          const html = renderHostedPage({
            mode: 'preview',
            flowId: 'preview',
            nonce,
            preview: {
              locale: locale === 'kk' || locale === 'ru' ? locale : 'en',
              ui: theme === 'bts' ? { theme: 'bts' } : {},
              stepIndex: Number(url.searchParams.get('step') ?? 0) || 0,
            },
          } as Parameters<typeof renderHostedPage>[0]);
          res.writeHead(200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Security-Policy': hostedPageCsp(nonce, { withFrameAncestors: true }),
            'Cache-Control': 'no-store',
          });
          res.end(html);
        },
      },
    },
    {
      pattern: /^\/hf2\/([^/]+)$/,
      on: 'page',
      methods: {
        GET: (_req, res, _p, url) => {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
          res.end();
        },
      },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/$/,
      on: 'page',
      methods: { GET: (_req, res, [id]) => page(res, id as string) },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/state$/,
      on: 'page',
      methods: { GET: (_req, res, [id]) => send(res, 200, engine.pageState(id as string)) },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/actions$/,
      on: 'page',
      methods: {
        POST: async (req, res, [id]) =>
          send(
            res,
            200,
            engine.pageAction(id as string, await readJson(req), {
              userAgent: req.headers['user-agent'] ?? '',
            }),
          ),
      },
    },
    // ---- sandbox-only control routes ----
    {
      pattern: /^\/_sandbox\/health$/,
      on: 'both',
      methods: { GET: (_q, res) => send(res, 200, { ok: true }) },
    },
    {
      pattern: /^\/_sandbox\/flows$/,
      methods: {
        GET: (req, res) => {
          const consumer = engine.authenticate(controlKey(req));
          send(res, 200, { flows: engine.listFlows(consumer?.consumerId) });
        },
      },
    },
    {
      pattern: /^\/_sandbox\/flows\/([^/]+)\/steps\/current$/,
      methods: {
        POST: async (req, res, [id]) => {
          const key = controlKey(req);
          const body = ((await readJson(req)) ?? {}) as { outcome?: unknown; error_codes?: unknown };
          const outcome = STEP_OUTCOMES.find((o) => o === body.outcome);
          if (!outcome)
            throw new SandboxError(
              422,
              'INVALID_PAYLOAD',
              `outcome must be one of ${STEP_OUTCOMES.join(', ')}`,
            );
          const codes = readErrorCodes(body.error_codes);
          send(
            res,
            200,
            engine.setStepOutcome(key, id as string, { outcome, ...(codes ? { errorCodes: codes } : {}) }),
          );
        },
      },
    },
    {
      pattern: /^\/_sandbox\/flows\/([^/]+)\/review$/,
      methods: {
        POST: async (req, res, [id]) => {
          const key = controlKey(req);
          const body = ((await readJson(req)) ?? {}) as { flow_status?: unknown };
          if (body.flow_status !== 'pass' && body.flow_status !== 'fail')
            throw new SandboxError(422, 'INVALID_PAYLOAD', 'flow_status must be pass or fail');
          send(res, 200, engine.reviewFlow(key, id as string, body.flow_status));
        },
      },
    },
    {
      pattern: /^\/_sandbox\/sessions\/([^/]+)\/outcome$/,
      methods: {
        POST: async (req, res, [id]) => {
          const body = ((await readJson(req)) ?? {}) as { outcome?: unknown; error_codes?: unknown };
          const outcome = (Object.keys(VERDICTS) as Verdict[]).find((o) => o === body.outcome);
          if (!outcome)
            throw new SandboxError(
              422,
              'INVALID_PAYLOAD',
              `outcome must be one of ${Object.keys(VERDICTS).join(', ')}`,
            );
          const codes = readErrorCodes(body.error_codes);
          send(res, 200, engine.decideLivenessSession(controlKey(req), id as string, outcome, codes));
        },
      },
    },
    {
      pattern: /^\/_sandbox\/faults$/,
      methods: {
        GET: (_q, res) => send(res, 200, ctx.getFaults()),
        PUT: async (req, res) => {
          const body = (await readJson(req)) ?? {};
          const problem = checkFaults(body);
          if (problem) throw new SandboxError(422, 'INVALID_PAYLOAD', problem);
          ctx.setFaults(body as SandboxFaults);
          send(res, 200, ctx.getFaults());
        },
      },
    },
    {
      pattern: /^\/_sandbox\/auto-complete$/,
      methods: {
        PUT: async (req, res) => {
          const body = ((await readJson(req)) ?? {}) as { enabled?: unknown };
          if (typeof body.enabled !== 'boolean')
            throw new SandboxError(422, 'INVALID_PAYLOAD', 'enabled must be a boolean');
          engine.autoComplete = body.enabled;
          send(res, 200, { enabled: engine.autoComplete });
        },
      },
    },
    {
      pattern: /^\/_sandbox\/clock$/,
      methods: {
        GET: (_q, res) => send(res, 200, { now: new Date(ctx.now()).toISOString() }),
        POST: async (req, res) => {
          const body = ((await readJson(req)) ?? {}) as { advance_ms?: unknown };
          if (typeof body.advance_ms !== 'number' || !(body.advance_ms >= 0))
            throw new SandboxError(422, 'INVALID_PAYLOAD', 'advance_ms must be a non-negative number');
          ctx.advanceClock(body.advance_ms);
          engine.tick();
          send(res, 200, { now: new Date(ctx.now()).toISOString() });
        },
      },
    },
    {
      pattern: /^\/_sandbox\/reset$/,
      methods: {
        POST: (_q, res) => {
          engine.reset();
          ctx.rateLimiter.reset();
          send(res, 200, { ok: true });
        },
      },
    },
    {
      pattern: /^\/$/,
      methods: {
        GET: (_q, res) =>
          send(res, 200, {
            name: 'verigram-sandbox',
            api_version: API_VERSION,
            keys: ['sandbox-test-key', 'sandbox-other-key'],
            docs: 'packages/sandbox/README.md',
          }),
      },
    },
  ];

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    run: () => Promise<void> | void,
  ): Promise<void> {
    const faults = ctx.getFaults();
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
    if (ctx.takeBurst())
      return sendError(res, new SandboxError(429, 'TOO_MANY_REQUESTS', 'Injected 429 burst'), {
        'Retry-After': String(faults.retryAfterSeconds),
      });
    if (faults.error5xxRate > 0 && ctx.random() < faults.error5xxRate)
      return sendError(res, new SandboxError(500, 'INTERNAL_ERROR', 'Injected server error'));
    const key = keyOf(req);
    const consumer = engine.authenticate(key);
    if (!consumer)
      return sendError(
        res,
        new SandboxError(
          401,
          'UNAUTHORIZED',
          key ? `Unknown ${API_KEY_HEADER}` : `Missing ${API_KEY_HEADER} header`,
        ),
      );
    // The spec declares X-Verigram-Api-Version a security requirement like the key: missing is a
    // 401; a version the sandbox does not speak is a 422.
    const version = req.headers[API_VERSION_HEADER.toLowerCase()];
    if (version === undefined)
      return sendError(res, new SandboxError(401, 'UNAUTHORIZED', `Missing ${API_VERSION_HEADER} header`));
    if (version !== API_VERSION)
      return sendError(
        res,
        new SandboxError(
          422,
          'UNSUPPORTED_API_VERSION',
          `${API_VERSION_HEADER} must be ${API_VERSION}, got ${version}`,
        ),
      );
    if (consumer.testKey) {
      const wait = ctx.rateLimiter.take(consumer.apiKey, ctx.now());
      if (wait > 0)
        return sendError(
          res,
          new SandboxError(429, 'TOO_MANY_REQUESTS', 'Test keys are rate-limited; slow down'),
          {
            'Retry-After': String(wait),
          },
        );
    }
    if (faults.malformedRate > 0 && ctx.random() < faults.malformedRate) {
      // Let the handler run (state changes happen), then cut its JSON short.
      const end = res.end.bind(res);
      const writeHead = res.writeHead.bind(res);
      let isJson = false;
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        const h = { ...(headers ?? {}) };
        isJson = String(h['Content-Type'] ?? '').startsWith('application/json');
        if (isJson) delete h['Content-Length'];
        return writeHead(status, h);
      }) as typeof res.writeHead;
      res.end = ((chunk?: unknown) => {
        if (isJson && typeof chunk === 'string')
          return end(chunk.slice(0, Math.max(1, Math.floor(chunk.length / 2))));
        return end(chunk as Buffer);
      }) as typeof res.end;
    }
    await run();
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    try {
      const route = routes.find((r) => r.pattern.test(url.pathname));
      if (!route) throw new SandboxError(404, 'NOT_FOUND', `No route for ${url.pathname}`);
      const on = route.on ?? 'api';
      if (serve !== 'all' && on !== 'both' && on !== serve) {
        const there = ctx.elsewhere?.();
        const where = on === 'page' ? 'the hosted page origin' : 'the API origin';
        throw new SandboxError(
          404,
          'NOT_FOUND',
          `${url.pathname} is served on ${where}${there ? ` (${there})` : ''}, not here: the sandbox, like Verigram, serves its API and its hosted page on two origins`,
        );
      }
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(decodePathSegment);
      const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
      const handler = route.methods[method];
      if (!handler) {
        const allow = Object.keys(route.methods).join(', ');
        return sendError(
          res,
          new SandboxError(405, 'METHOD_NOT_ALLOWED', `Use ${allow} on ${url.pathname}`),
          {
            Allow: allow,
          },
        );
      }
      if (route.api) await handleApi(req, res, () => handler(req, res, params, url));
      else await handler(req, res, params, url);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (isSandboxError(err)) sendError(res, err);
      else
        sendError(
          res,
          new SandboxError(500, 'INTERNAL_ERROR', err instanceof Error ? err.message : String(err)),
        );
    } finally {
      ctx.log?.(
        `${req.method} ${url.pathname}${url.search} → ${res.statusCode} (${Date.now() - started} ms)`,
      );
    }
  };
}
