import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FlowConfigUi } from '@verigram-kit/core';
import { DEFAULT_FAVICON_URL, DEFAULT_LOGO_URL, defineFlowUi, TRANSLATION_KEYS } from '@verigram-kit/core/ui';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../__tests__/kitTestSetup.tsx';
import { FlowUiBuilder } from '../FlowUiBuilder.tsx';
import type { FlowUiChangeDetail } from '../useFlowUiDraftState.ts';

const PREVIEW = 'http://127.0.0.1:4011/hf2/preview/';
const PREVIEW_ORIGIN = 'http://127.0.0.1:4011';

// jsdom cannot lay out or paint, so axe's color-contrast rule has nothing real to measure there;
// contrast is checked in Chromium (FlowUiBuilder.chromium.test.ts) and by the core's WCAG maths.

const lastUi = (onChange: ReturnType<typeof vi.fn>) => onChange.mock.lastCall?.[0] as FlowConfigUi;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('<FlowUiBuilder> uncontrolled', () => {
  it('given a default value, when the primary colour is typed, then onChange gets the compiled CSS', async () => {
    const onChange = vi.fn();
    render(
      <FlowUiBuilder previewUrl={null} defaultValue={defineFlowUi({ theme: 'bts' })} onChange={onChange} />,
    );
    const primary = screen.getByRole('textbox', { name: 'Primary colour' });
    await userEvent.type(primary, '#ffd400');
    const ui = lastUi(onChange);
    expect(ui.theme).toBe('bts');
    expect(ui.css).toContain('--vg-color-primary: #ffd400;');
    expect(ui.css).toContain('--vg-color-on-primary: #000000;');
    const detail = onChange.mock.lastCall?.[1] as FlowUiChangeDetail;
    expect(detail.draft.tokens.primaryColor).toBe('#ffd400');
    expect(detail.issues).toEqual([]);
  });

  it('when the colour picker changes, then the text field follows', () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Primary colour, picker'), { target: { value: '#00aa55' } });
    expect(screen.getByRole('textbox', { name: 'Primary colour' })).toHaveValue('#00aa55');
    expect(lastUi(onChange).css).toContain('--vg-color-primary: #00aa55;');
  });

  it('when the theme is switched, then the value carries it', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    await userEvent.click(screen.getByRole('radio', { name: 'BTS (dark)' }));
    expect(lastUi(onChange)).toEqual({
      theme: 'bts',
      logo_url: DEFAULT_LOGO_URL,
      favicon_url: DEFAULT_FAVICON_URL,
    });
  });
});

function Controlled({ initial, accept }: { initial: FlowConfigUi; accept: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <FlowUiBuilder previewUrl={null} value={value} onChange={(ui) => accept && setValue(ui)} />
      <output data-testid="value">{JSON.stringify(value)}</output>
      <button type="button" onClick={() => setValue(defineFlowUi({ tokens: { radiusPx: 3 } }))}>
        reset from outside
      </button>
    </>
  );
}

describe('<FlowUiBuilder> controlled', () => {
  it('given a parent that accepts changes, then edits (even a trailing newline in CSS) stick', async () => {
    render(<Controlled initial={defineFlowUi({})} accept />);
    const css = screen.getByRole('textbox', { name: 'Custom CSS' });
    await userEvent.type(css, 'a {{}{enter}');
    expect(css).toHaveValue('a {}\n');
    expect(JSON.parse(screen.getByTestId('value').textContent ?? '{}').css).toBe('a {}');
  });

  it('given a parent that refuses changes, then the fields keep showing its value', async () => {
    render(<Controlled initial={defineFlowUi({ tokens: { primaryColor: '#112233' } })} accept={false} />);
    const primary = screen.getByRole('textbox', { name: 'Primary colour' });
    await userEvent.type(primary, '4');
    expect(primary).toHaveValue('#112233');
  });

  it('when the parent replaces the value, then the fields follow', async () => {
    render(<Controlled initial={defineFlowUi({ tokens: { radiusPx: 20 } })} accept />);
    expect(screen.getByRole('spinbutton', { name: 'Corner radius (px)' })).toHaveValue(20);
    await userEvent.click(screen.getByRole('button', { name: 'reset from outside' }));
    expect(screen.getByRole('spinbutton', { name: 'Corner radius (px)' })).toHaveValue(3);
  });
});

