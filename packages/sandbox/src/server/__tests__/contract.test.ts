import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../../../../../tests/contract/openApiContract.ts';
import { type RunningSandbox, startSandbox } from '../startSandbox.ts';

const run = promisify(execFile);

describe('the contract helper', () => {
  it('fails on a drifted shape: a wrong enum, a missing required field, an unknown field', () => {
    const flow = {
      flow_id: 'f',
      consumer_id: 'c',
      vlink: 'v',
      person_id: 'person-1',
      template: { pipeline: [] },
      flow_status: 'pass',
    };
    expect(() => expectMatchesSpec('GET', '/flow/f', 200, flow, 'application/json')).not.toThrow();
    expect(() =>
      expectMatchesSpec('GET', '/flow/f', 200, { ...flow, flow_status: 'passed' }, 'application/json'),
    ).toThrow(/drifted/);
    const { vlink: _v, ...noVlink } = flow;
    expect(() => expectMatchesSpec('GET', '/flow/f', 200, noVlink, 'application/json')).toThrow(/drifted/);
    expect(() =>
      expectMatchesSpec('GET', '/flow/f', 200, { ...flow, status: 'pass' }, 'application/json'),
    ).toThrow(/drifted/);
    // oneOf of the single VeriliveResult schema.
    const projection = { flow_id: 'f', service_statuses: [{ session_result: { service_name: 'veridoc' } }] };
    expect(() => expectMatchesSpec('GET', '/flow/f/result', 200, projection, 'application/json')).toThrow(
      /drifted/,
    );
    expect(() => expectMatchesSpec('POST', '/flow', 422, { error_code: 1 }, 'application/json')).toThrow(
      /drifted/,
    );
    const error = { error_code: 'CONFLICT', error_msg: 'x' };
    expect(() => expectMatchesSpec('GET', '/flow/f', 409, error, 'application/json')).toThrow(
      /declares no 409/,
    );
    expect(() => expectMatchesSpec('POST', '/flow', 413, error, 'application/json')).not.toThrow();
  });
});

describe('the quickstart, verbatim, against the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ env: {} });
  });
  afterAll(() => sandbox.close());

  // The two curl commands of the quickstart (copied verbatim into fixtures/ from the shared spec), with only the host,
  // the scheme, the key and the flow id replaced.
  const quickstart = readFileSync(
    new URL('../../__tests__/fixtures/verigram-quickstart.txt', import.meta.url),
    'utf8',
  );
  const commands = [/curl -X POST[\s\S]*?\n\}'/, /curl -X GET[\s\S]*?your-test-api-key'/]
    .map((re) => re.exec(quickstart)?.[0])
    .filter(Boolean);

  const adapt = (cmd: string, host: string) =>
    cmd
      .replace('https://REPLACE_WITH_API_HOSTNAME', `http://${host}`)
      .replace('your-test-api-key', 'sandbox-test-key');

  it('finds both commands in the quickstart', () => {
    expect(commands).toHaveLength(2);
  });

  it('creates a flow and reads its result with real curl', async () => {
    const host = new URL(sandbox.url).host;
    const created = await run('sh', ['-c', `${adapt(commands[0] as string, host)} -s -w '\\n%{http_code}'`]);
    const [body, status] = created.stdout.trim().split('\n');
    expect(status).toBe('201');
    const { flow_id, vlink } = JSON.parse(body as string);
    expectMatchesSpec('POST', '/flow', 201, { flow_id, vlink }, 'application/json');
    expect(vlink).toBe(`${sandbox.pageUrl}/hf2/${flow_id}/`);
    // The person walks the flow (here: the control route), then the backend asks for the result.
    sandbox.engine.completeFlow('sandbox-test-key', flow_id, 'pass');
    const result = await run('sh', [
      '-c',
      `${adapt((commands[1] as string).replace('your-flow-id', flow_id), host)} -s -w '\\n%{http_code}'`,
    ]);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('200');
    const projection = JSON.parse(lines.slice(0, -1).join('\n'));
    expectMatchesSpec('GET', `/flow/${flow_id}/result`, 200, projection, 'application/json');
    expect(projection).toMatchObject({
      flow_id,
      person_id: 'your-client-id',
      flow_status: 'pass',
      end_cause: 'completed',
    });
  });
});
