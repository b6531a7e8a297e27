import { createVerigramProxy } from '@verigram-kit/proxy';
import { createNodeTransport, toExpressHandler } from '@verigram-kit/proxy/node';
import { createFlowVerdicts, type FlowVerdict } from '@verigram-kit/proxy/verdicts';
import express from 'express';

// Your database: applying a verdict twice must do nothing the second time.
declare function saveVerdictOnce(deliveryId: string, verdict: FlowVerdict): Promise<void>;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name}`);
  return value;
}

const verdicts = createFlowVerdicts({
  apiKey: required('VERIGRAM_API_KEY'),
  baseUrl: process.env.VERIGRAM_API_URL,
  fetch: createNodeTransport(),
  // Several instances: every one watches and delivers, each verdict once. Leave it out in development.
  redis: { host: process.env.REDIS_HOST ?? '127.0.0.1', port: 6379, maxRetriesPerRequest: null },
  onFlowSettled: async (verdict) => {
    // verdict.state: 'settled' (read verdict.flow.flow_status) or 'expired' (abandoned)
    await saveVerdictOnce(verdict.deliveryId, verdict); // throw to have it retried
  },
});

const app = express();
app.use(
  '/api/verigram',
  toExpressHandler(
    createVerigramProxy({
      apiKey: required('VERIGRAM_API_KEY'),
      baseUrl: process.env.VERIGRAM_API_URL,
      secret: required('VERIGRAM_PROXY_SECRET'),
      authorize: async (request) => {
        const userId = request.headers.get('x-user-id'); // your session instead
        return userId ? { personId: `user-${userId}` } : null;
      },
      fetch: createNodeTransport(),
      verdicts, // records each flow, nudges on ended reads, serves GET /flows/current
    }),
  ),
);
const server = app.listen(3000);
process.on('SIGTERM', () => server.close(() => void verdicts.close()));
