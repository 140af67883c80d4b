// The behaviour baseline: what `check` reports and `generate` writes for the bundled examples, for seeded
// edits of them and for seeded synthetic units, without message text. `npm run baseline` rewrites
// test/fixtures/behaviour/baseline.json; test/app/behaviour-unchanged.test.ts compares the code with it, so a
// refactor that changes a finding or a generated cell fails. Rewrite it only for an intended change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { behaviourOf } from '../test/helpers/behaviour';

async function main(): Promise<void> {
  const out = join(__dirname, '..', 'test', 'fixtures', 'behaviour', 'baseline.json');
  const data = await behaviourOf();
  writeFileSync(out, JSON.stringify(data, null, 1) + '\n');
  console.log(`wrote ${out}: ${Object.keys(data).length} cases`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
