import { describe, expect, it } from 'vitest';
import { defineFlowUi } from '../ui/flowUiDraft.ts';
import { listSandboxOnlyFields, sandboxOnlyComment } from '../ui/listSandboxOnlyFields.ts';

describe('listSandboxOnlyFields', () => {
  it('given only theme, logo and favicon (what the spec defines), then nothing is sandbox-only', () => {
    expect(
      listSandboxOnlyFields(defineFlowUi({ theme: 'bts', logoUrl: 'https://cdn.example.com/l.svg' })),
    ).toEqual([]);
    expect(sandboxOnlyComment(defineFlowUi({ theme: 'bts' }), '//')).toBe('');
  });

  it('given texts, brand tokens or free CSS, then translation and css are named', () => {
    expect(listSandboxOnlyFields(defineFlowUi({ translation: { kk: { 'any.key': 'Сәлем' } } }))).toEqual([
      'translation',
    ]);
    // Brand tokens compile into css as --vg-* properties, which only the sandbox's page reads.
    expect(listSandboxOnlyFields(defineFlowUi({ tokens: { primaryColor: '#0a7e5c' } }))).toEqual(['css']);
    expect(
      listSandboxOnlyFields({ translation: { en: { 'button.start': 'Go' } }, css: '.vg-card { gap: 0 }' }),
    ).toEqual(['translation', 'css']);
  });

  it('given empty texts per locale or blank CSS, then nothing is named', () => {
    expect(listSandboxOnlyFields({ translation: { en: {} }, css: '  \n' })).toEqual([]);
  });

  it('writes the note as comment lines of the snippet language', () => {
    const comment = sandboxOnlyComment({ css: ':root { --vg-radius: 2px; }' }, '#');
    expect(comment.split('\n')).toEqual([
      "# Known to work only on the verigram-kit sandbox's page: css (.vg-* classes, --vg-* properties).",
      '# The Verigram spec defines these fields but no keys, classes or properties;',
      "# check them on Verigram's hosted page. theme, logo_url and favicon_url are the spec's.",
      '',
    ]);
  });
});
