import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLOW_UI_BUILDER_STYLES } from '../builder/flowUiBuilderStyles.ts';

const source = (path: string) => readFileSync(join(import.meta.dirname, '..', path), 'utf8');

// Every place the kit reads a --vgk-* property with a fallback: the shipped stylesheet, the
// builder's own styles and the dialog's inline styles (which hold without the stylesheet).
const SHEETS: Record<string, string> = {
  'styles.css': source('styles.css'),
  builder: FLOW_UI_BUILDER_STYLES,
  'FlowModal.tsx': source('FlowModal.tsx'),
};

/** token → fallback → where it is written. */
function fallbacksByToken(): Map<string, Map<string, Set<string>>> {
  const tokens = new Map<string, Map<string, Set<string>>>();
  for (const [sheet, css] of Object.entries(SHEETS)) {
    for (const match of css.matchAll(/var\(\s*(--vgk-[\w-]+)\s*,\s*([^()]*?)\s*\)/g)) {
      const [, name, fallback] = match as unknown as [string, string, string];
      const byValue = tokens.get(name) ?? new Map<string, Set<string>>();
      byValue.set(fallback, (byValue.get(fallback) ?? new Set()).add(sheet));
      tokens.set(name, byValue);
    }
  }
  return tokens;
}

describe('the --vgk-* properties a designer themes the kit with', () => {
  it('given a property left unset, then every part of the kit falls back to the same value', () => {
    const drift = [...fallbacksByToken()]
      .filter(([, byValue]) => byValue.size > 1)
      .map(
        ([name, byValue]) =>
          `${name}: ${[...byValue].map(([v, at]) => `${v} (${[...at].join(', ')})`).join(' / ')}`,
      );
    expect(drift).toEqual([]);
  });

  it('given the sources, then the check sees the palette (it is not vacuous)', () => {
    const tokens = fallbacksByToken();
    expect(tokens.get('--vgk-color-danger')?.size).toBe(1);
    expect([...(tokens.get('--vgk-color-accent')?.keys() ?? [])]).toEqual(['#1d4ed8']);
    expect(tokens.size).toBeGreaterThan(10);
  });
});
