import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { loadQueueModule, redisTarget } from '../../src/cli/queue.js';
import { freePort } from '../redis/env.js';
import { testIo } from './helpers.js';

// The options of `collect --queue` and `worker`, in-process: every one bounded and checked, a
// Redis URL never shown with its password, a missing peer named. The runs themselves, with Redis
// and PostgreSQL, are in queue.test.ts (the installed bin as child processes).

const dir = mkdtempSync(join(tmpdir(), 'social-reach-queue-args-'));
writeFileSync(
  join(dir, 'registry.json'),
  JSON.stringify({
    units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh' } }],
    accounts: [{ id: 'mp-x', unit: 'mp', platform: 'x', handle: 'mp' }],
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 's3cret-Pa55word';
const DB = 'postgres://reach@127.0.0.1:1/reach';

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = testIo(dir, env);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe('redisTarget', () => {
  it('describes a URL without its user or password', () => {
    expect(redisTarget('redis://127.0.0.1:6379', '--queue', 'worker')).toEqual({
      url: 'redis://127.0.0.1:6379',
      description: 'redis://127.0.0.1:6379',
      secret: false,
    });
    const withLogin = redisTarget(`rediss://app:${SECRET}@queue.example.in:6380/2`, 'q', 'worker');
    expect(withLogin).toMatchObject({
      description: 'rediss://queue.example.in:6380/2',
      secret: true,
    });
    expect(redisTarget(`redis://:${SECRET}@h`, 'q', 'w')).toMatchObject({
      description: 'redis://h',
      secret: true,
    });
  });

  it.each([
    ['another scheme', `http://u:${SECRET}@127.0.0.1:6379`],
    ['no host', `redis://u:${SECRET}@`],
    ['not a URL', `${SECRET} redis`],
    ['a path that is not a database', `redis://u:${SECRET}@h:6379/${SECRET}`],
    ['too long', `redis://u:${SECRET}@h:6379/${'0'.repeat(2_100)}`],
  ])('refuses %s without quoting the value', (_, url) => {
    let message = '';
    try {
      redisTarget(url, '--queue <redis-url>', 'worker');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Expected --queue <redis-url> to be a Redis URL such as redis:\/\//);
    expect(message).toContain('not shown, as it may hold a password');
    expect(message).not.toContain(SECRET);
  });
});

describe('collect --queue and worker options', () => {
  it.each([
    [['collect', '--wait'], '--wait goes with --queue <redis-url>'],
    [['collect', '--run-id', 'x'], '--run-id goes with --queue <redis-url>'],
    [['collect', '--queue-name', 'x'], '--queue-name goes with --queue <redis-url>'],
    [['collect', '--queue', 'redis://h', '--resume'], 'A queued run resumes by itself'],
    [['collect', '--queue', 'redis://h', '--run-id', 'a b'], 'Expected --run-id <id> to be 1–64'],
    [['collect', '--queue', 'redis://h', '--run-id', 'r'.repeat(65)], 'Expected --run-id <id>'],
    [['collect', '--queue', 'redis://h', '--queue-name', 'a:b'], 'Expected --queue-name <name>'],
    [['collect', '--queue', 'redis://h', '--wait'], '--wait follows the run in the store'],
    [['collect', '--queue', 'redis://h', '--wait', '--data', 'd'], '--wait follows the run'],
    [['collect', '--queue', `ftp://u:${SECRET}@h`], 'Expected --queue <redis-url> to be a Redis'],
    [['worker'], "`social-reach worker` needs the queue's Redis: give --queue"],
    [['worker', '--queue', 'redis://h'], 'Workers write to one store they all share'],
    [['worker', '--queue', 'redis://h', '--data', 'd'], 'Unknown option --data'],
    [['worker', '--queue', 'redis://h', '--concurrency', '0'], 'from 1 to 100, got "0"'],
    [['worker', '--queue', 'redis://h', '--concurrency', '101'], 'from 1 to 100, got "101"'],
    [['worker', '--queue', 'redis://h', '--concurrency', '2.5'], 'from 1 to 100, got "2.5"'],
    [['worker', '--queue', 'redis://h', '--concurrency', 'all'], 'from 1 to 100, got "all"'],
    [['worker', '--queue', 'redis://h', '--queue-name', ''], 'Expected --queue-name <name>'],
    [['worker', '--queue'], '--queue <redis-url> needs a value'],
  ])('%j: exit 2, "%s"', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain(`See \`social-reach ${argv[0]} --help\`.`);
    expect(result.err).not.toContain(SECRET);
  });

  it('worker refuses to start without the credential of a platform of the registry (it may be given any job)', async () => {
    const result = await run(['worker', '--queue', 'redis://h', '--database-url', DB]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(
      'A worker needs the credential of every platform of the registry, as it may be given any job of the run; missing here: X: set X_BEARER_TOKEN',
    );
  });

  it('worker takes REDIS_URL and DATABASE_URL from the environment, REDIS_URL checked and never shown', async () => {
    const bad = await run(['worker'], { REDIS_URL: `mysql://u:${SECRET}@h`, DATABASE_URL: DB });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Expected REDIS_URL to be a Redis URL');
    expect(bad.err).not.toContain(SECRET);
  });

  it('collect ignores REDIS_URL: only --queue turns a run into jobs', async () => {
    // without --queue, REDIS_URL set, a collection in this process (no credentials: nothing to do)
    const result = await run(['collect', '--data', join(dir, 'data'), '--platform', 'x'], {
      REDIS_URL: 'not a url',
    });
    expect(result.err).not.toContain('REDIS_URL');
    expect(result.code).toBe(0);
  }, 120_000);

  it('Redis down: exit 1, naming the server without its password', async () => {
    const port = await freePort();
    const started = Date.now();
    const result = await run(
      ['worker', '--queue', `redis://app:${SECRET}@127.0.0.1:${port}`, '--database-url', DB],
      { X_BEARER_TOKEN: 'token' },
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `social-reach worker: Redis at redis://127.0.0.1:${port} did not answer within 5 s: check that the server is running`,
    );
    expect(result.err).not.toContain(SECRET);
    expect(Date.now() - started).toBeLessThan(15_000);
    const collect = await run(['collect', '--queue', `redis://:${SECRET}@127.0.0.1:${port}`]);
    expect(collect.code).toBe(1);
    expect(collect.err).toContain(`social-reach collect: Redis at redis://127.0.0.1:${port}`);
    expect(collect.err).not.toContain(SECRET);
  }, 60_000);

  it('help: both commands, with examples; the top help lists worker', async () => {
    const worker = await run(['worker', '--help']);
    expect(worker.code).toBe(0);
    expect(worker.out).toContain('Usage: social-reach worker [registry] [options]');
    expect(worker.out).toContain('--concurrency <n>');
    expect(worker.out).toContain('social-reach worker --queue redis://127.0.0.1:6379');
    const collect = await run(['collect', '--help']);
    expect(collect.out).toContain('--queue <redis-url>');
    expect(collect.out).toContain('--run-id <id>');
    expect(collect.out).toContain('social-reach collect --queue redis://127.0.0.1:6379');
    const top = await run(['--help']);
    expect(top.out).toMatch(/ {2}worker +Run the jobs of queued collections/);
  });
});

describe('the optional peers', () => {
  const missing = (name: string) => async (wanted: string) => {
    if (wanted === name) {
      throw Object.assign(new Error(`Cannot find package '${name}'`), {
        code: 'ERR_MODULE_NOT_FOUND',
      });
    }
  };
  it.each(['ioredis', 'bullmq'])(
    'a missing %s is named, with the line that installs both',
    async (name) => {
      const error = await loadQueueModule('social-reach worker', missing(name)).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        exitCode: 1,
        message: `social-reach worker needs the package ${name}, which is not installed: run \`npm install ioredis@6 bullmq@6\` where social-reach is installed`,
      });
    },
  );

  it('other import failures are not disguised', async () => {
    const broken = new SyntaxError('Unexpected token');
    await expect(
      loadQueueModule('x', async () => {
        throw broken;
      }),
    ).rejects.toBe(broken);
  });
});
