/** A Verigram consumer (an account) and the API key that acts for it. */
export interface SandboxConsumer {
  apiKey: string;
  consumerId: string;
  /** Test keys create `test_flow: true` flows and are rate-limited (quickstart: "The test keys has rate limits"). */
  testKey: boolean;
}

/**
 * The sandbox's documented keys. `sandbox-test-key` is the one to use; `sandbox-other-key` is a
 * second, production-like consumer so isolation between consumers can be tested.
 */
export const DEFAULT_CONSUMERS: readonly SandboxConsumer[] = [
  { apiKey: 'sandbox-test-key', consumerId: 'sandbox-test-consumer', testKey: true },
  { apiKey: 'sandbox-other-key', consumerId: 'sandbox-other-consumer', testKey: false },
];
