// Verdict webhooks over real HTTP: a receiver on a random port records what arrives, and the
// standardwebhooks library's own verifier (not ours) is the judge of the signature.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerigramClient } from '@verigram-kit/core';
import { startSandbox } from '@verigram-kit/sandbox/server';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlowVerdicts } from '../../verdicts/createFlowVerdicts.ts';
import {
  createWebhookSender,
  type FlowVerdict,
  generateWebhookSecret,
  VerigramWebhookError,
  verifyVerigramWebhook,
  WebhookDeliveryError,
} from '../index.ts';

interface Arrival {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

const secret = generateWebhookSecret();
const arrivals: Arrival[] = [];
/** What the receiver answers next: a status per request, 204 once the list is empty. */
const answers: number[] = [];
let receiver: Server;
let url: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      arrivals.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.statusCode = answers.shift() ?? 204;
      res.end(res.statusCode >= 400 ? 'receiver is down for maintenance' : undefined);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/verigram`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
beforeEach(() => {
  arrivals.length = 0;
  answers.length = 0;
});

const verdict: FlowVerdict = {
  deliveryId: 'dlv_01J0000000000000000000001',
  flowId: '01J00000000000000000000001-F',
  personId: 'alice-0001',
  template: 'kyc',
  state: 'settled',
  flow: null,
  result: null,
  settledAt: '2026-12-06T12:00:00.000Z',
};

describe('createWebhookSender', () => {
  it('posts the verdict as JSON, signed so that the standardwebhooks verifier accepts it', async () => {
    await createWebhookSender({ url, secret })(verdict);

    expect(arrivals).toHaveLength(1);
    const [arrival] = arrivals as [Arrival];
    expect(arrival.headers['content-type']).toBe('application/json');
    expect(arrival.headers['webhook-id']).toBe(verdict.deliveryId);
    expect(Number(arrival.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    expect(arrival.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const payload = new Webhook(secret).verify(arrival.body, arrival.headers as Record<string, string>);
    expect(payload).toEqual({ type: 'flow.settled', timestamp: verdict.settledAt, data: verdict });
  });

  it('names an expired flow flow.expired', async () => {
    await createWebhookSender({ url, secret })({ ...verdict, state: 'expired' });
    const payload = JSON.parse(arrivals[0]?.body.toString() ?? '');
    expect(payload.type).toBe('flow.expired');
  });

  it('throws when the receiver answers 500, and sends the same webhook-id on the retry', async () => {
    const send = createWebhookSender({ url, secret });
    answers.push(500);

    const failure = await send(verdict).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebhookDeliveryError);
    expect(failure).toMatchObject({ status: 500 });
    expect(String((failure as Error).message)).toContain('receiver is down for maintenance');

    await send(verdict);
    expect(arrivals.map((a) => a.headers['webhook-id'])).toEqual([verdict.deliveryId, verdict.deliveryId]);
  });

  it('throws when the receiver redirects, rather than sending the signed body elsewhere', async () => {
    answers.push(307);
    await expect(createWebhookSender({ url, secret })(verdict)).rejects.toMatchObject({ status: 307 });
    expect(arrivals).toHaveLength(1);
  });

  it('throws with status 0 when nothing listens at the url', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const send = createWebhookSender({ url: `http://127.0.0.1:${port}/`, secret });
    await expect(send(verdict)).rejects.toMatchObject({ name: 'WebhookDeliveryError', status: 0 });
  });

  it('throws when the receiver takes longer than timeoutMs', async () => {
    const slow = createServer((_req, res) => setTimeout(() => res.end(), 2000));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      const send = createWebhookSender({ url: `http://127.0.0.1:${port}/`, secret, timeoutMs: 100 });
      await expect(send(verdict)).rejects.toMatchObject({ name: 'WebhookDeliveryError', status: 0 });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('refuses at creation a secret too short to be safe, and a url that is not http(s)', () => {
    expect(() => createWebhookSender({ url, secret: 'whsec_c2hvcnQ=' })).toThrow(/24 to 64 random bytes/);
    expect(() => createWebhookSender({ url, secret: 'not base64 at all!' })).toThrow(/whsec_/);
    expect(() => createWebhookSender({ url: 'ftp://example.com/', secret })).toThrow(/http\(s\)/);
  });
});

