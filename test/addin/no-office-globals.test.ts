// The core, readers, generator and shared pane logic never touch Excel.* / Office.*: only the Office
// adapter, the pane's bootstrap (office-host.ts) and the ribbon commands may.
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');
const ALLOWED = [/^adapters\/office\//, /^taskpane\/office-host\.ts$/, /^commands\/commands\.ts$/];
const OFFICE_REFERENCE = /\b(Excel|Office|OfficeExtension)\s*\.\s*[A-Za-z_]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

function codeOnly(text: string): string {
  // Comments and string literals may name Excel; code may not.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, '""');
}

function officeReferences(files: string[]): string[] {
  return files.flatMap((file) => {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (ALLOWED.some((a) => a.test(rel))) return [];
    const lines = codeOnly(fs.readFileSync(file, 'utf8')).split('\n');
    return lines.flatMap((line, i) => (OFFICE_REFERENCE.test(line) || /types="office-js"/.test(line) ? [`${rel}:${i + 1}: ${line.trim()}`] : []));
  });
}

test('no Excel.* or Office.* reference outside the Office adapter and the bootstraps', () => {
  expect(officeReferences(sourceFiles(SRC))).toEqual([]);
});

test('the rule catches a reference (it can fail), and lets the allowed files through', () => {
  const tmp = fs.mkdtempSync(path.join(SRC, '..', 'test', 'addin', '.probe-'));
  const file = path.join(tmp, 'leak.ts');
  try {
    fs.writeFileSync(file, "// Excel.run in a comment is fine\nconst s = 'Office.context';\nexport const x = () => Excel.run(async () => 1);\n");
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    expect(officeReferences([file])).toEqual([`${rel}:3: export const x = () => Excel.run(async () => 1);`]);
    // The bootstrap does reference Office; it is not reported because it is allowed.
    const host = path.join(SRC, 'taskpane', 'office-host.ts');
    expect(officeReferences([host])).toEqual([]);
    expect(OFFICE_REFERENCE.test(codeOnly(fs.readFileSync(host, 'utf8')))).toBe(true);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
