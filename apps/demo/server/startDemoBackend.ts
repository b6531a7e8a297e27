import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { toErrorBody } from '@verigram-kit/core';
import { SANDBOX_PORT } from '@verigram-kit/core/internal';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { createNodeTransport, toNodeHandler } from '@verigram-kit/proxy/node';
import { createFlowVerdicts, type FlowVerdicts } from '@verigram-kit/proxy/verdicts';
import { DEMO_FLOW_UI_POLICY } from '../src/demoFlowUiPolicy.ts';
import { createBackOffice } from './createBackOffice.ts';
import { createDemoSecurityHeaders } from './demoSecurityHeaders.ts';
import { createDemoSession, personIdOf } from './demoSession.ts';
import { DEMO_TEMPLATES } from './demoTemplates.ts';

/** The sandbox's own test key (packages/sandbox/README.md); never a real one. */
export const SANDBOX_TEST_KEY = 'sandbox-test-key';
const MOUNT_PATH = '/api/verigram';
const CALLBACK_PATH = '/verigram/callback';
/** The back office's JSON (demo only): the visitor's watched flows and received verdicts. */
const BACK_OFFICE_PATH = '/demo/back-office';

export interface DemoServerOptions {
  /** Port of the in-process sandbox's API. @default SANDBOX_PORT or 4010 */
  sandboxPort?: number | undefined;
  /**
   * Port of the sandbox's hosted page, a second origin as with Verigram (services.* vs web.*).
   * @default SANDBOX_PAGE_PORT, else the API port + 1 (a free port when the API's is 0)
   */
  sandboxPagePort?: number | undefined;
  /**
   * The kit's callback page as served at /verigram/callback (the built server carries it in its
   * bundle). @default the react package's callback.html, read from disk
   */
  callbackPage?: string | undefined;
  /** Where the env comes from. @default process.env */
  env?: Record<string, string | undefined> | undefined;
}

const sandboxPortOf = (options: DemoServerOptions, env: Record<string, string | undefined>) =>
  options.sandboxPort ?? Number(env.SANDBOX_PORT ?? SANDBOX_PORT);

const sandboxPagePortOf = (options: DemoServerOptions, env: Record<string, string | undefined>) => {
  const port = sandboxPortOf(options, env);
  return (
    options.sandboxPagePort ??
    (env.SANDBOX_PAGE_PORT ? Number(env.SANDBOX_PAGE_PORT) : port === 0 ? 0 : port + 1)
  );
};

const listensEverywhere = (host: string) => host === '0.0.0.0' || host === '::';

/**
 * Where browsers reach the sandbox's hosted page when it is not where it listens (a container, a
 * tunnel): SANDBOX_PUBLIC_URL. A sandbox listening on every interface has no address a browser
 * can use, so there it is required.
 */
function sandboxPublicUrlOf(host: string, env: Record<string, string | undefined>) {
  const fromEnv = env.SANDBOX_PUBLIC_URL?.replace(/\/+$/, '');
  if (!fromEnv && listensEverywhere(host)) {
    throw new Error(
      `SANDBOX_HOST=${host} is no address a browser can open: set SANDBOX_PUBLIC_URL to where browsers reach the hosted page (e.g. http://127.0.0.1:4011).`,
    );
  }
  return fromEnv || undefined;
}

