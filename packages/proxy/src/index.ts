export type { HonoLikeContext } from './adapters/toHonoHandler.ts';
export { toHonoHandler } from './adapters/toHonoHandler.ts';
export { toNextHandlers } from './adapters/toNextHandlers.ts';
export type { FlowTokenCheck, FlowTokenClaims, FlowTokenSigner } from './auth/createFlowTokenSigner.ts';
export { createFlowTokenSigner } from './auth/createFlowTokenSigner.ts';
export { personIdFor } from './auth/personIdFor.ts';
export type { ProxyLogger } from './createRedactingLogger.ts';
export { consoleLogger, createRedactingLogger } from './createRedactingLogger.ts';
export type { VerigramProxy } from './createVerigramProxy.ts';
export { createVerigramProxy } from './createVerigramProxy.ts';
export { ROUTES } from './http/routeTable.ts';
export { FILE_CONTENT_TYPES } from './http/streamFile.ts';
export type { RateLimitRule } from './limits/enforceRateLimit.ts';
export { checkCallbackUrl } from './routes/checkCallbackUrl.ts';
export type { MemoryStoreOptions } from './stores/createMemoryStore.ts';
export { createMemoryStore } from './stores/createMemoryStore.ts';
export type { RedisLikeClient, RedisStoreOptions } from './stores/createRedisStore.ts';
export { createRedisStore } from './stores/createRedisStore.ts';
export type { ProxyStore } from './stores/ProxyStore.ts';
export type {
  ConsoleTemplate,
  ProxyFlowTemplate,
  ProxyRequestContext,
  ProxyUser,
  VerigramProxyOptions,
} from './VerigramProxyOptions.ts';
