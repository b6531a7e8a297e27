/**
 * Where the sandbox serves its API when started with its defaults (the `verigram-sandbox` CLI;
 * `pnpm sandbox` in this repo): the proxy's default upstream outside production, the sandbox's own
 * default port and the default origin of the vlinks it builds.
 * @internal
 */
export const SANDBOX_PORT = 4010;

/** @internal The sandbox's API origin with its defaults; see {@link SANDBOX_PORT}. */
export const SANDBOX_BASE_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
