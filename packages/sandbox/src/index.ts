// Browser-safe entry: the engine, the hosted page renderer and the in-memory client. The HTTP
// server (node:http) lives behind `@verigram-kit/sandbox/server`.

export type { InMemoryClient, InMemoryClientOptions } from './client/createInMemoryClient.ts';
export { createInMemoryClient } from './client/createInMemoryClient.ts';
export { BUILTIN_TEMPLATES, DEFAULT_TEMPLATE_ID } from './engine/builtinTemplates.ts';
export type { SandboxConsumer } from './engine/consumers.ts';
export { DEFAULT_CONSUMERS } from './engine/consumers.ts';
export type { IdGenerator, IdKind } from './engine/createIdGenerator.ts';
export { createIdGenerator, randomUuid } from './engine/createIdGenerator.ts';
export { parsePageAction } from './engine/parsePageAction.ts';
export type {
  HostedPageAction,
  HostedPageState,
  SandboxEngineOptions,
  StepOutcome,
} from './engine/SandboxEngine.ts';
export { SandboxEngine } from './engine/SandboxEngine.ts';
export { isSandboxError, SandboxError } from './engine/SandboxError.ts';
export type { SandboxFile } from './engine/sampleFiles.ts';
export { FILES_BY_SERVICE, makeSampleFile } from './engine/sampleFiles.ts';
export type { PersonIdScript, ScriptOutcome } from './engine/scriptedOutcome.ts';
export { parseScriptedOutcome } from './engine/scriptedOutcome.ts';
export type { HostedPageMode, HostedPageModel } from './page/renderHostedPage.ts';
export { hostedPageCsp, renderHostedPage } from './page/renderHostedPage.ts';
