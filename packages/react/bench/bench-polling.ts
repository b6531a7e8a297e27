// pnpm bench:polling — a 2-minute flow watched by 3 widgets, with the tab hidden for a while and
// one 429, run through react-query's real QueryObserver and the kit's flowQueryOptions on a
// simulated clock. Prints the requests made beside the minimum a one-request-per-interval
// poller needs, the bare information minimum, and what 3 naive pollers would cost.
import {
  environmentManager,
  focusManager,
  notifyManager,
  QueryClient,
  QueryObserver,
  timeoutManager,
} from '@tanstack/react-query';
import {
  DEFAULT_POLLING_OPTIONS,
  type Flow,
  type FlowClient,
  type FlowProjection,
  isTerminalFlow,
  VerigramApiError,
} from '@verigram-kit/core';
import { flowQueryOptions } from '../src/queries/flowQueryOptions.ts';
import { flowResultQueryOptions } from '../src/queries/flowResultQueryOptions.ts';

// ---- the scenario (ms) -------------------------------------------------------------------------
const WIDGETS = 3;
const LATENCY = 120; // every request takes this long
const STARTED_AT = 10_000; // the user opens the flow
const STEP_2_AT = 60_000; // second step begins
const ENDED_AT = 120_000; // the flow passes
const HIDDEN = [40_000, 70_000] as const; // the tab is hidden in between
const RATE_LIMITED_AT = 90_000; // the first read at or after this gets 429 Retry-After: 5
const RETRY_AFTER_S = 5;
const RUN_UNTIL = 180_000; // keep watching a minute after the end: there must be no more requests

// ---- a simulated clock that drives react-query's timers and Date.now ------------------------------
let now = 0;
let nextId = 1;
const timers = new Map<number, { at: number; callback: () => void; every?: number }>();
const realDateNow = Date.now;
Date.now = () => now;
const provider = {
  setTimeout: (callback: () => void, delay = 0) => {
    const id = nextId++;
    timers.set(id, { at: now + Math.max(0, delay), callback });
    return id;
  },
  clearTimeout: (id: number | undefined) => void (id !== undefined && timers.delete(id)),
  setInterval: (callback: () => void, delay = 0) => {
    const id = nextId++;
    timers.set(id, { at: now + Math.max(1, delay), callback, every: Math.max(1, delay) });
    return id;
  },
  clearInterval: (id: number | undefined) => void (id !== undefined && timers.delete(id)),
};
timeoutManager.setTimeoutProvider(provider);
// Node has no window, so react-query would take it for a server and schedule no refetch timers.
environmentManager.setIsServer(() => false);
notifyManager.setScheduler(queueMicrotask);
const flushMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));
const events: { at: number; run: () => void }[] = [];

async function runUntil(end: number) {
  for (;;) {
    await flushMicrotasks();
    let nextTimer: [number, { at: number; callback: () => void; every?: number }] | undefined;
    for (const entry of timers) if (!nextTimer || entry[1].at < nextTimer[1].at) nextTimer = entry;
    const nextEvent = events[0];
    const nextAt = Math.min(
      nextTimer?.[1].at ?? Number.POSITIVE_INFINITY,
      nextEvent?.at ?? Number.POSITIVE_INFINITY,
    );
    if (nextAt > end) break;
    now = nextAt;
    if (nextEvent && nextEvent.at === nextAt) {
      events.shift();
      nextEvent.run();
      continue;
    }
    if (!nextTimer) break;
    const [id, timer] = nextTimer;
    if (timer.every) timer.at = now + timer.every;
    else timers.delete(id);
    timer.callback();
  }
  now = end;
}

// ---- the simulated backend ---------------------------------------------------------------------
const flowId = 'bench-flow';
function flowAt(t: number): Flow {
  const flow: Flow = {
    flow_id: flowId,
    consumer_id: 'bench',
    vlink: 'https://sandbox.invalid/flow/bench',
    person_id: '990101300123',
    template: { pipeline: [{ service_name: 'verilive' }, { service_name: 'veridoc' }] } as Flow['template'],
    flow_status: 'unknown',
  };
  if (t >= STARTED_AT) Object.assign(flow, { started_at: 'x', current_step_id: t >= STEP_2_AT ? '1' : '0' });
  if (t >= ENDED_AT) Object.assign(flow, { flow_status: 'pass', end_cause: 'completed', ended_at: 'y' });
  return flow;
}
const requests = {
  getFlow: [] as number[],
  getFlowResult: [] as number[],
  whileHidden: 0,
  beforeRetryAfter: 0,
};
let rateLimitedUntil: number | undefined;
const reply = <T>(answer: () => T) =>
  new Promise<T>((resolve, reject) =>
    provider.setTimeout(() => {
      try {
        resolve(answer());
      } catch (error) {
        reject(error);
      }
    }, LATENCY),
  );
