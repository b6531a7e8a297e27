// The sandbox's HTTP surface on node:http, composed: the API routes (the six Verigram API 2.0
// operations), the page routes (the hosted page under /hf2/) and the control routes (sandbox-only,
// under /_sandbox/) behind one router, with faults as a layer around it and one request log line.
// startSandbox serves the API (and control routes) and the hosted page on two origins, as Verigram
// does (services.* and web.*): each origin answers the other's paths 404, naming the right origin.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxEngine } from '../engine/SandboxEngine.ts';
import { apiRoutes } from './apiRoutes.ts';
import { controlRoutes } from './controlRoutes.ts';
import { pageRoutes } from './pageRoutes.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { createRouter, replyToThrown, writeReply } from './router.ts';
import { type FaultSwitch, withFaults } from './withFaults.ts';

export interface SandboxHandlerContext {
  engine: SandboxEngine;
  rateLimiter: RateLimiter;
  faults: FaultSwitch;
  now(): number;
  advanceClock(ms: number): void;
  /** Sets how many times faster than real time the clock runs (checked by the caller). */
  setClockRate(rate: number): void;
  clockRate(): number;
  /** Randomness for fault rates. */
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

export function createSandboxHandler(ctx: SandboxHandlerContext) {
  const router = createRouter(
    [
      ...apiRoutes(ctx),
      ...pageRoutes({ engine: ctx.engine, pageMessages: ctx.pageMessages ?? true }),
      ...controlRoutes({
        ...ctx,
        getFaults: () => ctx.faults.get(),
        setFaults: (faults) => ctx.faults.set(faults),
      }),
    ],
    { serve: ctx.serve ?? 'all', elsewhere: ctx.elsewhere },
  );
  const answer = withFaults(
    async (req, url) => {
      try {
        return await router.route(req, url);
      } catch (err) {
        return replyToThrown(err);
      }
    },
    { faults: ctx.faults, random: ctx.random, appliesTo: router.isVerigramApi },
  );

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    try {
      writeReply(res, await answer(req, url));
    } catch {
      res.destroy();
    } finally {
      ctx.log?.(
        `${req.method} ${url.pathname}${url.search} → ${res.statusCode} (${Date.now() - started} ms)`,
      );
    }
  };
}
