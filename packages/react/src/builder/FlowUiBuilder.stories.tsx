import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Locale } from '@verigram-kit/core';
import { defineFlowUi, TRANSLATION_CATALOG } from '@verigram-kit/core/ui';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { previewPageUrl } from '../stories/previewPageUrl.ts';
import { BUILDER_MESSAGES } from './builderMessages.ts';
import { FlowUiBuilder } from './FlowUiBuilder.tsx';

// The preview frame is the sandbox's own preview page as a blob: URL (no `pnpm sandbox` needed,
// and the static Storybook makes no network calls); it is not Verigram's hosted page. The
// builder's language is the toolbar's, the one switch; the checks read that language's strings.
const meta = {
  title: 'react/FlowUiBuilder',
  component: FlowUiBuilder,
  render: (args, { globals }) => <FlowUiBuilder {...args} locale={globals.locale} />,
  args: { previewUrl: previewPageUrl() },
  argTypes: {
    locale: { control: false, description: "The toolbar's language, in these stories" },
    previewUrl: { control: 'text' },
  },
} satisfies Meta<typeof FlowUiBuilder>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The builder's strings and the hosted page's defaults in the story's language. */
const stringsOf = (globals: Record<string, unknown>) => {
  const locale = (globals.locale as Locale | undefined) ?? 'en';
  const page = (key: keyof typeof TRANSLATION_CATALOG) => TRANSLATION_CATALOG[key].defaults[locale];
  return { locale, m: BUILDER_MESSAGES[locale], page };
};

/** The preview page inside the builder, once it has rendered the draft. */
async function previewPage(canvasElement: HTMLElement) {
  const frame = await waitFor(
    () => {
      const found = canvasElement.querySelector<HTMLIFrameElement>('.vgb-preview[data-state="ready"] iframe');
      expect(found?.contentDocument?.querySelector('.vg-card')).toBeTruthy();
      return found as HTMLIFrameElement;
    },
    { timeout: 5000 },
  );
  return within((frame.contentDocument as Document).body);
}

export const Empty: Story = {
  play: async ({ canvas, canvasElement, globals }) => {
    const { m, page: text } = stringsOf(globals);
    await expect(canvas.getByText(m.summary(0, 0))).toBeVisible();
    const page = await previewPage(canvasElement);
    await expect(await page.findByRole('heading', { name: text('consent.title') })).toBeVisible();
  },
};

