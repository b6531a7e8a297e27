// The README's Express example of server-side verdicts is examples/verdicts-express.ts, which the
// package's typecheck compiles: this keeps the two from drifting apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the README', () => {
  it('shows the compiled Express example of server-side verdicts, verbatim', () => {
    const example = read('../../examples/verdicts-express.ts');
    expect(read('../../README.md')).toContain(`\`\`\`ts\n${example}\`\`\``);
  });
});
