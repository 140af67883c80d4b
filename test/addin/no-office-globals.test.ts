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

export function officeReferences(files: string[]): string[] {
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

test('the rule catches a reference (it can fail)', () => {
  const tmp = fs.mkdtempSync(path.join(SRC, '..', 'test', 'addin', '.probe-'));
  const file = path.join(tmp, 'leak.ts');
  try {
    fs.writeFileSync(file, "// Excel.run in a comment is fine\nconst s = 'Office.context';\nexport const x = () => Excel.run(async () => 1);\n");
    const found = codeOnly(fs.readFileSync(file, 'utf8')).split('\n').filter((l) => OFFICE_REFERENCE.test(l));
    expect(found).toEqual(['export const x = () => Excel.run(async () => 1);']);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
