#!/usr/bin/env node
// `npm run demo`: check the bundled example, then generate the nine tables from the bundled working sheets.
// Outputs go to demo-output/ (recreated each run). Exits non-zero only when a command fails to run.
const { spawnSync } = require('node:child_process');
const { mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'bin', 'final-accounts.js');
const out = join(root, 'demo-output');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

function run(title, args) {
  console.log(`\n========== ${title} ==========\n$ final-accounts ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  // 0 = no error found, 1 = errors found (a result, not a failure), 2 = could not run.
  if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
}

run('检查示例工作簿（九张公开表 + 绩效自评表 + “情况说明”工作表）', [
  'check',
  'examples/fuzhou-gxj-2024.xlsx',
  '--marked',
  'demo-output/fuzhou-gxj-2024-已标记.xlsx',
]);
run('核对 Word 版情况说明中的每个数字（--narrative）', [
  'check',
  'examples/fuzhou-gxj-2024.xlsx',
  '--narrative',
  'examples/fuzhou-gxj-2024-narrative.docx',
]);
run('由底稿一键生成九张公开表', ['generate', 'examples/fuzhou-gxj-2024-workings.xlsx', '-o', 'demo-output/fuzhou-gxj-2024-workings-公开表.xlsx']);
console.log('\n输出在 demo-output/ 目录：已标记的检查副本和生成的公开表。');
