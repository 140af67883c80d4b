// Worker thread entry for a single-file command run under --timeout: runs main() on the arguments it is
// given and posts each output line and the exit code back (src/cli/timed-run.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { main } from './main';

if (parentPort) {
  const port = parentPort;
  const argv = (workerData as { argv: string[] }).argv;
  void main(argv, { out: (text) => port.postMessage({ out: text }), err: (text) => port.postMessage({ err: text }) }).then((code) =>
    port.postMessage({ code }),
  );
}
