// The sandbox-only control routes under /_sandbox/ (outside Verigram's paths, on the API origin):
// scripted outcomes, an operator's review, faults, auto-complete, the clock, reset, health. The
// flow and session routes act for the owner's key, like the API.

import type { IncomingMessage } from 'node:http';
import type { LivenessError } from '@verigram-kit/core';
import { API_KEY_HEADER, API_VERSION } from '@verigram-kit/core';
import { isVerdict, VERDICTS } from '../engine/FlowMachine.ts';
import { parsePageAction } from '../engine/parseRequests.ts';
import type { SandboxEngine } from '../engine/SandboxEngine.ts';
import { SandboxError } from '../engine/SandboxError.ts';
import { STEP_OUTCOMES } from '../engine/testControls.ts';
import { apiKeyOf } from './apiRoutes.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { readJsonBody } from './readJsonBody.ts';
import { json, type Route } from './router.ts';
import { checkClockRate, MAX_CLOCK_RATE } from './SandboxClock.ts';
import { checkFaults, type SandboxFaults } from './withFaults.ts';

export interface ControlRoutesContext {
  engine: SandboxEngine;
  rateLimiter: RateLimiter;
  getFaults(): Required<SandboxFaults>;
  setFaults(faults: SandboxFaults): void;
  now(): number;
  advanceClock(ms: number): void;
  setClockRate(rate: number): void;
  clockRate(): number;
}

/** A control route's `error_codes`: absent, or LivenessError values (the page's own check). */
function parseErrorCodes(codes: unknown): LivenessError[] | undefined {
  if (codes === undefined) return undefined;
  if (!Array.isArray(codes))
    throw new SandboxError({
      status: 422,
      errorCode: 'INVALID_PAYLOAD',
      errorMsg: 'error_codes must be an array of LivenessError values',
    });
  parsePageAction({ type: 'outcome', outcome: 'fail', errorCodes: codes });
  return codes as LivenessError[];
}

/** A JSON object body (an empty body reads as `{}`). */
async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return ((await readJsonBody(req)) ?? {}) as Record<string, unknown>;
}

