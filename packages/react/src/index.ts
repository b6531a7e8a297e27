export { useFlowClient, VerigramProvider } from './VerigramProvider.tsx';
export type { VerigramProviderProps } from './VerigramProvider.tsx';
