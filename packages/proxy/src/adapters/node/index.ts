// `@verigram-kit/proxy/node`: the parts that need node:* modules, kept out of the Web-standard entry.

export type { NodeTransportOptions } from './createNodeTransport.ts';
export { createNodeTransport } from './createNodeTransport.ts';
export type { NodeHandlerOptions } from './toNodeHandler.ts';
export { toExpressHandler, toNodeHandler } from './toNodeHandler.ts';
