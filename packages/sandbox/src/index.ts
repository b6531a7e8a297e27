// Browser-safe entry: the engine, the hosted page renderer and the in-memory client. The HTTP
// server (node:http) lives behind `@verigram-kit/sandbox/server`.

export type { InMemoryClient, InMemoryClientOptions } from './client/createInMemoryClient.ts';
export { createInMemoryClient } from './client/createInMemoryClient.ts';
export { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID } from './engine/builtinTemplates.ts';
export type { IdGenerator, IdKind } from './engine/createIdGenerator.ts';
export { createIdGenerator, randomUuid } from './engine/createIdGenerator.ts';
export { parsePageAction } from './engine/parsePageAction.ts';
export type { HostedPageState } from './engine/projections.ts';
export type {
  HostedPageAction,
  SandboxConsumer,
  SandboxEngineOptions,
} from './engine/SandboxEngine.ts';
export { DEFAULT_CONSUMERS, SandboxEngine } from './engine/SandboxEngine.ts';
export { isSandboxError, SandboxError } from './engine/SandboxError.ts';
export type { SandboxFile } from './engine/sampleFiles.ts';
export { FILES_BY_SERVICE, makeSampleFile } from './engine/sampleFiles.ts';
export type { PersonIdScript, ScriptOutcome, StepOutcome } from './engine/testControls.ts';
export { parseScriptedOutcome } from './engine/testControls.ts';
export type { HostedPageMode, HostedPageModel } from './page/renderHostedPage.ts';
export { hostedPageCsp, renderHostedPage } from './page/renderHostedPage.ts';
