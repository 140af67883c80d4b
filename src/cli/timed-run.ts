// --timeout for a single-file command: the command runs on a worker thread (as batch files do) and is
// stopped when it takes longer, so one pathological workbook cannot hold the terminal indefinitely.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnWorker } from './batch/pool';

export interface LineOutput {
  out(text: string): void;
  err(text: string): void;
}

type Message = { out: string } | { err: string } | { code: number };

function entry(): string {
  const js = join(__dirname, 'single-worker.js');
  return existsSync(js) ? js : join(__dirname, 'single-worker.ts');
}

/** Runs `main(argv)` on a worker; after `seconds` it is stopped with a Chinese message and exit code 2. */
export function runWithTimeout(argv: string[], seconds: number, io: LineOutput, file: string): Promise<number> {
  return new Promise((resolve) => {
    const worker = spawnWorker(entry(), { argv });
    let settled = false;
    const settle = (code: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(code);
    };
    const timer = setTimeout(() => {
      io.err(`错误：处理“${file}”超过 ${seconds} 秒仍未完成，已中止（--timeout ${seconds}）。文件可能异常庞大或结构异常；没有写出任何结果文件。`);
      settle(2);
    }, seconds * 1000);
    worker.on('message', (m: Message) => {
      if ('out' in m) io.out(m.out);
      else if ('err' in m) io.err(m.err);
      else settle(m.code);
    });
    worker.on('error', (e) => {
      io.err(`内部错误：${e.message}`);
      settle(2);
    });
    worker.on('exit', (code) => {
      if (!settled) {
        io.err(`内部错误：处理“${file}”的线程意外退出（代码 ${code}）。`);
        settle(2);
      }
    });
  });
}