describe('inline validation', () => {
  it('given an http logo, then the field is invalid and says why; given https, then it previews the image', async () => {
    render(<FlowUiBuilder previewUrl={null} validation={{ allowedAssetHosts: ['cdn.example.com'] }} />);
    const logo = screen.getByRole('textbox', { name: 'Logo URL' });
    await userEvent.type(logo, 'http://cdn.example.com/logo.svg');
    expect(logo).toHaveAttribute('aria-invalid', 'true');
    expect(logo).toHaveAccessibleDescription(
      expect.stringContaining('Logo URL must use https (http is allowed only for localhost and 127.0.0.1)'),
    );
    expect(screen.queryByRole('img', { name: 'Logo preview' })).toBeNull();
    await userEvent.clear(logo);
    await userEvent.type(logo, 'https://cdn.example.com/logo.svg');
    expect(logo).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('img', { name: 'Logo preview' })).toHaveAttribute(
      'src',
      'https://cdn.example.com/logo.svg',
    );
  });

  it("given the proxy's allowed hosts, then the logo hint names them before anything is typed, and another host is an error", async () => {
    render(<FlowUiBuilder previewUrl={null} validation={{ allowedAssetHosts: ['cdn.bank.example'] }} />);
    const logo = screen.getByRole('textbox', { name: 'Logo URL' });
    expect(logo).toHaveAccessibleDescription(expect.stringContaining('An https address on cdn.bank.example'));
    await userEvent.type(logo, 'https://www.bank.example/logo.svg');
    expect(logo).toHaveAttribute('aria-invalid', 'true');
    expect(logo).toHaveAccessibleDescription(expect.stringContaining('not in the allowed asset hosts'));
    expect(screen.getByText('Fix 1 error to export; warnings do not block it.')).toBeInTheDocument();
  });

  it("given no validation, then the hint names the default policy's one host, the one the proxy defaults to", () => {
    render(<FlowUiBuilder previewUrl={null} />);
    expect(screen.getByRole('textbox', { name: 'Logo URL' })).toHaveAccessibleDescription(
      expect.stringContaining('An https address on docs.services.verigram.cloud'),
    );
  });

  it('given an image file, then the logo is inline (data:), passes the policy and previews; "Remove" unsets it', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    await userEvent.upload(
      screen.getByLabelText('Upload a logo file'),
      new File([svg], 'bank.svg', { type: 'image/svg+xml' }),
    );
    await waitFor(() => expect(lastUi(onChange)?.logo_url).toMatch(/^data:image\/svg\+xml;base64,/));
    const logo = screen.getByRole('textbox', { name: 'Logo URL' });
    expect(logo).toHaveValue('');
    expect(logo).toHaveAttribute('placeholder', 'An image file, kept inline in the config');
    expect(logo).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('img', { name: 'Logo preview' }).getAttribute('src')).toMatch(/^data:image/);
    await userEvent.click(screen.getByRole('button', { name: 'Remove the image' }));
    expect(lastUi(onChange).logo_url).toBe(DEFAULT_LOGO_URL);
  });

  it('given a low-contrast text colour, then the contrast error sits on the colour field', async () => {
    render(<FlowUiBuilder previewUrl={null} />);
    const text = screen.getByRole('textbox', { name: 'Text colour' });
    await userEvent.type(text, '#cccccc');
    expect(text).toHaveAccessibleDescription(
      expect.stringContaining('Body text on the background has contrast 1.4'),
    );
    expect(screen.getByText('1 error(s), 0 warning(s).')).toBeInTheDocument();
  });

  it('given an unfinished hex, then it is flagged and left out of the CSS', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const primary = screen.getByRole('textbox', { name: 'Primary colour' });
    await userEvent.type(primary, '#12');
    expect(primary).toHaveAccessibleDescription(
      expect.stringContaining('Primary colour must be a hex colour'),
    );
    expect(lastUi(onChange).css).toBeUndefined();
  });

  it('given unsafe CSS, then the editor lists each problem with its line', async () => {
    render(<FlowUiBuilder previewUrl={null} />);
    const css = screen.getByRole('textbox', { name: 'Custom CSS' });
    fireEvent.change(css, { target: { value: 'a { color: red; }\n@import "https://x.example/a.css";' } });
    expect(css).toHaveAttribute('aria-invalid', 'true');
    expect(css).toHaveAccessibleDescription(expect.stringContaining('Line 2: @import is not allowed'));
  });
});

