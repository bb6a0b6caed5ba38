import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakePlatformServer,
  type FakeAccount,
  type FakePlatformServer,
} from '../../src/testing/index.js';
import { schedulingFiles } from './helpers.js';
import { cleanEnv, installPackage, runBin, startBin } from './installed.js';

/**
 * `social-reach` as users run it: the packed package installed in an empty folder, its bin started
 * as a child process against the fake platform server on 127.0.0.1, the store a PGlite folder.
 */

const X_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAFakeBearerTokenForTheBinTest0123456789';
const YT_KEY = 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY';
const channel = (i: number) => `UC${String(i).padStart(22, '0')}`;

const execFileAsync = promisify(execFile);
const ESC = String.fromCharCode(27);

let installed: string;
let work: string;

beforeAll(() => {
  installed = installPackage();
  work = mkdtempSync(join(tmpdir(), 'social-reach-office-'));
}, 300_000);

afterAll(() => {
  for (const dir of [installed, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A folder of its own for a test, with a registry of `accounts` under one unit. */
function office(
  name: string,
  accounts: readonly { id: string; platform: string; handle: string }[],
) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'registry.json'),
    JSON.stringify({
      units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } }],
      accounts: accounts.map((a) => ({ ...a, unit: 'mp' })),
    }),
  );
  return dir;
}

const xAccounts = (n: number, from = 0): FakeAccount[] =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'x',
    handle: `office${from + i}`,
    followers: 10_000 + from + i,
  }));
const youtubeAccounts = (n: number, from = 0): FakeAccount[] =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'youtube',
    handle: channel(from + i),
    followers: 1_000 + from + i,
  }));
const registryOf = (fakes: readonly FakeAccount[]) =>
  fakes.map((f, i) => ({ id: `${f.platform}-${i}`, platform: f.platform, handle: f.handle }));

function envFor(server: FakePlatformServer, extra: Record<string, string> = {}) {
  return cleanEnv({
    X_BEARER_TOKEN: X_TOKEN,
    YOUTUBE_API_KEY: YT_KEY,
    SOCIAL_REACH_API_BASE: `x=${server.baseUrl('x')},youtube=${server.baseUrl('youtube')}`,
    ...extra,
  });
}

/** Every row of the PGlite folder: account and day, after the bin has ended (one process). */
async function storedRows(folder: string): Promise<{ account_id: string; n: number }[]> {
  const db = new PGlite(folder);
  try {
    const { rows } = await db.query<{ account_id: string; n: number }>(
      'SELECT account_id, count(*)::int AS n FROM social_reach_snapshots GROUP BY 1 ORDER BY 1',
    );
    return rows;
  } finally {
    await db.close();
  }
}

