import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectResult, collect } from '../../src/engine/collect.js';
import type { CollectOptions } from '../../src/engine/collect-options.js';
import type { Count } from '../../src/model/count.js';
import { defineRegistry, type Registry } from '../../src/model/registry.js';
import type { ProviderV1 } from '../../src/spec/v1/index.js';
import {
  createFakePlatformServer,
  type FakeAccount,
  type FakeFault,
  type FakePlatform,
  type FakePlatformServer,
  type FakeServerOptions,
} from '../../src/testing/index.js';

/** What the provider conformance suite needs to know about one provider. */
export interface ProviderCase {
  platform: FakePlatform;
  /** Credentials the fake server demands; `secret` is the value that must never leak. */
  credentials?: FakeServerOptions['credentials'];
  secret?: string;
  make(server: FakePlatformServer): ProviderV1;
  /** The i-th test account as the server knows it, and its handle as a registry would hold it. */
  account(i: number): { fake: FakeAccount; handle: string };
  /** A valid handle the server does not know. */
  unknownHandle: string;
  /** The count a provider should report for an account. @default exact followers */
  expected?(fake: FakeAccount): Count;
  /**
   * Whether the platform's answer says whom it is about, so that an answer about another account
   * can be caught. Only Telegram's (a bare count) does not. @default true
   */
  answersNameTheAccount?: boolean;
}

/** Fast settings: real timers, short backoff, so a test takes milliseconds, not minutes. */
export const fastHttp: NonNullable<CollectOptions['http']> = { retryDelayMs: 5, timeoutMs: 2_000 };

export function registryOf(platform: string, handles: readonly string[]): Registry {
  return defineRegistry({
    units: [{ id: 'unit', kind: 'office', name: 'Test office' }],
    accounts: handles.map((handle, i) => ({ id: `acc${i}`, unit: 'unit', platform, handle })),
  });
}

/** Counts `Timeout` handles, to check that a collection leaves none behind. */
export function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
}

/**
 * The provider contract, checked against the fake platform server: every built-in provider passes
 * it, and each provider's own test file adds only what is particular to it.
 */
