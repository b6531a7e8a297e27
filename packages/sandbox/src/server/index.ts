// Node-only entry (`@verigram-kit/sandbox/server`): the HTTP server over node:http.

export type { SandboxHandlerContext } from './createSandboxHandler.ts';
export { createSandboxHandler } from './createSandboxHandler.ts';
export type { RateLimit } from './RateLimiter.ts';
export { RateLimiter } from './RateLimiter.ts';
export type { PageMessages, RunningSandbox, StartSandboxOptions } from './startSandbox.ts';
export { pageMessagesFromEnv, startSandbox } from './startSandbox.ts';
export type { SandboxFaults } from './withFaults.ts';
export { checkFaults, faultsFromEnv, NO_FAULTS } from './withFaults.ts';
