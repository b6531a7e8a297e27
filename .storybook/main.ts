import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  // The docs pages first: a designer lands on the introduction, then the tokens.
  stories: [
    './docs/*.mdx',
    '../packages/*/src/**/*.stories.@(ts|tsx)',
    '../apps/*/src/**/*.stories.@(ts|tsx)',
  ],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // Storybook's own "Get started" checklist (how to write stories) is noise for the designers this
  // Storybook is for.
  features: { sidebarOnboardingChecklist: false },
  // Dependencies reached only through the kit's lazy chunks (the QR code of the phone hand-off) are
  // found by Vite's scanner late, mid-test, and the reload that follows flakes the story tests.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'qrcode-generator'],
    },
  }),
};

export default config;