// The first tests here are the first in this file to use kk and ru, so they see the texts load.
describe('issues in the builder’s language', () => {
  it('given ru and a draft with an http logo, then the field says why in Russian, never in English first', async () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        locale="ru"
        defaultValue={defineFlowUi({ logoUrl: 'http://cdn.example.com/logo.svg' })}
      />,
    );
    const logo = screen.getByRole('textbox', { name: 'URL логотипа' });
    expect(logo).toHaveAttribute('aria-invalid', 'true');
    expect(document.body.textContent).not.toContain('must use https');
    await waitFor(() =>
      expect(logo).toHaveAccessibleDescription(
        expect.stringContaining(
          'URL логотипа должен использовать https (http допустим только для localhost и 127.0.0.1): http://cdn.example.com/logo.svg',
        ),
      ),
    );
    expect(document.body.textContent).not.toContain('must use https');
  });

  it('given kk, when a low-contrast text colour is typed, then the error gives the ratio with a decimal comma', async () => {
    render(<FlowUiBuilder previewUrl={null} locale="kk" />);
    const text = screen.getByRole('textbox', { name: 'Мәтін түсі' });
    await userEvent.type(text, '#cccccc');
    await waitFor(() =>
      expect(text).toHaveAccessibleDescription(expect.stringMatching(/Фондағы мәтін: контраст 1,\d\d:1/)),
    );
    expect(text).toHaveAccessibleDescription(expect.stringContaining('#f4f6fb үстінде #cccccc'));
    expect(text).toHaveAccessibleDescription(expect.stringContaining('WCAG AA кемінде 4,5:1 талап етеді'));
  });

  it('given ru, when JSON with an unknown theme is imported, then the refusal is in Russian', async () => {
    render(<FlowUiBuilder previewUrl={null} locale="ru" />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Вставьте FlowConfigUi (JSON)' }), {
      target: { value: '{"theme": "neon"}' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Импортировать' }));
    expect(
      await screen.findByText(
        'Не удалось импортировать: Неизвестная тема "neon"; выберите одну из: default, bts.',
      ),
    ).toBeInTheDocument();
  });

  it('given en, then the issue text is core’s English message, on the first render', () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        defaultValue={defineFlowUi({ logoUrl: 'ftp://cdn.example.com/l.svg' })}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Logo URL' })).toHaveAccessibleDescription(
      expect.stringContaining(
        'Error: Logo URL must be an https URL or a data: image; "ftp:" URLs are not accepted.',
      ),
    );
  });
});

describe('translation grid', () => {
  it('filters by search, shows missing rows only, and counts per locale', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(TRANSLATION_KEYS.length + 1);

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search texts' }), 'selfie');
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.dataset.key ?? 'head'),
    ).toEqual(['head', 'liveness.title']);

    const cell = screen.getByRole('textbox', { name: 'liveness.title, ru' });
    expect(cell).toHaveAttribute('placeholder', 'Сделайте селфи');
    await userEvent.type(cell, 'Селфи');
    expect(lastUi(onChange).translation).toEqual({ ru: { 'liveness.title': 'Селфи' } });
    const counts = screen.getByRole('list', { name: 'Texts' });
    expect(
      within(counts)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `kk 0 of ${TRANSLATION_KEYS.length} changed`,
      `ru 1 of ${TRANSLATION_KEYS.length} changed`,
      `en 0 of ${TRANSLATION_KEYS.length} changed`,
    ]);

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search texts' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Missing only' }));
    // Missing as the checks say it: overridden in ru, not in kk and en. Untouched keys show the
    // defaults in every language, so they miss nothing.
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.dataset.key ?? 'head'),
    ).toEqual(['head', 'liveness.title']);
    await userEvent.type(screen.getByRole('textbox', { name: 'liveness.title, kk' }), 'x');
    expect(screen.getByRole('textbox', { name: 'liveness.title, en' })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'liveness.title, en' }), 'x');
    expect(screen.queryByRole('textbox', { name: 'liveness.title, ru' })).toBeNull();
    expect(within(table).getAllByRole('row')).toHaveLength(1);
    expect(screen.getByText('No texts match.')).toBeInTheDocument();
  });

  it('flags an override that drops a placeholder in its cell', async () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        defaultValue={defineFlowUi({ translation: { en: { 'header.step_counter': 'Step' } } })}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'header.step_counter, en' })).toHaveAccessibleDescription(
      expect.stringContaining('drops {current}, {total}'),
    );
  });

  it('keeps unknown keys of an imported config visible, with a note and a "did you mean"', () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        defaultValue={defineFlowUi({ translation: { en: { 'button.strat': 'Go' } } })}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'button.strat, en' })).toHaveAccessibleDescription(
      expect.stringContaining('Did you mean "button.start"?'),
    );
  });
});

