// The whole backend of a consumer app: the proxy holding the key, the callback page, SSR'd HTML.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createVerigramProxy } from '@verigram-kit/proxy';
import { createNodeTransport, toNodeHandler } from '@verigram-kit/proxy/node';
import { render } from './dist-ssr/entry-server.js';

// The proxy: three lines. A real app's authorize reads its own session from the request.
const { VERIGRAM_API_KEY: apiKey, VERIGRAM_API_URL: baseUrl, VERIGRAM_PROXY_SECRET: secret } = process.env;
const verigram = createVerigramProxy({ apiKey, baseUrl, secret, fetch: createNodeTransport() });
const proxy = toNodeHandler(verigram, { authorize: () => ({ personId: 'consumer-check-user' }) });
const page = (await readFile('dist/index.html', 'utf8')).replace('<!--app-->', render());
const callback = await readFile('node_modules/@verigram-kit/react/dist/callback.html');
const file = (p) => readFile(`dist${p}`).catch(() => null);
createServer(async (req, res) => {
  if (req.url.startsWith('/api/verigram/')) return proxy(req, res);
  if (req.url.startsWith('/verigram/callback'))
    return res.writeHead(200, { 'content-type': 'text/html' }).end(callback);
  const asset = req.url.startsWith('/assets/') && (await file(req.url));
  if (asset) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(asset);
  res.writeHead(200, { 'content-type': 'text/html' }).end(page);
}).listen(Number(process.env.PORT), '127.0.0.1');
