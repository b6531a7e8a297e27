import type { Preview } from '@storybook/react-vite';
import {
  releaseStoryBackends,
  verigramLoader,
  withVerigram,
} from '../packages/react/src/stories/verigramLoader.tsx';
import './preview.css';
import { replayOnLocaleChange } from './replayOnLocaleChange.ts';

replayOnLocaleChange();

const preview: Preview = {
  parameters: {
    layout: 'padded',
    // Every story is checked by axe; a violation fails its test (pnpm test runs the stories).
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  // The kit's three languages (kk, ru, en), as the hosted page's. Stories read `globals.locale`; a story pinned to one
  // language sets `globals: { locale }` and the toolbar follows it.
  globalTypes: {
    locale: {
      description: 'Language of the kit and of created flows',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'ru', right: 'ru', title: 'Русский' },
          { value: 'kk', right: 'kk', title: 'Қазақша' },
        ],
        dynamicTitle: true,
      },
    },
  },
  // The one language switch: stories read `globals.locale` and have no locale control of their
  // own. The story tests start it at each of the three (vitest*.config.ts); the UI at English.
  initialGlobals: { locale: (import.meta.env.STORYBOOK_TEST_LOCALE as string | undefined) ?? 'en' },
  // A docs page per component (its description, props and stories), beside the MDX pages.
  tags: ['autodocs'],
  beforeEach: releaseStoryBackends,
  loaders: [verigramLoader],
  decorators: [withVerigram],
};

export default preview;