describe('what the spec defines, and what only the sandbox page reads', () => {
  it('given the builder, then it names the five spec fields apart from the sandbox-only parts', () => {
    render(<FlowUiBuilder previewUrl={PREVIEW} />);
    const spec = screen.getByText(/^Verigram's spec defines five fields:/);
    expect(spec.textContent).toBe(
      "Spec Verigram's spec defines five fields: theme (default, bts), logo_url, favicon_url, translation and css.",
    );
    expect(spec.closest('[data-scope]')).toHaveAttribute('data-scope', 'spec');
    const sandbox = screen.getByText(
      /^Text keys, --vg-\* CSS properties and bts colours here are the sandbox page's/,
    );
    expect(sandbox.closest('[data-scope]')).toHaveAttribute('data-scope', 'sandbox');
    // The brand tokens are the sandbox's --vg-* properties; the texts' keys are the sandbox's list.
    const brand = screen.getByRole('group', { name: 'Brand' });
    expect(
      within(brand)
        .getByText(/only the sandbox page reads/)
        .closest('[data-scope]'),
    ).toHaveAttribute('data-scope', 'sandbox');
    const texts = screen.getByRole('group', { name: 'Texts' });
    expect(
      within(texts).getByText(/^translation; the keys listed and grey texts are the sandbox page's/),
    ).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Preview: sandbox page' })).toBeVisible();
    expect(screen.getByText(/^The kit's sandbox page, not Verigram's/)).toBeVisible();
    expect(document.body.textContent).not.toMatch(/real page|real hosted|Verigram('s)? default/i);
  });

  it('given ru, then the same separation is said in Russian', () => {
    render(<FlowUiBuilder previewUrl={null} locale="ru" />);
    expect(screen.getByText(/^Спецификация Verigram задаёт пять полей/)).toBeVisible();
    expect(
      screen.getByText(/^Ключи текстов, свойства --vg-\* и цвета bts здесь — страницы песочницы/),
    ).toBeVisible();
    expect(screen.getAllByText('Только песочница').length).toBeGreaterThan(0);
  });

  it('when a key named like an Object method is added, then it gets its own row like any other key', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Key' }), { target: { value: 'valueOf' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), { target: { value: 'Value' } });
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));

    expect(lastUi(onChange).translation).toEqual({ kk: { valueOf: 'Value' } });
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]?.dataset.key).toBe('valueOf');
    expect(screen.getByRole('textbox', { name: 'valueOf, kk' })).toHaveValue('Value');
  });

  it('when a key the sandbox page does not know is added for one locale, then it is kept with a note, not an error, and exported with the sandbox-only note', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const add = screen.getByRole('button', { name: 'Add' });
    expect(add).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'Key' }), {
      target: { value: ' acme.consent_footer ' },
    });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    fireEvent.change(screen.getByRole('textbox', { name: 'Text' }), {
      target: { value: 'Acme хранит данные в Алматы' },
    });
    await userEvent.click(add);

    expect(lastUi(onChange).translation).toEqual({
      ru: { 'acme.consent_footer': 'Acme хранит данные в Алматы' },
    });
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveValue('');
    // Its row comes first in the grid, editable in every locale, with a note rather than an error.
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]?.dataset.key).toBe('acme.consent_footer');
    const cell = screen.getByRole('textbox', { name: 'acme.consent_footer, ru' });
    expect(cell).toHaveValue('Acme хранит данные в Алматы');
    expect(cell).not.toHaveAttribute('aria-invalid');
    expect(cell).toHaveAccessibleDescription(
      'Note: "acme.consent_footer" is not known to the sandbox page; it may work on Verigram\'s page.',
    );
    expect(screen.getByText('No problems found.')).toBeInTheDocument();

    const output = screen.getByRole('textbox', { name: 'Exported code' }) as HTMLTextAreaElement;
    expect(JSON.parse(output.value).translation).toEqual({
      ru: { 'acme.consent_footer': 'Acme хранит данные в Алматы' },
    });
    // JSON has no comments: the builder says it next to the export, as the output's description.
    expect(output).toHaveAccessibleDescription(
      "Sandbox only Known to work only on the sandbox page: translation. Check on Verigram's page.",
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export as' }), 'ts');
    expect(output.value).toContain(
      "\n// Known to work only on the verigram-kit sandbox's page: translation keys.\n",
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export as' }), 'curl');
    expect(
      output.value.startsWith("# Known to work only on the verigram-kit sandbox's page: translation keys.\n"),
    ).toBe(true);
  });

  it('given only spec fields (theme, logo), then the export carries no sandbox-only note', () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        validation={{ allowedAssetHosts: ['cdn.example.com'] }}
        defaultValue={defineFlowUi({ theme: 'bts', logoUrl: 'https://cdn.example.com/logo.svg' })}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'Exported code' })).not.toHaveAccessibleDescription();
    expect(screen.queryByText(/Known to work only on the sandbox page/)).toBeNull();
  });
});

