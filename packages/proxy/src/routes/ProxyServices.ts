import type { VerigramClient } from '@verigram-kit/core';
import type { FlowTokenSigner } from '../auth/createFlowTokenSigner.ts';
import type { ProxyLogger } from '../createRedactingLogger.ts';
import type { IdempotencyGuard } from '../limits/createIdempotencyGuard.ts';
import type { ResolvedProxyOptions } from '../resolveProxyOptions.ts';

/** What createVerigramProxy builds once from its options and hands to every route handler. */
export interface ProxyServices {
  readonly settings: ResolvedProxyOptions;
  /** Verigram's API, holding the key. */
  readonly client: VerigramClient;
  readonly tokens: FlowTokenSigner;
  readonly idempotency: IdempotencyGuard;
  /** Redacted: no line can carry the API key or the secret. */
  readonly log: ProxyLogger;
}
