import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { API_HEADERS } from './httpHarness.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

describe('verigram-sandbox CLI', () => {
  it('prints --help and refuses a bad flag with exit code 2', async () => {
    const help = await run(tsx, [cli, '--help']);
    expect(help.stdout).toContain('--auto-complete');
    expect(help.stdout).toContain('SANDBOX_PORT');
    const bad = await run(tsx, [cli, '--fault-5xx', '2']).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fault-5xx must be a number from 0 to 1'),
    });
    const noise = await run(tsx, [cli, '--page-messages', 'loud']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(noise).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--page-messages must be "on" or "off"'),
    });
    const frozen = await run(tsx, [cli, '--clock-rate', '0']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(frozen).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--clock-rate must be a number above 0 and at most 10000, got "0"'),
    });
    const same = await run(tsx, [cli, '--port', '4999', '--page-port', '4999']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(same).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--page-port must differ from --port'),
    });
  });

  it('starts on SANDBOX_PORT=0 with --auto-complete and prints both origins, keys and a curl', async () => {
    child = spawn(tsx, [cli, '--auto-complete', '--quiet'], {
      env: {
        ...process.env,
        SANDBOX_PORT: '0',
        SANDBOX_CLOCK_RATE: '60',
        VERIGRAM_SANDBOX_PAGE_MESSAGES: 'off',
      },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child?.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && out.includes('curl -X POST')) resolve(m[1] as string);
      });
      child?.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain('sandbox-test-key');
    expect(out).toContain('/_sandbox/flows/{flow_id}/steps/current');
    expect(out).toMatch(/Page messages +off/);
    expect(out).toMatch(/Clock +60× real time/);
    const pageUrl = /Hosted page +(http:\/\/\S+)\/hf2\/\{flow_id\}\//.exec(out)?.[1] as string;
    expect(pageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pageUrl).not.toBe(url);
    const created = await fetch(`${url}/flow`, {
      method: 'POST',
      headers: API_HEADERS,
      body: '{"person_id":"cli-user"}',
    });
    const { flow_id, vlink } = (await created.json()) as { flow_id: string; vlink: string };
    expect(vlink).toBe(`${pageUrl}/hf2/${flow_id}/`);
    const page = await (await fetch(vlink)).text();
    expect(page).toContain('"postMessages":false');
    const state = await fetch(`${pageUrl}/hf2/${flow_id}/actions`, {
      method: 'POST',
      body: '{"type":"open"}',
    });
    expect(await state.json()).toMatchObject({ phase: 'ended', flowStatus: 'pass' });
  });
});
