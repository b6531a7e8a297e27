import { expect, it } from 'vitest';
import config from '../playwright.config.ts';

it('given any environment, then the e2e run starts its own demos and never reuses a server already on a port', () => {
  const servers = [config.webServer ?? []].flat();
  expect(servers.length).toBeGreaterThan(0);
  for (const server of servers) expect(server.reuseExistingServer).toBe(false);
});