describe('verifyVerigramWebhook', () => {
  async function deliver(): Promise<Arrival> {
    await createWebhookSender({ url, secret })(verdict);
    return arrivals.at(-1) as Arrival;
  }

  it('returns the typed verdict of a delivery, from Node headers or Web Headers', async () => {
    const arrival = await deliver();
    expect(verifyVerigramWebhook(arrival.body, arrival.headers, secret)).toEqual(verdict);
    const webHeaders = new Headers(arrival.headers as Record<string, string>);
    expect(verifyVerigramWebhook(arrival.body.toString(), webHeaders, secret).flowId).toBe(verdict.flowId);
  });

  it('refuses a tampered body', async () => {
    const arrival = await deliver();
    const tampered = arrival.body.toString().replace('"settled"', '"expired"');
    expect(() => verifyVerigramWebhook(tampered, arrival.headers, secret)).toThrow(
      expect.objectContaining({ code: 'BAD_SIGNATURE' }),
    );
  });

  it('refuses a body signed with another secret', async () => {
    const arrival = await deliver();
    expect(() => verifyVerigramWebhook(arrival.body, arrival.headers, generateWebhookSecret())).toThrow(
      VerigramWebhookError,
    );
  });

  it('refuses a delivery whose timestamp is older than five minutes, even with a valid signature', () => {
    const body = JSON.stringify({ type: 'flow.settled', timestamp: verdict.settledAt, data: verdict });
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const headers = {
      'webhook-id': verdict.deliveryId,
      'webhook-timestamp': String(Math.floor(sixMinutesAgo.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(verdict.deliveryId, sixMinutesAgo, body),
    };
    expect(() => verifyVerigramWebhook(body, headers, secret)).toThrow(
      expect.objectContaining({ code: 'BAD_TIMESTAMP' }),
    );
  });

  it('refuses a request without the webhook headers, naming them', () => {
    expect(() => verifyVerigramWebhook('{}', new Headers(), secret)).toThrow(
      /webhook-id, webhook-timestamp, webhook-signature missing/,
    );
  });

  it('refuses a signed body that is not a verdict, or whose deliveryId is not its webhook-id', () => {
    const now = new Date();
    const sign = (id: string, body: string) => ({
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, now, body),
    });
    const other = JSON.stringify({ type: 'invoice.paid', timestamp: '', data: {} });
    expect(() => verifyVerigramWebhook(other, sign('msg_1', other), secret)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_PAYLOAD' }),
    );
    const swapped = JSON.stringify({ type: 'flow.settled', timestamp: '', data: verdict });
    expect(() => verifyVerigramWebhook(swapped, sign('msg_other', swapped), secret)).toThrow(
      expect.objectContaining({ code: 'MALFORMED_PAYLOAD' }),
    );
  });
});

describe("createWebhookSender as the verdicts' onFlowSettled", () => {
  it('given a receiver down twice, then the delivery retries and the third attempt, same webhook-id, is accepted', async () => {
    const sandbox = await startSandbox({ port: 0, env: {} });
    const verdicts = createFlowVerdicts({
      apiKey: 'sandbox-test-key',
      baseUrl: sandbox.url,
      onFlowSettled: createWebhookSender({ url, secret }),
      intervals: { notStartedMs: 40, inProgressMs: 40 },
      delivery: { baseDelayMs: 20, maxDelayMs: 100 },
      upstreamBudget: { requestsPerSecond: 50 },
      logger: false,
    });
    try {
      // `+auto`: the sandbox runs the flow to a pass at creation, no page needed.
      const upstream = createVerigramClient({ apiKey: 'sandbox-test-key', baseUrl: sandbox.url });
      const created = await upstream.createFlow({ person_id: 'alice-0001+auto' });
      const flowId = created.flow_id as string;
      answers.push(500, 503);
      await verdicts.track({ flowId, personId: 'alice-0001+auto', vlink: created.vlink as string });

      await vi.waitFor(() => expect(arrivals).toHaveLength(3), { timeout: 10_000, interval: 20 });
      const ids = new Set(arrivals.map((a) => a.headers['webhook-id']));
      expect(ids.size).toBe(1);
      const accepted = verifyVerigramWebhook(arrivals[2]?.body as Buffer, arrivals[2]?.headers ?? {}, secret);
      expect(accepted).toMatchObject({ flowId, personId: 'alice-0001+auto', state: 'settled' });
      expect(accepted.flow?.flow_status).toBe('pass');
      await vi.waitFor(async () => expect((await verdicts.get(flowId))?.state).toBe('delivered'));
    } finally {
      await verdicts.close();
      await sandbox.close();
    }
  });
});
