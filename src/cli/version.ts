// The version `final-accounts --version` prints: package.json's, read where the CLI runs (src/ or lib/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function packageVersion(): string {
  // src/cli and lib/cli are both two folders below package.json.
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '';
}
