// @vitest-environment node
// The builder's curl export, run by a real shell against the sandbox: the snippet a designer
// copies must create a flow that renders their branding. (Here rather than in core, which may not
// import the sandbox.)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { defineFlowUi, flowUiToCurl } from '@verigram-kit/core/ui';
import { type RunningSandbox, startSandbox } from '@verigram-kit/sandbox/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, env: {} });
});
afterAll(() => sandbox?.close());

describe('flowUiToCurl against the sandbox', () => {
  it('creates a flow whose hosted page carries the exported config', async () => {
    const ui = defineFlowUi({
      theme: 'bts',
      tokens: { primaryColor: '#ffd400' },
      translation: { ru: { 'header.title': "Проверка 'Acme' Bank" } },
    });
    const command = flowUiToCurl(ui, {
      baseUrl: sandbox.url,
      apiKey: 'sandbox-test-key',
      locale: 'ru',
      personId: 'user_42',
    });
    const { stdout } = await promisify(execFile)('sh', ['-c', `${command.replace('curl ', 'curl -sS ')}`]);
    const created = JSON.parse(stdout) as { flow_id: string; vlink: string };
    expect(created.flow_id).toMatch(/\S/);
    const page = await (await fetch(created.vlink)).text();
    expect(page).toContain('Проверка &#39;Acme&#39; Bank');
    expect(page).toContain('--vg-color-primary: #ffd400;');
  });
});
