// One place for how the kit's browser tests start Chromium: Debian's build (Playwright's own
// download is not available on our machines), headless, with a fake camera for liveness steps.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * `CHROMIUM_PATH`, else the first `chromium` on PATH. With none, Debian's path: each browser test
 * then fails at launch ("executable doesn't exist"), and only those, never the config that
 * imports this file (a throw here would take every vitest project down with it).
 */
function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return '/usr/bin/chromium';
}

export const chromiumPath = findChromium();

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];
