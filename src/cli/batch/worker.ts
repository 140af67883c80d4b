// Worker thread entry: runs one batch task per message and posts its row back.
import { parentPort } from 'node:worker_threads';
import { runTask, type BatchTask } from './task';

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: { id: number; task: BatchTask }) => {
    runTask(msg.task).then(
      (row) => port.postMessage({ id: msg.id, row }),
      (e: unknown) => port.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}