describe('import and export', () => {
  it('imports pasted JSON, and refuses broken JSON without changing anything', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Paste a FlowConfigUi (JSON)' });
    fireEvent.change(input, { target: { value: '{"theme": "neon"}' } });
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText(/Could not import: Unknown theme "neon"/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();

    const ui = defineFlowUi({
      theme: 'bts',
      tokens: { radiusPx: 7 },
      translation: { kk: { 'button.start': 'Бастайық' } },
    });
    fireEvent.change(input, {
      target: { value: JSON.stringify({ person_id: 'user_42', template: { pipeline: [], ui } }) },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(screen.getByText('Imported.')).toBeInTheDocument();
    expect(lastUi(onChange)).toEqual(ui);
    expect(screen.getByRole('radio', { name: 'BTS (dark)' })).toBeChecked();
    expect(screen.getByRole('spinbutton', { name: 'Corner radius (px)' })).toHaveValue(7);
  });

  it('imports a file', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    const file = new File([JSON.stringify({ theme: 'bts' })], 'ui.json', { type: 'application/json' });
    await userEvent.upload(screen.getByLabelText('Import from file'), file);
    expect(await screen.findByText('Imported.')).toBeInTheDocument();
    expect(lastUi(onChange).theme).toBe('bts');
  });

  it('exports JSON, TypeScript, curl and a proxy preset, and downloads the shown text', async () => {
    render(
      <FlowUiBuilder previewUrl={null} defaultValue={defineFlowUi({ theme: 'bts' })} presetName="acme" />,
    );
    const output = screen.getByRole('textbox', { name: 'Exported code' });
    expect(JSON.parse((output as HTMLTextAreaElement).value)).toMatchObject({ theme: 'bts' });
    const format = screen.getByRole('combobox', { name: 'Export as' });
    await userEvent.selectOptions(format, 'ts');
    const text = () => (output as HTMLTextAreaElement).value;
    expect(text()).toContain('satisfies FlowConfigUi;');
    await userEvent.selectOptions(format, 'curl');
    expect(text()).toContain("-H 'X-Verigram-Api-Key: your-test-api-key'");
    await userEvent.selectOptions(format, 'preset');
    expect(text()).toContain('export const uiPresets = {\n  acme: {');

    const createObjectURL = vi.fn((_blob: Blob) => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(click).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toBe((output as HTMLTextAreaElement).value);
  });
});

describe('export while the config has errors', () => {
  it('given errors, then no code is shown or downloaded, and the reason says how many', async () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        defaultValue={defineFlowUi({
          logoUrl: 'http://cdn.example.com/l.svg',
          customCss: '@import "x.css";',
        })}
      />,
    );
    expect(screen.queryByRole('textbox', { name: 'Exported code' })).toBeNull();
    const download = screen.getByRole('button', { name: 'Download' });
    expect(download).toHaveAttribute('aria-disabled', 'true');
    expect(download).toHaveAccessibleDescription('Fix 2 errors to export; warnings do not block it.');
    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(download);
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(click).not.toHaveBeenCalled();
    // Every format is blocked, not only the JSON one.
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Export as' }), 'curl');
    expect(screen.queryByRole('textbox', { name: 'Exported code' })).toBeNull();
  });

  it('when "Go to the first error" is pressed from the keyboard, then focus lands on the first field in error', async () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        defaultValue={defineFlowUi({ tokens: { textColor: '#eeeeee' }, customCss: '@import "x.css";' })}
      />,
    );
    screen.getByRole('button', { name: 'Download' }).focus();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Go to the first error' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Text colour' })).toHaveFocus();
  });

  it('when the only error is fixed, then the export is back, with the warning left', async () => {
    render(
      <FlowUiBuilder
        previewUrl={null}
        validation={{ allowedAssetHosts: ['cdn.example.com'] }}
        defaultValue={defineFlowUi({ theme: 'bts', logoUrl: 'http://cdn.example.com/l.svg' })}
      />,
    );
    expect(screen.getByText('Fix 1 error to export; warnings do not block it.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Logo URL' }), {
      target: { value: 'https://cdn.example.com/l.svg' },
    });
    expect(screen.getByText('0 error(s), 1 warning(s).')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).not.toHaveAttribute('aria-disabled');
    const output = screen.getByRole('textbox', { name: 'Exported code' }) as HTMLTextAreaElement;
    expect(JSON.parse(output.value)).toMatchObject({
      theme: 'bts',
      logo_url: 'https://cdn.example.com/l.svg',
    });
  });

  it.each([
    [
      'ru',
      'Чтобы экспортировать, исправьте ошибки (1); предупреждения не мешают.',
      'К первой ошибке',
      'Скачать',
    ],
    [
      'kk',
      'Экспорттау үшін қателерді түзетіңіз (1); ескертулер кедергі емес.',
      'Бірінші қатеге өту',
      'Жүктеп алу',
    ],
  ] as const)(
    'in %s, the reason and the button are in the builder’s language, and it is axe clean',
    async (locale, reason, firstError, download) => {
      render(
        <FlowUiBuilder
          previewUrl={null}
          locale={locale}
          defaultValue={defineFlowUi({ logoUrl: 'http://cdn.example.com/l.svg' })}
        />,
      );
      expect(screen.getByRole('button', { name: download })).toHaveAccessibleDescription(reason);
      expect(screen.getByRole('button', { name: firstError })).toBeInTheDocument();
      await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).toBeNull());
      await expectNoAxeViolations(document.body);
    },
    30_000,
  );
});

