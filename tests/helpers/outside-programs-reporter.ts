// After a run, one line per missing outside program: how many tests it cost and how to install it.

import type { Reporter, TestModule } from 'vitest/node';
import { MISSING_PROGRAMS_META, OUTSIDE_PROGRAMS, type OutsideProgram } from './outside-programs-list.js';

export default class OutsideProgramsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = new Map<OutsideProgram, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const missing = test.meta()[MISSING_PROGRAMS_META] ?? [];
        for (const program of missing) skipped.set(program, (skipped.get(program) ?? 0) + 1);
      }
    }
    for (const [program, count] of skipped) {
      const tests = count === 1 ? '1 test' : `${count} tests`;
      process.stdout.write(`${program} not installed: ${tests} skipped (${OUTSIDE_PROGRAMS[program].install})\n`);
    }
  }
}
