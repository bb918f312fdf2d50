// A worker thread of `StagePool`: runs one stage task per message and answers with its result or error.

import { parentPort } from 'node:worker_threads';
import { errorMessage } from '../errors.js';
import { runStageTask, type StageTask } from './pure-stages.js';

export type StageReply = { ok: true; value: unknown } | { ok: false; error: string };

parentPort?.on('message', (task: StageTask) => {
  let reply: StageReply;
  try {
    reply = { ok: true, value: runStageTask(task) };
  } catch (error) {
    reply = { ok: false, error: errorMessage(error) };
  }
  parentPort?.postMessage(reply);
});
// Every module is loaded: from here on, a worker that dies was killed by its task, not by its start.
parentPort?.postMessage('ready');
