/**
 * The proxy's routes, relative to the mount path: the browser's share of Verigram's own paths,
 * plus the proxy's `flow/{id}/token` and `flows/current`. Nothing else is served.
 */
export type RouteName =
  | 'createFlow'
  | 'getFlow'
  | 'getFlowResult'
  | 'refreshFlowToken'
  | 'currentFlow'
  | 'getSessionResult'
  | 'createLivenessSession'
  | 'downloadFile';

interface RouteDefinition {
  name: RouteName;
  method: 'GET' | 'POST';
  /** Literal segments, and `:id` for an id. */
  segments: readonly string[];
  /** Query parameters the route accepts; any other parameter is refused. */
  query: readonly string[];
}

export const ROUTES: readonly RouteDefinition[] = [
  { name: 'createFlow', method: 'POST', segments: ['flow'], query: [] },
  { name: 'getFlow', method: 'GET', segments: ['flow', ':id'], query: [] },
  { name: 'getFlowResult', method: 'GET', segments: ['flow', ':id', 'result'], query: [] },
  { name: 'refreshFlowToken', method: 'POST', segments: ['flow', ':id', 'token'], query: [] },
  // The signed-in person's unfinished flow, from the verdicts ledger (the proxy's own route).
  { name: 'currentFlow', method: 'GET', segments: ['flows', 'current'], query: [] },
  { name: 'getSessionResult', method: 'GET', segments: ['journal', 'session', ':id'], query: [] },
  { name: 'createLivenessSession', method: 'POST', segments: ['liveness2', 'session'], query: [] },
  { name: 'downloadFile', method: 'GET', segments: ['resources', 'file'], query: ['label'] },
];

/**
 * Ids the proxy accepts in a path. The spec declares no path parameters at all (see core's
 * createVerigramClient), so this is our own rule: Verigram's ids are UUID-like, and refusing
 * '.', '%', '/' and '\' up front makes traversal (`../`, `%2e%2e`, `%252e`) impossible
 * whatever a server in front of us decodes.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export type RouteMatch =
  | { kind: 'route'; route: RouteDefinition; id: string | undefined }
  /** The path is a route, the method is not: 405 with `Allow`. */
  | { kind: 'method'; allow: string[] }
  /** The path is shaped like a route but its id is not an id: answered like an unknown id. */
  | { kind: 'bad-id' }
  | { kind: 'none' };

/** Matches a path below the mount path (`rest` has no leading slash), e.g. `flow/abc/result`. */
export function matchRoute(method: string, rest: string): RouteMatch {
  const parts = rest.split('/');
  const allow: string[] = [];
  let badId = false;
  for (const route of ROUTES) {
    if (route.segments.length !== parts.length) continue;
    let id: string | undefined;
    let literalMatch = true;
    let idOk = true;
    route.segments.forEach((segment, i) => {
      const part = parts[i] as string;
      if (segment === ':id') {
        id = part;
        if (!ID_PATTERN.test(part)) idOk = false;
      } else if (segment !== part) literalMatch = false;
    });
    if (!literalMatch) continue;
    if (!idOk) {
      badId = true;
      continue;
    }
    if (route.method === method) return { kind: 'route', route, id };
    allow.push(route.method);
  }
  if (allow.length > 0) return { kind: 'method', allow: [...new Set([...allow, 'OPTIONS'])] };
  return badId ? { kind: 'bad-id' } : { kind: 'none' };
}
