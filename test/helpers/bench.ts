import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from './site';

/**
 * `npm run bench -- --quick` at tiny sizes, run as a user runs it, so the harness
 * cannot rot: every section prints its rows, each with a figure, and each row that
 * names a baseline has its ratio. Nothing here is timed; the figures are not checked.
 */
export function runBench(sections: string[]): { section: string; what: string; value: string; baseline: string; ratio: string }[] {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(REPO, 'bench/run.ts'), '--quick', `--only=${sections.join(',')}`], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 600_000,
  });
  assert.equal(r.status, 0, `the bench failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| section') && !l.startsWith('| ---')).map((l) => {
    const [section, what, value, baseline, ratio] = l.slice(2, -2).split(' | ');
    return { section, what, value, baseline, ratio };
  });
}

