// The callback page's entry (`@verigram-kit/react/callback`): it renders on its own route, so
// it stays out of the main entry and the route bundles only what it needs.
export type { VerigramCallbackProps } from './VerigramCallback.tsx';
export { VerigramCallback } from './VerigramCallback.tsx';
