import { STATE_FOLDER } from './post-state.js';

/**
 * The files of an export that describe its last run, not the blog: what the run did, its id and times,
 * the lock it held. Everything else in the folder comes out byte for byte the same on a run that finds
 * nothing changed, so a backup kept in git leaves these out (the batch's commit script and its starter
 * `.gitignore` name the same files) and commits only when the blog changed.
 */
export const RUN_BOOKKEEPING: readonly string[] = ['changes.json', `${STATE_FOLDER}/run.json`, `${STATE_FOLDER}/lock`];
