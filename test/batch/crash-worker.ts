// A batch worker that dies on chosen files, for the worker-crash tests (runPool's `workerScript` option).
// A task whose file name contains “崩溃-exit” ends the thread with process.exit(7); “崩溃-throw” throws an
// uncaught error; “卡住” never finishes (a busy loop, as a pathological file would). Every other task goes to the
// real worker (src/cli/batch/worker.ts), whose listener comes second.
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import type { BatchTask } from '../../src/cli/batch';

parentPort?.on('message', (msg: { id: number; task: BatchTask }) => {
  const name = basename(msg.task.file);
  if (name.includes('崩溃-exit')) process.exit(7);
  if (name.includes('崩溃-throw')) throw new Error(`测试：工作线程在处理 ${name} 时崩溃`);
  if (name.includes('卡住')) for (;;);
});

// Required after the listener above (an import would be hoisted and registered first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../src/cli/batch/worker');
