import { storybookProject } from './storybookProject.ts';

// The story tests with the toolbar on Kazakh (see vitest.config.ts).
export default storybookProject('kk');
