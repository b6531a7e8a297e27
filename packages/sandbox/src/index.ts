// Browser-safe entry: what the README documents. The in-memory client (a FlowClient running the
// engine in the page), the engine it runs and the hosted page renderer. The HTTP server
// (node:http) lives behind `@verigram-kit/sandbox/server`.

export type { InMemoryClient, InMemoryClientOptions } from './client/createInMemoryClient.ts';
export { createInMemoryClient } from './client/createInMemoryClient.ts';
export type { SandboxEngineOptions } from './engine/SandboxEngine.ts';
export { SandboxEngine } from './engine/SandboxEngine.ts';
export { isSandboxError, SandboxError } from './engine/SandboxError.ts';
export type { ScriptOutcome, StepOutcome } from './engine/testControls.ts';
export { renderHostedPage } from './page/renderHostedPage.ts';
