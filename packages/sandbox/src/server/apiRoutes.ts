// The six Verigram API 2.0 operations, behind the spec's security requirements (the key and the
// version headers) and the test keys' rate limit. Faults wrap them from outside (withFaults.ts).

import type { IncomingMessage } from 'node:http';
import { API_KEY_HEADER, API_VERSION, API_VERSION_HEADER } from '@verigram-kit/core';
import type { SandboxEngine } from '../engine/SandboxEngine.ts';
import { SandboxError } from '../engine/SandboxError.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { readJsonBody } from './readJsonBody.ts';
import { errorReply, json, type Reply, type Route, type RouteRequest } from './router.ts';

export interface ApiRoutesContext {
  engine: SandboxEngine;
  rateLimiter: RateLimiter;
  now(): number;
}

/** The `X-Verigram-Api-Key` of a request, when sent. */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const v = req.headers[API_KEY_HEADER.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function apiRoutes({ engine, rateLimiter, now }: ApiRoutesContext): Route[] {
  /** Runs an operation with the request's key once the key, the version and the rate limit allow it. */
  const guarded =
    (operation: (apiKey: string, request: RouteRequest) => Reply | Promise<Reply>) =>
    (request: RouteRequest): Reply | Promise<Reply> => {
      const { req } = request;
      const key = apiKeyOf(req);
      const consumer = engine.authenticate(key);
      if (!consumer)
        throw new SandboxError({
          status: 401,
          errorCode: 'UNAUTHORIZED',
          errorMsg: key ? `Unknown ${API_KEY_HEADER}` : `Missing ${API_KEY_HEADER} header`,
        });
      // The spec declares X-Verigram-Api-Version a security requirement like the key: missing is a
      // 401; a version the sandbox does not speak is a 422.
      const version = req.headers[API_VERSION_HEADER.toLowerCase()];
      if (version === undefined)
        throw new SandboxError({
          status: 401,
          errorCode: 'UNAUTHORIZED',
          errorMsg: `Missing ${API_VERSION_HEADER} header`,
        });
      if (version !== API_VERSION)
        throw new SandboxError({
          status: 422,
          errorCode: 'UNSUPPORTED_API_VERSION',
          errorMsg: `${API_VERSION_HEADER} must be ${API_VERSION}, got ${version}`,
        });
      if (consumer.testKey) {
        const wait = rateLimiter.take(consumer.apiKey, now());
        if (wait > 0)
          return errorReply(
            new SandboxError({
              status: 429,
              errorCode: 'TOO_MANY_REQUESTS',
              errorMsg: 'Test keys are rate-limited; slow down',
            }),
            {
              'Retry-After': String(wait),
            },
          );
      }
      return operation(consumer.apiKey, request);
    };

  const api = (pattern: RegExp, methods: Route['methods']): Route => ({
    pattern,
    methods,
    on: 'api',
    verigramApi: true,
  });

  return [
    api(/^\/flow$/, {
      POST: guarded(async (key, { req }) => json(201, engine.createFlow(key, await readJsonBody(req)))),
    }),
    api(/^\/flow\/([^/]+)$/, {
      GET: guarded((key, { params: [id] }) => json(200, engine.getFlow(key, id as string))),
    }),
    api(/^\/flow\/([^/]+)\/result$/, {
      GET: guarded((key, { params: [id] }) => json(200, engine.getFlowResult(key, id as string))),
    }),
    api(/^\/journal\/session\/([^/]+)$/, {
      GET: guarded((key, { params: [id] }) => json(200, engine.getSessionResult(key, id as string))),
    }),
    api(/^\/liveness2\/session$/, {
      POST: guarded(async (key, { req }) =>
        json(201, engine.createLivenessSession(key, await readJsonBody(req))),
      ),
    }),
    api(/^\/resources\/file$/, {
      GET: guarded((key, { url }) => {
        const file = engine.getFile(key, Object.fromEntries(url.searchParams));
        return {
          status: 200,
          headers: {
            // The spec says application/octet-stream generically; the real type is more useful.
            'Content-Type': file.contentType,
            'Content-Length': file.bytes.length,
            'Content-Disposition': `inline; filename="${file.filename}"`,
            'Cache-Control': 'no-store',
          },
          body: file.bytes,
        };
      }),
    }),
  ];
}
