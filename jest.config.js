/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  // Sized for a busy 2-core machine (a webpack build or a second test run alongside), where a test takes 2-4 times
  // as long as on an idle one: jest's default of 5 s failed tests that take 1-2 s idle. The tests that are slow by
  // nature (a tsc build, worker threads, Fluent UI in jsdom, very large mark sets) set their own limit and say why.
  testTimeout: 30_000,
  // maxWorkers is left to jest (cores − 1): on 2 cores that is one worker, which leaves the other core to a build.
  // Two workers there made single tests 2-4 times slower and the run no faster when a build was running.
};