export function describeProviderConformance(name: string, c: ProviderCase): void {
  describe(`${name}: provider conformance`, () => {
    let server: FakePlatformServer;
    let provider: ProviderV1;
    const batch = () => provider.maxBatchSize;
    const n = () => 2 * batch() + 1;
    const accounts = () => Array.from({ length: n() }, (_, i) => c.account(i));
    const expected = (fake: FakeAccount): Count =>
      c.expected?.(fake) ?? { value: fake.followers, min: fake.followers, max: fake.followers };
    const run = (handles: readonly string[], options: Partial<CollectOptions> = {}) =>
      collect(registryOf(c.platform, handles), {
        providers: [provider],
        ...options,
        http: { ...fastHttp, ...options.http },
      });

    beforeAll(async () => {
      server = await createFakePlatformServer({ credentials: c.credentials });
      provider = c.make(server);
      server.setAccounts(accounts().map((a) => a.fake));
    });
    afterAll(() => server.close());

    it('declares the v1 contract', () => {
      expect(provider.specificationVersion).toBe('v1');
      expect(provider.platform).toBe(c.platform);
      expect(Number.isSafeInteger(provider.maxBatchSize) && provider.maxBatchSize >= 1).toBe(true);
      expect(inspect(provider, { depth: Infinity })).not.toContain(c.secret ?? '\u0000');
    });

    it('fetches every account in ceil(N / maxBatchSize) requests, with the counts the platform gives', async () => {
      server.reset();
      // The collection's clock, days behind the real one; it moves, as the rate gates wait on it.
      const start = Date.parse('2026-11-28T06:30:00Z');
      const t0 = Date.now();
      const list = accounts();
      const result = await run(
        list.map((a) => a.handle),
        { now: () => new Date(start + (Date.now() - t0)) },
      );
      expect(result.failures).toEqual([]);
      expect(result.snapshots.map((s) => s.followers)).toEqual(list.map((a) => expected(a.fake)));
      const taken = result.snapshots.map((s) => s.takenAt.getTime() - start);
      expect(taken.every((ms) => ms >= 0 && ms < 60_000)).toBe(true);
      expect(result.snapshots.every((s) => s.source.provider === provider.name)).toBe(true);
      expect(server.stats()[c.platform].requests).toBe(Math.ceil(n() / batch()));
      expect(result.stats.requests).toBe(Math.ceil(n() / batch()));
    });

    it('reports an unknown account as not-found, and keeps the rest of its batch', async () => {
      server.reset();
      const handles = [c.account(0).handle, c.unknownHandle];
      const result = await run(handles);
      expect(result.snapshots.map((s) => s.accountId)).toEqual(['acc0']);
      expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([['acc1', 'not-found']]);
    });

    if (c.answersNameTheAccount !== false) {
      it("defect 8: turns an answer about another account into that account's invalid-response, never its snapshot", async () => {
        server.reset();
        const asked = c.account(0);
        const other = c.account(1);
        server.inject(
          { kind: 'impostor', handle: other.fake.handle },
          { platform: c.platform, times: 10 },
        );
        try {
          const result = await run([asked.handle, c.account(2).handle], { concurrency: 1 });
          const impostor = expected(other.fake);
          expect(result.snapshots.some((s) => s.followers.value === impostor.value)).toBe(false);
          expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
            ['acc0', 'invalid-response'],
            ['acc1', 'invalid-response'],
          ]);
        } finally {
          server.clearFaults();
        }
      });
    }

    it('retries a transient 503 and gets the answer', async () => {
      server.reset();
      server.inject({ kind: 'status', status: 503 }, { platform: c.platform });
      const result = await run([c.account(0).handle]);
      expect(result.failures).toEqual([]);
      expect(result.stats.retries).toBe(1);
      expect(server.stats()[c.platform].requests).toBe(2);
    });

    it('on a throttle, pauses the bucket and sends the request once more (no ky retry)', async () => {
      server.reset();
      server.inject({ kind: 'rate-limit', retryAfter: '1' }, { platform: c.platform });
      const result = await run([c.account(0).handle]);
      expect(result.failures).toEqual([]);
      expect(result.stats).toMatchObject({ throttled: 1, rescheduled: 1, retries: 0 });
      expect(result.stats.throttledMs).toBeGreaterThanOrEqual(900);
      expect(server.stats()[c.platform].requests).toBe(2);
    });

    it('fails a batch whose answer is not JSON as invalid-response, and keeps the other batches', async () => {
      server.reset();
      server.inject({ kind: 'invalid-json' }, { platform: c.platform });
      const handles = Array.from({ length: batch() + 1 }, (_, i) => c.account(i).handle);
      const result = await run(handles, { concurrency: 1 });
      expect(result.failures.length).toBe(batch());
      expect(new Set(result.failures.map((f) => f.reason))).toEqual(new Set(['invalid-response']));
      expect(result.snapshots).toHaveLength(1);
    });

    it('ends in-flight work as aborted when cancelled, leaving no timer behind', async () => {
      server.reset();
      server.inject({ kind: 'hang' }, { platform: c.platform });
      const before = activeTimers();
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('stop')), 50);
      const result = await run([c.account(0).handle], { signal: controller.signal });
      expect(result.failures.map((f) => f.reason)).toEqual(['aborted']);
      expect(activeTimers()).toBeLessThanOrEqual(before);
    });

    if (c.secret) {
      it('never puts its credential in a snapshot, a failure or a progress event', async () => {
        server.reset();
        server.inject({ kind: 'status', status: 500 }, { platform: c.platform, times: 3 });
        server.inject({ kind: 'reset' }, { platform: c.platform });
        const events: unknown[] = [];
        const result = await run([c.account(0).handle, c.account(1).handle, c.unknownHandle], {
          concurrency: 1,
          onProgress: (e) => events.push(e),
        });
        expect(result.failures.length).toBeGreaterThan(0);
        const everything = [
          JSON.stringify(result),
          inspect(result, { depth: Infinity }),
          ...result.failures.flatMap((f) => [
            f.error.stack ?? '',
            inspect(f.error, { depth: Infinity }),
          ]),
          JSON.stringify(events),
        ].join('\n');
        expect(everything).not.toContain(c.secret);
      });
    }
  });
}