describe('keyboard', () => {
  it('tabs through the controls in reading order, skipping disabled resets', async () => {
    render(<FlowUiBuilder previewUrl={null} />);
    const stops: string[] = [];
    for (let i = 0; i < 7; i++) {
      await userEvent.tab();
      const el = document.activeElement as HTMLElement;
      stops.push(
        el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.tagName,
      );
    }
    expect(stops).toEqual([
      'Default (light)',
      'Logo URL',
      'Upload a logo file',
      'Favicon URL',
      'Upload a favicon file',
      'Primary colour, picker',
      'Primary colour',
    ]);
  });

  it('switches the theme with the arrow keys, as a radio group', async () => {
    const onChange = vi.fn();
    render(<FlowUiBuilder previewUrl={null} onChange={onChange} />);
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'BTS (dark)' })).toBeChecked();
    expect(lastUi(onChange).theme).toBe('bts');
  });
});

describe('its own strings', () => {
  it.each([
    ['ru', 'Бренд', 'Основной цвет'],
    ['kk', 'Бренд', 'Негізгі түс'],
    ['en', 'Brand', 'Primary colour'],
  ] as const)('in %s', (locale, legend, label) => {
    render(<FlowUiBuilder previewUrl={null} locale={locale} />);
    expect(screen.getByRole('group', { name: legend })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: label })).toBeInTheDocument();
  });
});