describe('the installed social-reach command', () => {
  it('init, validate, collect and report, each exiting 0', { timeout: 300_000 }, async () => {
    const fakes = xAccounts(30);
    const server = await createFakePlatformServer({ accounts: fakes, credentials: { x: X_TOKEN } });
    try {
      const dir = join(work, 'first');
      mkdirSync(dir);
      const env = envFor(server);
      const version = await runBin(installed, ['--version'], { cwd: dir, env });
      expect(version).toMatchObject({
        code: 0,
        stdout: `${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`,
      });
      const init = await runBin(installed, ['init', 'office'], { cwd: dir, env });
      expect(init.code).toBe(0);
      expect(readFileSync(join(dir, 'office/.env.example'), 'utf8')).toContain('X_BEARER_TOKEN=');
      // our own registry in place of the starting one
      writeFileSync(
        join(dir, 'office/registry.json'),
        readFileSync(join(office('first-registry', registryOf(fakes)), 'registry.json')),
      );
      const cwd = join(dir, 'office');
      const validate = await runBin(installed, ['validate'], { cwd, env });
      expect(validate).toMatchObject({ code: 0, stderr: '' });
      expect(validate.stdout).toMatch(/valid: 1 units?, 30 accounts: X \(Twitter\) 30/);

      const collect = await runBin(installed, ['collect', '--json'], { cwd, env });
      expect(collect.stderr).toBe('');
      expect(collect.code).toBe(0);
      const lines = collect.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines[0]).toMatchObject({ type: 'start', store: 'PGlite folder social-reach-data' });
      expect(lines.at(-1)).toMatchObject({
        type: 'summary',
        exitCode: 0,
        collected: 30,
        failed: 0,
      });
      // nothing a credential is made of reaches the log
      expect(collect.stdout).not.toContain(X_TOKEN);
      expect(collect.stdout).not.toContain(X_TOKEN.slice(-20));

      const report = await runBin(installed, ['report', '--format', 'csv'], { cwd, env });
      expect(report.code).toBe(0);
      expect(report.stdout).toContain('Madhya Pradesh');
      expect((await storedRows(join(cwd, 'social-reach-data'))).length).toBe(30);
    } finally {
      await server.close();
    }
  });

  it('exit codes: 2 bad input, 3 a refused credential, 4 a store in use', {
    timeout: 300_000,
  }, async () => {
    const fakes = xAccounts(5);
    const server = await createFakePlatformServer({ accounts: fakes, credentials: { x: X_TOKEN } });
    try {
      const cwd = office('codes', registryOf(fakes));
      const env = envFor(server);
      const unknown = await runBin(installed, ['collect', '--resum'], { cwd, env });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('--resume');
      const badDate = await runBin(installed, ['growth', '--from', '2026-13-01'], { cwd, env });
      expect(badDate.code).toBe(2);

      const refused = await runBin(installed, ['collect'], {
        cwd,
        env: envFor(server, {
          X_BEARER_TOKEN: 'AAAAAAAAAAAAAAAAAAAAAWrongTokenWrongTokenWrongToken',
        }),
      });
      expect(refused.stdout + refused.stderr).toContain(
        'X (Twitter) refused the credential: check X_BEARER_TOKEN',
      );
      expect(refused.code).toBe(3);
      expect(refused.stdout + refused.stderr).not.toContain('WrongTokenWrongToken');

      // a live process (this one) holds the folder
      writeFileSync(
        join(cwd, 'social-reach-data.lock'),
        JSON.stringify({
          command: 'collect',
          pid: process.pid,
          host: hostname(),
          since: '2026-12-03T08:00:00.000Z',
        }),
      );
      const busy = await runBin(installed, ['collect'], { cwd, env });
      expect(busy.code).toBe(4);
      expect(busy.stderr).toContain(
        `in use by social-reach collect (pid ${process.pid} on ${hostname()}`,
      );
      // one left by a process that has ended is taken over
      writeFileSync(
        join(cwd, 'social-reach-data.lock'),
        JSON.stringify({
          command: 'collect',
          pid: 2 ** 22 + 17,
          host: hostname(),
          since: '2026-12-03T08:00:00.000Z',
        }),
      );
      const after = await runBin(installed, ['collect'], { cwd, env });
      expect(after.code).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('Ctrl-C stops cleanly (130) and says how to resume; collect --resume completes the run with no duplicate and nothing lost', {
    timeout: 400_000,
  }, async () => {
    const fakes = xAccounts(1200);
    // slow answers, so that the run is still going when it is interrupted
    const server = await createFakePlatformServer({
      accounts: fakes,
      credentials: { x: X_TOKEN },
      latencyMs: 400,
    });
    try {
      const cwd = office('interrupt', registryOf(fakes));
      const env = envFor(server);
      const first = startBin(installed, ['collect'], { cwd, env });
      // the first batches stored (how many a progress line counts depends on the machine)
      await first.waitFor(/X \(Twitter\): [1-9]\d* done/, 240_000);
      first.child.kill('SIGINT');
      const stopped = await first.done;
      expect(stopped.stdout + stopped.stderr).toMatch(/stopping/);
      expect(stopped.code).toBe(130);
      expect(stopped.stdout).toMatch(
        /Interrupted after \d+ s: \d+ of 1200 accounts have today's figure/,
      );
      const resumeLine = /To complete today's run: (social-reach collect .*--resume)/.exec(
        stopped.stdout,
      );
      expect(resumeLine?.[1]).toBe('social-reach collect --resume');
      const partial = await storedRows(join(cwd, 'social-reach-data'));
      expect(partial.length).toBeGreaterThan(0);
      expect(partial.length).toBeLessThan(1200);

      const requestsBefore = server.requests.length;
      const resumed = await runBin(installed, ['collect', '--resume'], { cwd, env });
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).toContain(`(${partial.length} from an earlier run today)`);
      // only what was missing was asked for
      const asked = server.requests
        .slice(requestsBefore)
        .flatMap((r) => (r.query.get('usernames') ?? '').split(',').filter(Boolean));
      expect(asked.length).toBe(1200 - partial.length);
      const rows = await storedRows(join(cwd, 'social-reach-data'));
      expect(rows.length).toBe(1200); // nothing lost
      expect(rows.every((r) => r.n === 1)).toBe(true); // no duplicate
    } finally {
      await server.close();
    }
  });

  it("two processes on one day with one YouTube key stay inside the day's quota together", {
    timeout: 300_000,
  }, async () => {
    // 10 units a day on the server and for the command; 5% margin: 9 calls of 50 channels each
    const morning = youtubeAccounts(300);
    const evening = youtubeAccounts(300, 300);
    const server = await createFakePlatformServer({
      accounts: [...morning, ...evening],
      credentials: { youtube: YT_KEY },
      youtube: { quota: { unitsPerDay: 10 } },
    });
    try {
      const shared = join(work, 'quota-data');
      const env = envFor(server, { YOUTUBE_QUOTA_UNITS: '10' });
      const a = office('quota-a', registryOf(morning));
      const b = office('quota-b', registryOf(evening));
      const first = await runBin(installed, ['collect', '--data', shared, '--json'], {
        cwd: a,
        env,
      });
      expect(first.code).toBe(0);
      expect(server.stats().youtube.requests).toBe(6);
      const second = await runBin(installed, ['collect', '--data', shared, '--json'], {
        cwd: b,
        env,
      });
      expect(second.code).toBe(0);
      expect(server.stats().youtube).toMatchObject({ requests: 9, throttled: 0 });
      const summary = JSON.parse(second.stdout.trim().split('\n').at(-1)!);
      expect(summary).toMatchObject({ collected: 150, failed: 150 });
      expect(new Set(summary.failures.map((f: { reason: string }) => f.reason))).toEqual(
        new Set(['rate-limited']),
      );
      // a third run that day sends nothing
      const third = await runBin(installed, ['collect', '--data', shared], { cwd: b, env });
      expect(third.code).toBe(0);
      expect(server.stats().youtube.requests).toBe(9);
    } finally {
      await server.close();
    }
  });

  it('on a terminal (a pseudo-terminal from `script`), draws the live display with a wait in local time', {
    timeout: 300_000,
  }, async () => {
    const fakes = xAccounts(300);
    const server = await createFakePlatformServer({
      accounts: fakes,
      credentials: { x: X_TOKEN },
      limits: { x: { limit: 1, windowMs: 5_000 } },
    });
    try {
      const cwd = office('tty', registryOf(fakes));
      const env = { ...envFor(server), TERM: 'xterm', COLUMNS: '100' };
      const bin = join(installed, 'node_modules/.bin/social-reach');
      // script(1) runs the command on a pseudo-terminal and copies what it drew to stdout
      // (asynchronously: the fake server answers from this process)
      const { stdout: drawn } = await execFileAsync(
        'script',
        ['-qefc', `${bin} collect --time-zone Asia/Kolkata`, '/dev/null'],
        { cwd, env, encoding: 'utf8', timeout: 240_000 },
      );
      expect(drawn).toMatch(new RegExp(`${ESC}\\[\\d+F${ESC}\\[J`)); // redrawn in place
      expect(drawn).toContain('Collecting 300 accounts into the PGlite folder social-reach-data');
      expect(drawn).toMatch(
        /X \(Twitter\)\s+100\/300 +waiting for X \(Twitter\)'s window until \d\d:\d\d IST/,
      );
      expect(drawn).toMatch(/X \(Twitter\)\s+300\/300 +done/);
      expect(drawn).toContain('Collected 300 of 300 accounts');
    } finally {
      await server.close();
    }
  });

  it("docs/scheduling.md's crontab line runs: with cron's short PATH, from the folder, into its log", {
    timeout: 300_000,
  }, async () => {
    const fakes = xAccounts(12);
    const server = await createFakePlatformServer({ accounts: fakes, credentials: { x: X_TOKEN } });
    try {
      // the example's folder: the installation, a registry, an env file and logs/
      const opt = office('cron', registryOf(fakes));
      execFileSync('ln', ['-s', join(installed, 'node_modules'), join(opt, 'node_modules')]);
      mkdirSync(join(opt, 'logs'));
      writeFileSync(
        join(opt, '.env'),
        `X_BEARER_TOKEN=${X_TOKEN}\nSOCIAL_REACH_API_BASE=x=${server.baseUrl('x')}\n`,
      );
      const crontab = schedulingFiles().get('crontab')!;
      const entry = crontab.split('\n').find((line) => /^30 6 /.test(line))!;
      const command = entry.split(' ').slice(5).join(' ').replaceAll('/opt/social-reach', opt);
      const path = /^PATH=(.*)$/m.exec(crontab)![1]!;
      // cron runs the line with /bin/sh, its PATH and little else (node is where this one is)
      const { stdout } = await execFileAsync('/bin/sh', ['-c', command], {
        env: { PATH: `${dirname(process.execPath)}:${path}`, HOME: opt, SHELL: '/bin/sh' },
        encoding: 'utf8',
      });
      expect(stdout).toBe(''); // nothing for cron to mail: the run ended with 0
      const log = readFileSync(join(opt, 'logs/collect.log'), 'utf8');
      expect(log).toMatch(
        /^\d\d:\d\d:\d\d collecting 12 accounts into the PGlite folder social-reach-data$/m,
      );
      expect(log).toContain('Collected 12 of 12 accounts');
      // a run that fails is mailed: the registry broken
      writeFileSync(join(opt, 'registry.json'), '{"units": [');
      const failed = await execFileAsync('/bin/sh', ['-c', command], {
        env: { PATH: `${dirname(process.execPath)}:${path}`, HOME: opt },
        encoding: 'utf8',
      });
      expect(failed.stdout).toContain('social-reach collect ended with exit 2');
    } finally {
      await server.close();
    }
  });
});
