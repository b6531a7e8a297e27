import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticHandlerOptions {
  /** Rewrites index.html once, when the files are read (the demo adds the sandbox's URL). @default none */
  transformIndex?: ((html: string) => string) | undefined;
}

interface StaticFile {
  body: Buffer;
  type: string;
  cacheControl: string;
}

/**
 * Serves the files of a Vite build from memory, read once at start; `/` is index.html. A request
 * names a key of that map, never a path on disk, so nothing outside the build is reachable.
 * Vite's content-hashed `/assets/*` are cached for a year; pages never (each carries its own CSP
 * nonce).
 */
export async function createStaticHandler(dir: string, options: StaticHandlerOptions = {}) {
  const files = new Map<string, StaticFile>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    const extension = extname(entry.name);
    files.set(urlPath, {
      body: await readFile(path),
      type: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      cacheControl: urlPath.startsWith('/assets/')
        ? 'public, max-age=31536000, immutable'
        : extension === '.html'
          ? 'no-store'
          : 'no-cache',
    });
  }
  const index = files.get('/index.html');
  if (!index) throw new Error(`${dir} has no index.html: build the demo first (pnpm demo:build).`);
  if (options.transformIndex) {
    index.body = Buffer.from(options.transformIndex(index.body.toString('utf8')), 'utf8');
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo.invalid').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request path');
      return;
    }
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Length', file.body.length);
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}