async function loadCallbackPage(): Promise<string> {
  // The kit's static callback page, an export of the react package.
  return readFile(createRequire(import.meta.url).resolve('@verigram-kit/react/callback.html'), 'utf8');
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** What `startDemoBackend` gives the server in front of it. */
export type DemoBackend = Awaited<ReturnType<typeof startDemoBackend>>;

/**
 * Everything the demo's server adds to the pages (Vite's dev server, or the built demo's one
 * node:http server): the sandbox (unless VERIGRAM_API_URL is set), the
 * proxy at /api/verigram holding the key, the anonymous session cookie and the callback page.
 */
export async function startDemoBackend(options: DemoServerOptions, log: (line: string) => void) {
  const env = options.env ?? process.env;
  const realUrl = (env.VERIGRAM_API_URL || undefined)?.replace(/\/+$/, '');
  let closeSandbox: (() => Promise<void>) | undefined;
  let sandboxUrl: string | undefined;
  let baseUrl: string;
  let pageUrl: string | null = null;
  let pageMessages: string | undefined;
  if (realUrl) {
    if (!env.VERIGRAM_API_KEY) throw new Error('VERIGRAM_API_URL is set but VERIGRAM_API_KEY is not.');
    baseUrl = realUrl;
  } else {
    // Imported only when needed: against real Verigram the emulator is never loaded.
    const { startSandbox } = await import('@verigram-kit/sandbox/server');
    const port = sandboxPortOf(options, env);
    const pagePort = sandboxPagePortOf(options, env);
    const host = env.SANDBOX_HOST || '127.0.0.1';
    const publicUrl = sandboxPublicUrlOf(host, env);
    // env: SANDBOX_* faults and VERIGRAM_SANDBOX_PAGE_MESSAGES (off: the page is silent, as Verigram's is).
    const sandbox = await startSandbox({ port, pagePort, host, publicUrl, env }).catch(
      (error: NodeJS.ErrnoException) => {
        throw error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} or ${pagePort} is taken: stop the other sandbox, or set SANDBOX_PORT and SANDBOX_PAGE_PORT.`,
            )
          : error;
      },
    );
    // The proxy reaches the API over loopback: "0.0.0.0" names every interface, not an address.
    baseUrl = listensEverywhere(host) ? `http://127.0.0.1:${sandbox.port}` : sandbox.url;
    sandboxUrl = baseUrl;
    pageUrl = publicUrl ?? sandbox.pageUrl;
    pageMessages = sandbox.pageMessages;
    closeSandbox = () => sandbox.close();
  }
  const apiKey = env.VERIGRAM_API_KEY || SANDBOX_TEST_KEY;
  // Both secrets may come from the environment so sessions and flow tokens survive a restart.
  const session = createDemoSession(env.DEMO_SESSION_SECRET ?? randomBytes(32).toString('hex'));
  const transport = createNodeTransport();
  // Server-side verdicts, in-process (one demo process, no Redis): every flow the proxy creates is
  // watched until it ends, and its verdict reaches the back office whether or not a tab is open.
  const backOffice = createBackOffice();
  const verdicts = createFlowVerdicts({
    apiKey,
    baseUrl,
    fetch: transport,
    onFlowSettled: (verdict) => backOffice.onFlowSettled(verdict),
    // A verdict within about two seconds of the end, for a live demo. The sandbox's test key
    // allows 10 requests a second, shared with the browsers' own polls through the proxy.
    intervals: { inProgressMs: 1500, notStartedMs: 5000 },
    upstreamBudget: { requestsPerSecond: 4 },
  });
  const proxy = createVerigramProxy({
    apiKey,
    baseUrl,
    mountPath: MOUNT_PATH,
    secret: env.VERIGRAM_PROXY_SECRET ?? randomBytes(32).toString('hex'),
    authorize: (request) => {
      const id = session.read(request.headers.get('cookie'));
      return id ? { personId: personIdOf(id) } : null;
    },
    templates: DEMO_TEMPLATES,
    defaultTemplate: 'selfie-only',
    // The builder's FlowConfigUi goes along with each new flow; the proxy validates it (sizes,
    // asset hosts, CSS rules) under the policy the demo's builder checks too, and refuses a bad
    // one with 422, so the page never gets it.
    allowClientUi: true,
    ...DEMO_FLOW_UI_POLICY,
    fetch: transport,
    verdicts,
  });
  const proxyHandler = toNodeHandler(proxy);
  const callbackPage = options.callbackPage ?? (await loadCallbackPage());
  // Where the vlinks point: Verigram's hosted page lives on another origin than its API.
  const hostedOrigin =
    env.VERIGRAM_HOSTED_ORIGIN || (pageUrl ? new URL(pageUrl).origin : 'https://web.verigram.kz');
  const securityHeaders = createDemoSecurityHeaders({
    hostedOrigin,
    mountPath: MOUNT_PATH,
    callbackPath: CALLBACK_PATH,
    callbackPage,
  });

  const middleware: Middleware = (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!session.read(req.headers.cookie)) {
      const created = session.create({ secure: false });
      res.appendHeader('Set-Cookie', created.setCookie);
    }
    if (path.startsWith(`${MOUNT_PATH}/`)) {
      void proxyHandler(req, res, next);
      return;
    }
    const isCallbackPage = path === CALLBACK_PATH || path === `${CALLBACK_PATH}/`;
    securityHeaders(req, res, isCallbackPage);
    if (path === `${BACK_OFFICE_PATH}/finish` && sandboxUrl) {
      // Sandbox only: the visitor's newest watched flow is decided "pass" step by step through the
      // sandbox's control route, as if the selfie went through after the tab closed. A JSON POST,
      // like the proxy's own (a form on another site cannot send one).
      const id = session.read(req.headers.cookie);
      if (req.method !== 'POST' || !/^application\/json\b/.test(req.headers['content-type'] ?? '') || !id) {
        res.statusCode = 400;
        res.end();
        return;
      }
      finishInSandbox(sandboxUrl, apiKey, personIdOf(id), verdicts).then(
        (flowId) => {
          res.statusCode = flowId ? 200 : 404;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(JSON.stringify({ flow_id: flowId }));
        },
        (error: unknown) => {
          res.statusCode = 502;
          res.end(String(error));
        },
      );
      return;
    }
    if (path === BACK_OFFICE_PATH) {
      const id = session.read(req.headers.cookie);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      if (!id) {
        res.end(JSON.stringify({ watching: [], verdicts: [] }));
        return;
      }
      backOffice.viewFor(personIdOf(id), verdicts).then(
        (view) => res.end(JSON.stringify(view)),
        (error: unknown) => {
          res.statusCode = 503;
          res.end(
            JSON.stringify(toErrorBody({ errorCode: 'BACK_OFFICE_UNAVAILABLE', errorMsg: String(error) })),
          );
        },
      );
      return;
    }
    if (isCallbackPage) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // Stricter than the pages' policy: the callback URL carries the flow id.
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Cache-Control', 'no-store');
      res.end(callbackPage);
      return;
    }
    next();
  };

  const describe = (demoUrl: string) => {
    log('');
    log(`  Aurora Bank demo    ${demoUrl}`);
    if (realUrl) {
      log(`  Verigram API        ${baseUrl}  (key from VERIGRAM_API_KEY, kept on the server)`);
    } else {
      log(`  Verigram sandbox    ${baseUrl}  (test key: ${SANDBOX_TEST_KEY})`);
      log(`  Hosted page         ${pageUrl}/hf2/{flow_id}/  (page messages ${pageMessages})`);
      log(`  Builder preview     ${pageUrl}/hf2/preview/`);
    }
    log(`  Proxy               ${MOUNT_PATH} -> ${baseUrl}`);
    log(`  Callback page       ${CALLBACK_PATH}`);
    log(`  Back office         ${demoUrl}?view=back-office  (verdicts from onFlowSettled)`);
    log('');
  };
  return {
    middleware,
    describe,
    /** Where browsers reach the sandbox's hosted page (the builder's preview); null against real Verigram. */
    sandboxPageUrl: pageUrl,
    close: async () => {
      await verdicts.close();
      await closeSandbox?.();
    },
  };
}

/** Decides the person's newest watched flow "pass" in the sandbox, step after step, until it ends. */
async function finishInSandbox(
  sandboxUrl: string,
  apiKey: string,
  personId: string,
  ledger: Pick<FlowVerdicts, 'listByPerson'>,
): Promise<string | null> {
  const open = (await ledger.listByPerson(personId)).find((entry) => entry.state === 'open');
  if (!open) return null;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(
      `${sandboxUrl}/_sandbox/flows/${encodeURIComponent(open.flowId)}/steps/current`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-verigram-api-key': apiKey },
        body: JSON.stringify({ outcome: 'pass' }),
      },
    );
    if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
    if ((await response.json()).end_cause !== undefined) break;
  }
  return open.flowId;
}
