// End-to-end tests of the standalone page in Debian's Chromium (playwright-core): `npm run test:e2e`
// (builds dist/page first). Kept apart from `npm test`, which ignores test/e2e.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 180_000,
  // One browser at a time: the suites share the machine with the build and with each other's downloads.
  maxWorkers: 1,
};
