import { storybookProject } from './storybookProject.ts';

// The story tests with the toolbar on Russian (see vitest.config.ts).
export default storybookProject('ru');