describe('live preview', () => {
  const ready = (source: Window | null, origin = PREVIEW_ORIGIN) =>
    act(() => {
      dispatchEvent(
        new MessageEvent('message', {
          data: { protocol: 'verigram-hf2', version: 1, type: 'ready', flowId: 'preview', stepCount: 2 },
          origin,
          source,
        }),
      );
    });

  it('given a logo the policy refuses, then the preview keeps the default logo, as the flow would get it', async () => {
    vi.useFakeTimers();
    render(<FlowUiBuilder previewDebounceMs={10} validation={{ allowedAssetHosts: ['cdn.bank.example'] }} />);
    const iframe = screen.getByTitle('Live preview of the verification page') as HTMLIFrameElement;
    const post = vi.spyOn(iframe.contentWindow as Window, 'postMessage').mockImplementation(() => {});
    ready(iframe.contentWindow);
    const logoSent = () => (post.mock.lastCall?.[0] as { ui: FlowConfigUi } | undefined)?.ui.logo_url;
    fireEvent.change(screen.getByRole('textbox', { name: 'Logo URL' }), {
      target: { value: 'https://www.bank.example/logo.svg' },
    });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(logoSent()).toBe(DEFAULT_LOGO_URL);
    fireEvent.change(screen.getByRole('textbox', { name: 'Logo URL' }), {
      target: { value: 'https://cdn.bank.example/logo.svg' },
    });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(logoSent()).toBe('https://cdn.bank.example/logo.svg');
  });

  it('posts the draft to the exact preview origin once the page is ready, debounced', async () => {
    vi.useFakeTimers();
    render(<FlowUiBuilder previewDebounceMs={100} />);
    const iframe = screen.getByTitle('Live preview of the verification page') as HTMLIFrameElement;
    expect(iframe.src).toBe(PREVIEW);
    const win = iframe.contentWindow as Window;
    const post = vi.spyOn(win, 'postMessage').mockImplementation(() => {});

    // Not from the frame, or not from the preview origin: ignored.
    ready(window);
    ready(win, 'http://evil.example');
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(post).not.toHaveBeenCalled();
    expect(screen.getByText('Connecting to the preview…')).toBeInTheDocument();

    ready(win);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post.mock.calls[0]?.[0]).toMatchObject({
      protocol: 'verigram-kit',
      version: 1,
      type: 'preview',
      locale: 'en',
      stepIndex: 0,
    });
    expect(post.mock.calls[0]?.[1]).toBe(PREVIEW_ORIGIN);
    expect(screen.getByText('Step 1 of 2')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('textbox', { name: 'Primary colour' }), {
      target: { value: '#ff0000' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Text colour' }), { target: { value: '#111111' } });
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(post).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(60));
    expect(post).toHaveBeenCalledTimes(2);
    const css = (post.mock.calls[1]?.[0] as { ui: FlowConfigUi } | undefined)?.ui.css;
    expect(css).toContain('--vg-color-primary: #ff0000;');
    expect(css).toContain('--vg-color-text: #111111;');

    fireEvent.click(screen.getByRole('radio', { name: 'ru' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    await act(() => vi.advanceTimersByTimeAsync(110));
    expect(post.mock.lastCall?.[0]).toMatchObject({ locale: 'ru', stepIndex: 1 });
    expect(screen.getByText('Step 2 of 2')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(screen.getByText('Result page')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next step' })).toBeDisabled();

    // The frame follows the page's height, within bounds.
    const resize = (height: number) =>
      act(() => {
        dispatchEvent(
          new MessageEvent('message', {
            data: { protocol: 'verigram-hf2', version: 1, type: 'resize', flowId: 'preview', height },
            origin: PREVIEW_ORIGIN,
            source: win,
          }),
        );
      });
    resize(900);
    expect(iframe.style.height).toBe('900px');
    resize(99_000);
    expect(iframe.style.height).toBe('1400px');

    // Laid out at a real device width (and scaled to the column where one is measured).
    expect(iframe.style.width).toBe('390px');
    fireEvent.click(screen.getByRole('radio', { name: 'Desktop' }));
    expect(iframe.style.width).toBe('1280px');
    expect(screen.getByTestId('preview-size')).toHaveTextContent('1280 px wide');
  }, 30_000);

  it('is axe clean: empty, with errors, in Russian, with the preview', async () => {
    const { unmount } = render(<FlowUiBuilder />);
    await expectNoAxeViolations(document.body);
    fireEvent.change(screen.getByRole('textbox', { name: 'Logo URL' }), {
      target: { value: 'http://x.example/l.png' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Text colour' }), { target: { value: '#eeeeee' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Custom CSS' }), {
      target: { value: '@import "x";' },
    });
    await expectNoAxeViolations(document.body);
    unmount();
    render(
      <FlowUiBuilder
        locale="ru"
        defaultValue={defineFlowUi({ translation: { ru: { 'button.strat': 'x' } } })}
      />,
    );
    await expectNoAxeViolations(document.body);
  }, 60_000);
});
