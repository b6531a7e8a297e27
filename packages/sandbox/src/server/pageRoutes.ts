// The hosted page's origin: the page itself under /hf2/{flow_id}/, its state and actions (what the
// page's script calls), and the theme preview (sandbox-only, the builder's). No key: holding the
// vlink is the capability, as with Verigram.

import { randomBytes } from 'node:crypto';
import type { SandboxEngine } from '../engine/SandboxEngine.ts';
import { isSandboxError } from '../engine/SandboxError.ts';
import { hostedPageCsp, renderHostedPage } from '../page/renderHostedPage.ts';
import { readJsonBody } from './readJsonBody.ts';
import { json, type Reply, type Route } from './router.ts';

export interface PageRoutesContext {
  engine: SandboxEngine;
  /** The hosted page posts the sandbox's postMessage protocol (false: silent, like Verigram's). */
  pageMessages: boolean;
}

const html = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  body,
});

const NOT_FOUND_PAGE = `<!doctype html><meta charset="utf-8"><title>Not found</title><p>This verification link does not exist.</p>`;

export function pageRoutes({ engine, pageMessages }: PageRoutesContext): Route[] {
  const flowPage = (flowId: string): Reply => {
    const nonce = randomBytes(16).toString('base64');
    let status = 200;
    let body: string;
    try {
      body = renderHostedPage({
        mode: 'server',
        apiBase: `/hf2/${encodeURIComponent(flowId)}/`,
        flowId,
        state: engine.pageState(flowId),
        nonce,
        postMessages: pageMessages,
      });
    } catch (err) {
      if (!isSandboxError(err) || err.status !== 404) throw err;
      status = 404;
      body = NOT_FOUND_PAGE;
    }
    return html(status, body, {
      'Content-Security-Policy': hostedPageCsp(nonce, { withFrameAncestors: true }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  };

  return [
    {
      pattern: /^\/hf2\/preview\/$/,
      on: 'page',
      methods: {
        GET: ({ url }) => {
          const nonce = randomBytes(16).toString('base64');
          const locale = url.searchParams.get('locale');
          const theme = url.searchParams.get('theme');
          const body = renderHostedPage({
            mode: 'preview',
            flowId: 'preview',
            nonce,
            preview: {
              locale: locale === 'kk' || locale === 'ru' ? locale : 'en',
              ui: theme === 'bts' ? { theme: 'bts' } : {},
              stepIndex: Number(url.searchParams.get('step') ?? 0) || 0,
            },
          });
          return html(200, body, {
            'Content-Security-Policy': hostedPageCsp(nonce, { withFrameAncestors: true }),
          });
        },
      },
    },
    {
      pattern: /^\/hf2\/([^/]+)$/,
      on: 'page',
      methods: {
        GET: ({ url }) => ({ status: 301, headers: { Location: `${url.pathname}/${url.search}` } }),
      },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/$/,
      on: 'page',
      methods: { GET: ({ params: [id] }) => flowPage(id as string) },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/state$/,
      on: 'page',
      methods: { GET: ({ params: [id] }) => json(200, engine.pageState(id as string)) },
    },
    {
      pattern: /^\/hf2\/([^/]+)\/actions$/,
      on: 'page',
      methods: {
        POST: async ({ req, params: [id] }) =>
          json(
            200,
            engine.pageAction(id as string, await readJsonBody(req), {
              userAgent: req.headers['user-agent'] ?? '',
            }),
          ),
      },
    },
  ];
}
