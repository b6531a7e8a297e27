import { storybookProject } from './storybookProject.ts';

// The story tests with the toolbar on English; vitest.ru.config.ts and vitest.kk.config.ts run
// them again in Russian and Kazakh, as a designer switching the toolbar would see them.
export default storybookProject('en');
