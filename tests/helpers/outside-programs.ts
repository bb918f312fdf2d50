// Gates tests on programs from outside npm (see outside-programs-list.ts). A program that is there: the
// tests run. One that is missing: they are skipped, and the reporter prints one line per program with its
// install command; under CI they fail instead, each saying what is missing.
//
// There is no gated `describe`: a failing `beforeAll` marks its tests skipped, not failed, so the tests
// themselves carry the gate (itWith) and a hook they share is gated alike (beforeAllWith).

import { spawnSync } from 'node:child_process';
import { beforeAll, it } from 'vitest';
import { MISSING_PROGRAMS_META, OUTSIDE_PROGRAMS, onCi, type OutsideProgram } from './outside-programs-list.js';

const installed = new Map<OutsideProgram, boolean>();

/** Whether `program` answers its probes; asked once per test file, whatever the number of tests. */
function isInstalled(program: OutsideProgram): boolean {
  let answer = installed.get(program);
  if (answer === undefined) {
    answer = OUTSIDE_PROGRAMS[program].probes.every(
      ([command, ...args]) => spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 }).status === 0,
    );
    installed.set(program, answer);
  }
  return answer;
}

/** The failure a CI run gives for a missing program. */
function missingOnCi(program: OutsideProgram): string {
  return `${program} is not installed, and CI runs every test that needs it (${OUTSIDE_PROGRAMS[program].install})`;
}

type Programs = OutsideProgram | readonly OutsideProgram[];
const missingOf = (programs: Programs) => [programs].flat().filter((program) => !isInstalled(program));

/** An `it` that needs `programs`. */
export function itWith(programs: Programs, name: string, test: () => Promise<void> | void, timeout?: number): void {
  const missing = missingOf(programs);
  if (missing.length === 0) it(name, test, timeout);
  else if (onCi()) {
    it(name, () => {
      throw new Error(missing.map(missingOnCi).join('; '));
    });
  } else it(name, { skip: true, meta: { [MISSING_PROGRAMS_META]: missing } }, test);
}

/** A `beforeAll` for tests that need `programs`: without them it does nothing, as those tests do not run. */
export function beforeAllWith(programs: Programs, hook: () => Promise<unknown> | unknown, timeout?: number): void {
  if (missingOf(programs).length === 0) beforeAll(hook, timeout);
}
