// The sandbox's one small router. A route answers a `Reply` value (status, headers, body) instead
// of writing to the response itself, so the layers around it (faults, logging) see and shape the
// answer without patching `ServerResponse`. `writeReply` is the one place that writes to node:http.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { toErrorBody } from '@verigram-kit/core';
import { isSandboxError, SandboxError } from '../engine/SandboxError.ts';

/** An answer, written to the socket by `writeReply`. */
export interface Reply {
  status: number;
  headers: Record<string, string | number>;
  body?: string | Uint8Array;
}

/** A JSON answer; `no-store`, as every Verigram answer is per flow and per moment. */
export function json(status: number, body: unknown, headers: Record<string, string | number> = {}): Reply {
  const text = JSON.stringify(body);
  return {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
      ...headers,
    },
    body: text,
  };
}

/** The spec's `SaasErrorResponse` `{error_code, error_msg}` of a refusal. */
export function errorReply(err: SandboxError, headers: Record<string, string | number> = {}): Reply {
  return json(err.status, toErrorBody(err), headers);
}

/** Any throw as a reply: a SandboxError as itself, anything else as a 500. */
export function replyToThrown(err: unknown): Reply {
  if (isSandboxError(err)) return errorReply(err);
  return errorReply(
    new SandboxError({
      status: 500,
      errorCode: 'INTERNAL_ERROR',
      errorMsg: err instanceof Error ? err.message : String(err),
    }),
  );
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, reply.headers);
  if (reply.body === undefined) res.end();
  else if (typeof reply.body === 'string') res.end(reply.body);
  else res.end(Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.length));
}

export interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  /** The pattern's captured path segments, percent-decoded. */
  params: string[];
}

export type RouteHandler = (request: RouteRequest) => Reply | Promise<Reply>;

/** Which origin serves a route: the API's, the hosted page's, or both. */
export type Surface = 'api' | 'page' | 'both';

export interface Route {
  pattern: RegExp;
  methods: Record<string, RouteHandler>;
  on: Surface;
  /** One of the six Verigram API operations: faults apply to it (withFaults). */
  verigramApi?: boolean;
}

export interface RouterOptions {
  /** Which surface this handler answers; `all` is one origin for both, unlike Verigram. */
  serve: 'api' | 'page' | 'all';
  /** The other origin's URL, named in the 404 of a path that lives there. */
  elsewhere?: (() => string) | undefined;
}

/**
 * A path segment's id. A malformed percent-encoding (`/flow/%E0%A4%A`) names nothing: 404 with the
 * spec's error body, as for any unknown id (every operation with a path parameter lists 404).
 */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SandboxError({
      status: 404,
      errorCode: 'NOT_FOUND',
      errorMsg: `Malformed percent-encoding in the path segment "${segment}"`,
    });
  }
}

export function createRouter(routes: readonly Route[], { serve, elsewhere }: RouterOptions) {
  const find = (pathname: string) => routes.find((r) => r.pattern.test(pathname));
  const servesHere = (route: Route) => serve === 'all' || route.on === 'both' || route.on === serve;
  const methodOf = (req: IncomingMessage) => (req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET'));

  return {
    /** Whether this request reaches one of the Verigram API operations on this origin. */
    isVerigramApi(req: IncomingMessage, url: URL): boolean {
      const route = find(url.pathname);
      return !!route?.verigramApi && servesHere(route) && methodOf(req) in route.methods;
    },

    async route(req: IncomingMessage, url: URL): Promise<Reply> {
      const route = find(url.pathname);
      if (!route)
        throw new SandboxError({
          status: 404,
          errorCode: 'NOT_FOUND',
          errorMsg: `No route for ${url.pathname}`,
        });
      if (!servesHere(route)) {
        const there = elsewhere?.();
        const where = route.on === 'page' ? 'the hosted page origin' : 'the API origin';
        throw new SandboxError({
          status: 404,
          errorCode: 'NOT_FOUND',
          errorMsg: `${url.pathname} is served on ${where}${there ? ` (${there})` : ''}, not here: the sandbox, like Verigram, serves its API and its hosted page on two origins`,
        });
      }
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map(decodePathSegment);
      const handler = route.methods[methodOf(req)];
      if (!handler) {
        const allow = Object.keys(route.methods).join(', ');
        return errorReply(
          new SandboxError({
            status: 405,
            errorCode: 'METHOD_NOT_ALLOWED',
            errorMsg: `Use ${allow} on ${url.pathname}`,
          }),
          {
            Allow: allow,
          },
        );
      }
      return handler({ req, url, params });
    },
  };
}
