import type { Meta, StoryObj } from '@storybook/react-vite';
import { defineFlowUi } from '@verigram-kit/core';
import { FlowUiBuilder } from './FlowUiBuilder.tsx';

// The preview frame points at a locally running sandbox (`pnpm sandbox`, port 4010). Without one
// the frame stays on "Connecting to the preview…", and the editor works all the same.
const meta = {
  title: 'react/FlowUiBuilder',
  component: FlowUiBuilder,
  args: { locale: 'en' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['kk', 'ru', 'en'] },
    previewUrl: { control: 'text' },
  },
} satisfies Meta<typeof FlowUiBuilder>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const AcmeBankInRussian: Story = {
  args: {
    locale: 'ru',
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
};

export const WithProblems: Story = {
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
};