export function controlRoutes(ctx: ControlRoutesContext): Route[] {
  const { engine } = ctx;

  const controlKey = (req: IncomingMessage): string => {
    const key = apiKeyOf(req);
    if (!engine.authenticate(key))
      throw new SandboxError({
        status: 401,
        errorCode: 'UNAUTHORIZED',
        errorMsg: `Control routes for flows need the owner's ${API_KEY_HEADER}`,
      });
    return key as string;
  };
  const clock = () => json(200, { now: new Date(ctx.now()).toISOString(), rate: ctx.clockRate() });

  return [
    {
      pattern: /^\/_sandbox\/health$/,
      on: 'both',
      methods: { GET: () => json(200, { ok: true }) },
    },
    {
      pattern: /^\/_sandbox\/flows$/,
      on: 'api',
      methods: {
        GET: ({ req }) => {
          const consumer = engine.authenticate(controlKey(req));
          return json(200, { flows: engine.listFlows(consumer?.consumerId) });
        },
      },
    },
    {
      pattern: /^\/_sandbox\/flows\/([^/]+)\/steps\/current$/,
      on: 'api',
      methods: {
        POST: async ({ req, params: [id] }) => {
          const key = controlKey(req);
          const body = await readBody(req);
          const outcome = STEP_OUTCOMES.find((o) => o === body.outcome);
          if (!outcome)
            throw new SandboxError({
              status: 422,
              errorCode: 'INVALID_PAYLOAD',
              errorMsg: `outcome must be one of ${STEP_OUTCOMES.join(', ')}`,
            });
          const codes = parseErrorCodes(body.error_codes);
          return json(
            200,
            engine.setStepOutcome(key, id as string, { outcome, ...(codes ? { errorCodes: codes } : {}) }),
          );
        },
      },
    },
    {
      pattern: /^\/_sandbox\/flows\/([^/]+)\/review$/,
      on: 'api',
      methods: {
        POST: async ({ req, params: [id] }) => {
          const key = controlKey(req);
          const body = await readBody(req);
          if (body.flow_status !== 'pass' && body.flow_status !== 'fail')
            throw new SandboxError({
              status: 422,
              errorCode: 'INVALID_PAYLOAD',
              errorMsg: 'flow_status must be pass or fail',
            });
          return json(200, engine.reviewFlow(key, id as string, body.flow_status));
        },
      },
    },
    {
      pattern: /^\/_sandbox\/sessions\/([^/]+)\/outcome$/,
      on: 'api',
      methods: {
        POST: async ({ req, params: [id] }) => {
          const body = await readBody(req);
          if (!isVerdict(body.outcome))
            throw new SandboxError({
              status: 422,
              errorCode: 'INVALID_PAYLOAD',
              errorMsg: `outcome must be one of ${Object.keys(VERDICTS).join(', ')}`,
            });
          const codes = parseErrorCodes(body.error_codes);
          return json(200, engine.decideLivenessSession(controlKey(req), id as string, body.outcome, codes));
        },
      },
    },
    {
      pattern: /^\/_sandbox\/faults$/,
      on: 'api',
      methods: {
        GET: () => json(200, ctx.getFaults()),
        PUT: async ({ req }) => {
          const body = (await readJsonBody(req)) ?? {};
          const [problem] = checkFaults(body);
          if (problem)
            throw new SandboxError({ status: 422, errorCode: 'INVALID_PAYLOAD', errorMsg: problem });
          ctx.setFaults(body as SandboxFaults);
          return json(200, ctx.getFaults());
        },
      },
    },
    {
      pattern: /^\/_sandbox\/auto-complete$/,
      on: 'api',
      methods: {
        PUT: async ({ req }) => {
          const body = await readBody(req);
          if (typeof body.enabled !== 'boolean')
            throw new SandboxError({
              status: 422,
              errorCode: 'INVALID_PAYLOAD',
              errorMsg: 'enabled must be a boolean',
            });
          engine.autoComplete = body.enabled;
          return json(200, { enabled: engine.autoComplete });
        },
      },
    },
    {
      pattern: /^\/_sandbox\/clock$/,
      on: 'api',
      methods: {
        GET: clock,
        POST: async ({ req }) => {
          const body = await readBody(req);
          // Both fields are checked before either takes effect: a refused body changes nothing.
          const problems: string[] = [];
          if (body.advance_ms === undefined && body.rate === undefined)
            problems.push(
              `send advance_ms (a non-negative number), rate (above 0, at most ${MAX_CLOCK_RATE}), or both`,
            );
          if (
            body.advance_ms !== undefined &&
            (typeof body.advance_ms !== 'number' ||
              !(body.advance_ms >= 0) ||
              !Number.isFinite(body.advance_ms))
          )
            problems.push('advance_ms must be a non-negative number');
          if (body.rate !== undefined) problems.push(...checkClockRate(body.rate));
          if (problems.length)
            throw new SandboxError({
              status: 422,
              errorCode: 'INVALID_PAYLOAD',
              errorMsg: problems.join('; '),
            });
          if (typeof body.rate === 'number') ctx.setClockRate(body.rate);
          if (typeof body.advance_ms === 'number') ctx.advanceClock(body.advance_ms);
          engine.tick();
          return clock();
        },
      },
    },
    {
      pattern: /^\/_sandbox\/reset$/,
      on: 'api',
      methods: {
        POST: () => {
          engine.reset();
          ctx.rateLimiter.reset();
          return json(200, { ok: true });
        },
      },
    },
    {
      pattern: /^\/$/,
      on: 'api',
      methods: {
        GET: () =>
          json(200, {
            name: 'verigram-sandbox',
            api_version: API_VERSION,
            keys: ['sandbox-test-key', 'sandbox-other-key'],
            docs: 'packages/sandbox/README.md',
          }),
      },
    },
  ];
}