export const AcmeBankInRussian: Story = {
  name: 'Branded (Acme Bank, in Russian)',
  globals: { locale: 'ru' },
  tags: ['pinned-ru'],
  args: {
    defaultValue: defineFlowUi({
      theme: 'default',
      tokens: { primaryColor: '#0a7e5c', radiusPx: 6, fontFamily: 'Inter, system-ui, sans-serif' },
      translation: {
        ru: { 'header.title': 'Проверка Acme Bank', 'button.start': 'Поехали' },
        kk: { 'header.title': 'Acme Bank тексеруі', 'button.start': 'Бастайық' },
        en: { 'header.title': 'Acme Bank check', 'button.start': "Let's go" },
      },
      customCss: '.vg-footer { letter-spacing: 0.02em; }',
    }),
  },
  play: async ({ canvasElement }) => {
    const page = await previewPage(canvasElement);
    await expect(await page.findByRole('heading', { name: 'Проверка Acme Bank' })).toBeVisible();
    // The brand colour reached the page's stylesheet, not only the form.
    const frameDocument = page.getByRole('heading', { name: 'Проверка Acme Bank' }).ownerDocument;
    await waitFor(() =>
      expect(frameDocument.getElementById('vg-look')?.textContent ?? '').toMatch(/#0a7e5c/i),
    );
  },
};

export const WithProblems: Story = {
  name: 'Invalid (with problems)',
  args: {
    previewUrl: null,
    defaultValue: defineFlowUi({
      logoUrl: 'http://cdn.example.com/logo.svg',
      tokens: { textColor: '#bbbbbb' },
      translation: { en: { 'header.step_counter': 'Step {current}', 'button.strat': 'Go' } },
      customCss:
        '@import "https://fonts.example.com/a.css";\n.x { background: url(https://tracker.example.net/p.gif); }',
    }),
  },
  play: async ({ canvas, canvasElement, globals }) => {
    const { m } = stringsOf(globals);
    await expect(canvasElement.querySelector('.vgb-root')).toHaveAttribute('data-state', 'invalid');
    await expect(canvas.getByRole('button', { name: m.download })).toHaveAttribute('aria-disabled', 'true');
    // The misspelt key is pointed at its catalog neighbour, in every language (kk/ru texts load
    // as a chunk on first use: a cold dev server takes seconds to serve it).
    const cell = canvas.getByRole('textbox', { name: m.cellLabel('button.strat', 'en') });
    await waitFor(() => expect(cell).toHaveAccessibleDescription(expect.stringContaining('button.start')), {
      timeout: 10_000,
    });
  },
};

/** Errors block the export (warnings do not); the reason, the issues and the way to the first one are in Russian. */
export const ExportBlockedInRussian: Story = {
  name: 'Export blocked by errors (in Russian)',
  globals: { locale: 'ru' },
  tags: ['pinned-ru'],
  args: {
    previewUrl: null,
    defaultValue: defineFlowUi({
      logoUrl: 'http://cdn.example.com/logo.svg',
      tokens: { textColor: '#bbbbbb' },
      translation: { ru: { 'button.strat': 'Поехали' } },
    }),
  },
  play: async ({ canvas }) => {
    const download = canvas.getByRole('button', { name: 'Скачать' });
    await expect(download).toHaveAttribute('aria-disabled', 'true');
    await expect(download).toHaveAccessibleDescription(
      'Чтобы экспортировать, исправьте ошибки (2); предупреждения не мешают.',
    );
    await expect(canvas.queryByRole('textbox', { name: 'Экспортированный код' })).toBeNull();
    const logo = canvas.getByRole('textbox', { name: 'URL логотипа' });
    // The Russian issue texts are a chunk fetched on first use: a cold dev server on a busy
    // machine takes seconds to serve it (waitFor's default is 1 s).
    await waitFor(
      () =>
        expect(logo).toHaveAccessibleDescription(
          expect.stringContaining('URL логотипа должен использовать https'),
        ),
      { timeout: 10_000 },
    );
    await userEvent.click(canvas.getByRole('button', { name: 'К первой ошибке' }));
    await expect(logo).toHaveFocus();
  },
};

/**
 * A key of your own: the spec's `translation` takes any key, so the builder does too. The sandbox's
 * page does not read it, so it carries a note (not an error), and the export says which fields
 * are known to work only on the sandbox's page.
 */
export const CustomKey: Story = {
  name: 'A key the sandbox page does not know',
  args: {
    previewUrl: null,
    defaultValue: defineFlowUi({
      translation: { en: { 'acme.consent_footer': 'Acme keeps your data in Almaty' } },
    }),
  },
  play: async ({ canvas, globals }) => {
    const { m } = stringsOf(globals);
    const own = canvas.getByRole('textbox', { name: m.cellLabel('acme.consent_footer', 'en') });
    // A note, not an error: the field is valid and its description names the key.
    await expect(own).not.toHaveAttribute('aria-invalid');
    await waitFor(
      () => expect(own).toHaveAccessibleDescription(expect.stringContaining('acme.consent_footer')),
      {
        timeout: 10_000,
      },
    );
    await userEvent.type(canvas.getByRole('textbox', { name: m.newKey }), 'acme.consent_footer');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: m.language }), 'kk');
    await userEvent.type(canvas.getByRole('textbox', { name: m.text }), 'Acme деректерді Алматыда сақтайды');
    await userEvent.click(canvas.getByRole('button', { name: m.add }));
    await expect(canvas.getByRole('textbox', { name: m.cellLabel('acme.consent_footer', 'kk') })).toHaveValue(
      'Acme деректерді Алматыда сақтайды',
    );
    await expect(canvas.getByText(m.summary(0, 0))).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: m.exportOutput })).toHaveAccessibleDescription(
      expect.stringContaining(m.exportNote('translation')),
    );
  },
};
