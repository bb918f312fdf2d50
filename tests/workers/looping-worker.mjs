// A stage worker whose every task runs forever, as a page that sends the converter into a loop would.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  for (;;);
});
parentPort.postMessage('ready');
