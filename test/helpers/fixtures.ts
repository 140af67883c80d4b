// The public reference facts the tests compare against, committed under test/fixtures/ (sources in its
// README.md). A missing fixture throws, so a test that needs one fails instead of skipping.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '..', 'fixtures');

/** Absolute path of `test/fixtures/<name>`; throws if the file is not there. */
export function fixturePath(name: string): string {
  const path = join(FIXTURES, name);
  if (!existsSync(path)) throw new Error(`missing test fixture test/fixtures/${name} (see test/fixtures/README.md)`);
  return path;
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function readJsonFixture<T = unknown>(name: string): T {
  return JSON.parse(readFixture(name)) as T;
}
