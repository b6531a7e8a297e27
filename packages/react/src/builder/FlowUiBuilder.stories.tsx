import type { Meta, StoryObj } from '@storybook/react-vite';
import { defineFlowUi } from '@verigram-kit/core/ui';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { previewPageUrl } from '../stories/previewPageUrl.ts';
import { FlowUiBuilder } from './FlowUiBuilder.tsx';

// The preview frame is the sandbox's own preview page as a blob: URL (no `pnpm sandbox` needed,
// and the static Storybook makes no network calls); it is not Verigram's hosted page. The
// builder's language follows the toolbar.
const meta = {
  title: 'react/FlowUiBuilder',
  component: FlowUiBuilder,
  render: (args, { globals }) => <FlowUiBuilder {...args} locale={args.locale ?? globals.locale} />,
  args: { previewUrl: previewPageUrl() },
  argTypes: {
    locale: { control: 'inline-radio', options: ['kk', 'ru', 'en'] },
    previewUrl: { control: 'text' },
  },
} satisfies Meta<typeof FlowUiBuilder>;

export default meta;
type Story = StoryObj<typeof meta>;

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
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByText('No problems found.')).toBeVisible();
    const page = await previewPage(canvasElement);
    await expect(await page.findByRole('heading', { name: 'Your consent' })).toBeVisible();
  },
};

export const AcmeBankInRussian: Story = {
  name: 'Branded (Acme Bank, in Russian)',
  globals: { locale: 'ru' },
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
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/^[1-9]\d* error\(s\), \d+ warning\(s\)\.$/)).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'button.strat, en' })).toHaveAccessibleDescription(
      expect.stringContaining('Did you mean "button.start"?'),
    );
  },
};

/** Errors block the export (warnings do not); the reason, the issues and the way to the first one are in Russian. */
export const ExportBlockedInRussian: Story = {
  name: 'Export blocked by errors (in Russian)',
  globals: { locale: 'ru' },
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
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('textbox', { name: 'acme.consent_footer, en' }),
    ).toHaveAccessibleDescription(
      'Note: "acme.consent_footer" is not known to the sandbox page; it may work on Verigram\'s page.',
    );
    await userEvent.type(canvas.getByRole('textbox', { name: 'Key' }), 'acme.consent_footer');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Language' }), 'kk');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Text' }), 'Acme деректерді Алматыда сақтайды');
    await userEvent.click(canvas.getByRole('button', { name: 'Add' }));
    await expect(canvas.getByRole('textbox', { name: 'acme.consent_footer, kk' })).toHaveValue(
      'Acme деректерді Алматыда сақтайды',
    );
    await expect(canvas.getByText('No problems found.')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Exported code' })).toHaveAccessibleDescription(
      expect.stringContaining('Known to work only on the sandbox page: translation.'),
    );
  },
};
