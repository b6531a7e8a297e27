import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'proxy',
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