/** What a leak check needs: a server, the provider made from a secret, and the faults to try. */
export interface LeakCheck {
  server: FakePlatformServer;
  platform: FakePlatform;
  handles: readonly string[];
  /**
   * Faults to inject (three times each run). `ECHO` anywhere in a string of a fault (a body's
   * fields, a header, a redirect's Location) becomes the secret as a server may echo it: whole, in
   * upper, lower or mixed case, URL-encoded, or cut to a run of 8 or more characters.
   */
  faults: readonly FakeFault[];
  make(secret: string): ProviderV1;
  /** @default tokens of 12 to 60 URL-safe characters */
  secrets?: fc.Arbitrary<string>;
  /** The part of the secret that must not leak, when only part of it is secret (a bot id is not). */
  secretPart?(secret: string): string;
  numRuns?: number;
}

/**
 * A property: for random secrets, each fault and each way of echoing the secret, no run of 8
 * characters of the secret (in any case, raw or URL-encoded) appears anywhere a collection
 * reports: the result's JSON and inspection (snapshots included), each failure's inspection, the
 * message and stack of every error in its cause chain, and the progress events.
 */
export async function assertNoLeak(c: LeakCheck): Promise<void> {
  const secrets = (c.secrets ?? fc.stringMatching(/^[A-Za-z0-9%_-]{12,60}$/)).filter(isTokenLike);
  await fc.assert(
    fc.asyncProperty(
      secrets.chain((secret) => fc.tuple(fc.constant(secret), echoOf(secret))),
      fc.constantFrom(...c.faults),
      async ([secret, echo], fault) => {
        c.server.reset();
        c.server.clearFaults();
        c.server.inject(withEcho(fault, echo), { platform: c.platform, times: 3 });
        const events: unknown[] = [];
        const result = await collect(registryOf(c.platform, c.handles), {
          providers: [c.make(secret)],
          http: { ...fastHttp, timeoutMs: 200, retries: 1, maxWaitMs: 1_000 },
          onProgress: (e) => events.push(e),
        });
        expect(result.failures.length).toBeGreaterThan(0);
        const text = reportedText(result, events);
        const part = c.secretPart?.(secret) ?? secret;
        expect(runsOf(part, text)).toEqual([]);
        expect(runsOf(encodeURIComponent(part), text)).toEqual([]);
      },
    ),
    { numRuns: c.numRuns ?? 30 },
  );
}

/** A fault with `ECHO` replaced by `echo` in every string it holds. */
export function withEcho(fault: FakeFault, echo: string): FakeFault {
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('ECHO', echo);
    if (Array.isArray(value)) return value.map(replace);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    }
    return value;
  };
  return replace(fault) as FakeFault;
}

/**
 * Every run of 8 characters of `secret` found (in any case) in `text`: `[]` when none is. The
 * collection promises that no such run of a credential appears anywhere it reports.
 */
export function runsOf(secret: string, text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) {
    const run = secret.slice(i, i + 8).toLowerCase();
    if (lower.includes(run)) found.push(run);
  }
  return found;
}

/**
 * A secret with a real token's spread of characters. fast-check also tries `aaaaaaaaaaaa` and
 * `000000000000`, whose runs may legitimately appear in a report (a count, a date) by chance.
 */
export function isTokenLike(secret: string): boolean {
  return new Set(secret.toLowerCase()).size >= 8;
}

/** The ways a server may echo a secret: whole, in another case, URL-encoded, or cut (8+ chars). */
export function echoOf(secret: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(secret),
    fc.constant(secret.toUpperCase()),
    fc.constant(secret.toLowerCase()),
    fc.constant(encodeURIComponent(secret)),
    fc
      .tuple(fc.nat(secret.length - 8), fc.integer({ min: 8, max: secret.length }))
      .map(([from, length]) => secret.slice(from, from + length)),
    fc
      .array(fc.boolean(), { minLength: secret.length, maxLength: secret.length })
      .map((upper) =>
        [...secret].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''),
      ),
  );
}

/**
 * Everything a collection reports, as one text: the result's JSON and inspection, each failure's
 * inspection, the message and stack of every error in its cause chain, and the progress events.
 */
export function reportedText(result: CollectResult, events: readonly unknown[]): string {
  const seen = [JSON.stringify(result), inspect(result, { depth: Infinity })];
  for (const failure of result.failures) {
    seen.push(inspect(failure.error, { depth: Infinity, showHidden: true }));
    for (let e: unknown = failure.error; e instanceof Error; e = e.cause) {
      seen.push(e.message, e.stack ?? '');
    }
  }
  seen.push(JSON.stringify(events));
  return seen.join('\n');
}
