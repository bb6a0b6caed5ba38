import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireProgram, schedulingFiles } from './helpers.js';

/**
 * The files docs/scheduling.md gives, read from it (a block after `<!-- file: name -->`), checked
 * by the tools that will read them. The crontab line's command is run in bin.test.ts, against the
 * installed package.
 */
const has = (command: string) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const dir = mkdtempSync(join(tmpdir(), 'social-reach-sched-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

requireProgram(has('systemd-analyze'), 'systemd-analyze', 'systemd');

describe('docs/scheduling.md', () => {
  const files = schedulingFiles();

  it('gives a crontab, a systemd service and timer, a Windows script and a workflow', () => {
    expect([...files.keys()].sort()).toEqual([
      'collect.cmd',
      'collect.yml',
      'crontab',
      'social-reach.service',
      'social-reach.timer',
    ]);
  });

  it.runIf(has('systemd-analyze'))(
    'systemd-analyze verify accepts the service and the timer',
    () => {
      // the paths of the example pointed at a folder that exists here, with an executable in it
      const opt = join(dir, 'opt');
      mkdirSync(join(opt, 'node_modules/.bin'), { recursive: true });
      writeFileSync(join(opt, 'node_modules/.bin/social-reach'), '#!/bin/sh\nexit 0\n');
      chmodSync(join(opt, 'node_modules/.bin/social-reach'), 0o755);
      const units = join(dir, 'units');
      mkdirSync(units);
      for (const name of ['social-reach.service', 'social-reach.timer']) {
        const text = files
          .get(name)!
          .replaceAll('/opt/social-reach', opt)
          // the example's system user does not exist on this machine
          .replace(/^(User|Group)=reach$/gm, `$1=${process.getuid?.() === 0 ? 'root' : 'nobody'}`);
        writeFileSync(join(units, name), text);
      }
      const verify = (paths: string[]) =>
        execFileSync('systemd-analyze', ['verify', ...paths], { encoding: 'utf8', stdio: 'pipe' });
      verify([join(units, 'social-reach.service'), join(units, 'social-reach.timer')]);
      // and the check can fail: a timer with a calendar systemd cannot read
      writeFileSync(
        join(units, 'social-reach.timer'),
        files.get('social-reach.timer')!.replace('06:30:00', '26:30:00'),
      );
      expect(() => verify([join(units, 'social-reach.timer')])).toThrow();
      // the calendar means 06:30 India time: 01:00 UTC
      const next = execFileSync(
        'systemd-analyze',
        ['calendar', '--iterations=1', '*-*-* 06:30:00 Asia/Kolkata'],
        { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      );
      expect(next).toMatch(/Next elapse: \w+ \d{4}-\d\d-\d\d 01:00:00 UTC/);
    },
  );

  it('the workflow is YAML with the schedule in UTC and the credentials from secrets', () => {
    const yml = files.get('collect.yml')!;
    const json = execFileSync(
      'python3',
      ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'],
      { input: yml, encoding: 'utf8' },
    );
    const workflow = JSON.parse(json);
    // (YAML 1.1 reads the key `on` as true)
    const on = workflow.on ?? workflow.true;
    expect(on.schedule).toEqual([{ cron: '0 1 * * *' }, { cron: '0 3 * * *' }]);
    const steps = workflow.jobs.collect.steps as { run?: string; env?: Record<string, string> }[];
    const collect = steps.find((s) => s.run?.includes('social-reach collect'))!;
    for (const value of Object.values(collect.env ?? {}))
      expect(value).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
    expect(workflow.concurrency.group).toBe('social-reach-collect');
  });
});
