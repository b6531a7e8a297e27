// The real proxy, served over HTTP on a random port, in front of the real sandbox: what a
// deployment runs behind `createProxyClient`. Test-only: the react package never imports the proxy
// or the sandbox in its own code.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerigramProxy, type VerigramProxyOptions } from '@verigram-kit/proxy';
import { toNodeHandler } from '@verigram-kit/proxy/node';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';

export interface ProxyOverSandbox {
  sandbox: RunningSandbox;
  /** The proxy's origin; it is mounted at `/api/verigram`. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Starts both; every flow is created for `person-0001+auto`, which the sandbox runs to a pass at
 * creation (consent, then liveness), so it has a result and files to read.
 */
export async function startProxyOverSandbox(
  options: Pick<VerigramProxyOptions, 'secret'> & Partial<VerigramProxyOptions>,
): Promise<ProxyOverSandbox> {
  const sandbox = await startSandbox({ port: 0, env: {} });
  const proxy = createVerigramProxy({
    apiKey: 'sandbox-test-key',
    baseUrl: sandbox.url,
    authorize: () => ({ personId: 'person-0001+auto' }),
    logger: false,
    ...options,
  });
  const app = createServer(toNodeHandler(proxy));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  return {
    sandbox,
    origin: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
    async close() {
      app.closeAllConnections();
      await new Promise((resolve) => app.close(resolve));
      await sandbox.close();
    },
  };
}