function countRequest(list: number[]) {
  list.push(now);
  if (now > HIDDEN[0] && now < HIDDEN[1]) requests.whileHidden += 1;
  if (rateLimitedUntil !== undefined && now < rateLimitedUntil) requests.beforeRetryAfter += 1;
}
const client = {
  getFlow: async () => {
    countRequest(requests.getFlow);
    if (now >= RATE_LIMITED_AT && rateLimitedUntil === undefined) {
      rateLimitedUntil = now + LATENCY + RETRY_AFTER_S * 1000;
      return reply<Flow>(() => {
        throw new VerigramApiError({
          status: 429,
          errorCode: 'RATE_LIMITED',
          errorMsg: 'bench',
          retryAfter: RETRY_AFTER_S,
        });
      });
    }
    const served = now;
    return reply(() => flowAt(served));
  },
  getFlowResult: async () => {
    countRequest(requests.getFlowResult);
    const flow = flowAt(now);
    return reply<FlowProjection>(() => ({
      flow_id: flowId,
      flow_status: flow.flow_status,
      end_cause: flow.end_cause,
    }));
  },
} as unknown as FlowClient;

// ---- three widgets: each is what useFlowStatus sets up (a flow observer and a result observer) ---
const queryClient = new QueryClient();
queryClient.mount();
const flowOptions = flowQueryOptions(client, flowId);
for (let i = 0; i < WIDGETS; i++) {
  const flowObserver = new QueryObserver(queryClient, flowOptions);
  const resultObserver = new QueryObserver(queryClient, {
    ...flowResultQueryOptions(client, flowId),
    enabled: false,
  });
  flowObserver.subscribe((result) => {
    // useFlowResult: enabled once the flow is terminal.
    const terminal = result.data !== undefined && isTerminalFlow(result.data);
    resultObserver.setOptions({ ...flowResultQueryOptions(client, flowId), enabled: terminal });
  });
  resultObserver.subscribe(() => {});
}
events.push({ at: HIDDEN[0], run: () => focusManager.setFocused(false) });
events.push({ at: HIDDEN[1], run: () => focusManager.setFocused(true) });
await runUntil(RUN_UNTIL);

// ---- the figures -------------------------------------------------------------------------------
// The theoretical minimum: a single ideal poller with the same pace, latency, hidden pause and
// Retry-After, reading exactly once per interval and stopping at the first terminal answer.
const { intervalMs, notStartedIntervalMs } = DEFAULT_POLLING_OPTIONS;
function intervalMinimum(): number {
  let count = 0;
  let t = 0;
  let rateLimitSeen = false;
  for (;;) {
    if (t > HIDDEN[0] && t < HIDDEN[1]) t = HIDDEN[1]; // nothing while hidden, one read on return
    count += 1;
    if (!rateLimitSeen && t >= RATE_LIMITED_AT) {
      rateLimitSeen = true;
      t += LATENCY + RETRY_AFTER_S * 1000;
      continue;
    }
    const seen = flowAt(t);
    if (isTerminalFlow(seen)) break;
    t += LATENCY + (seen.started_at === undefined ? notStartedIntervalMs : intervalMs);
  }
  return count + 1; // + the result, read once
}
const stateChanges = 4; // not started, step 1, step 2, passed — each must be read at least once
const naive = WIDGETS * (Math.floor(RUN_UNTIL / intervalMs) + 1) + WIDGETS;
const made = requests.getFlow.length + requests.getFlowResult.length;
const lastFlowRead = requests.getFlow.at(-1) ?? 0;
Date.now = realDateNow;

console.log(
  `Scenario: ${WIDGETS} widgets, flow starts at ${STARTED_AT / 1000}s, ends at ${ENDED_AT / 1000}s,`,
);
console.log(
  `  tab hidden ${HIDDEN[0] / 1000}–${HIDDEN[1] / 1000}s, one 429 (Retry-After: ${RETRY_AFTER_S}) at ${RATE_LIMITED_AT / 1000}s,`,
);
console.log(
  `  ${LATENCY} ms per request, watched until ${RUN_UNTIL / 1000}s; pace ${notStartedIntervalMs / 1000}s before start, ${intervalMs / 1000}s after.`,
);
console.log('');
console.log(
  `requests made:                 ${made}  (GET /flow ×${requests.getFlow.length}, GET /flow/{id}/result ×${requests.getFlowResult.length})`,
);
console.log(
  `theoretical minimum (1 ideal poller at this pace, + result): ${intervalMinimum()}  → overhead of ${WIDGETS} widgets: ${made - intervalMinimum()}`,
);
console.log(`information minimum (1 read per state change + result): ${stateChanges + 1}`);
console.log(
  `naive (each widget polls every ${intervalMs / 1000}s for the whole run, + result each): ${naive}`,
);
console.log(
  `requests while hidden: ${requests.whileHidden}; before Retry-After elapsed: ${requests.beforeRetryAfter}; last flow read at ${(lastFlowRead / 1000).toFixed(2)}s`,
);
console.log(`flow reads at (s): ${requests.getFlow.map((t) => (t / 1000).toFixed(2)).join(' ')}`);
queryClient.unmount();
queryClient.clear();
process.exit(0);
