// The server side the kit's fixture apps talk to: the real sandbox (Verigram's emulator) and the
// real proxy in front of it, on ephemeral ports, as an app's own server would mount the proxy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { toNodeHandler } from '@verigram-kit/proxy/node';
import { startSandbox } from '@verigram-kit/sandbox/server';

export interface FlowApi {
  /** Answers `/api/verigram/…` on the app's origin. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export async function startFlowApi(): Promise<FlowApi> {
  const sandbox = await startSandbox({ env: {} });
  const proxy = createVerigramProxy({
    apiKey: 'sandbox-test-key',
    baseUrl: sandbox.url,
    authorize: () => ({ personId: 'size-person' }),
    secret: 'size-measure-secret-size-measure-secret',
  });
  const handle = toNodeHandler(proxy);
  return { handle: (req, res) => void handle(req, res), close: () => sandbox.close() };
}
