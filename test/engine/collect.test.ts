import { describe, expect, it } from 'vitest';
import { collect } from '../../src/engine/collect.js';
import { OptionError, ProviderError } from '../../src/errors.js';
import { defineRegistry } from '../../src/model/registry.js';
import type { ProviderV1 } from '../../src/spec/v1/index.js';
import { mockProvider } from '../../src/testing/mock-provider.js';
import { smallRegistry } from '../fixtures.js';

const fixedNow = () => new Date('2026-11-01T10:00:00Z');

describe('collect', () => {
  it('ends every active account as a snapshot or a typed failure, in registry order', async () => {
    const registry = smallRegistry();
    const x = mockProvider({
      platform: 'x',
      values: { IndoreCollector: 77_000, JSIndore: 21_000 },
    });
    const facebook = mockProvider({ platform: 'facebook', values: { CollectorIndore: 33_000 } });
    const result = await collect(registry, { providers: [x, facebook], now: fixedNow });

    expect(result.snapshots.map((s) => [s.accountId, s.followers.value])).toEqual([
      ['collector-x', 77_000],
      ['collector-fb', 33_000],
      ['pr-x', 21_000],
      ['pr-collector-x', 77_000],
    ]);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['pr-ig', 'no-provider'],
      ['dhar-x', 'not-found'],
    ]);
    expect(result.failures[0]?.error).toBeInstanceOf(ProviderError);
    expect(result.failures[0]?.message).toContain('no provider for platform "instagram"');
    expect(result.snapshots[0]?.takenAt).toEqual(fixedNow());
    expect(result.stats).toMatchObject({
      accounts: 6,
      snapshots: 4,
      failures: 2,
      skipped: 1,
      batches: 2,
    });
  });

  it('fetches an account listed under two units once', async () => {
    const x = mockProvider({ platform: 'x', values: { IndoreCollector: 1 } });
    await collect(smallRegistry(), { providers: [x] });
    expect(x.calls).toHaveLength(1);
    expect(x.calls[0]?.handles).toEqual(['IndoreCollector', 'JSIndore', 'DharCollector']);
  });

  it('batches by maxBatchSize: N accounts cost ceil(N / batch) calls', async () => {
    const registry = manyAccounts(23);
    const x = mockProvider({ platform: 'x', maxBatchSize: 5, values: {} });
    const result = await collect(registry, { providers: [x] });
    expect(x.calls.map((c) => c.handles.length)).toEqual([5, 5, 5, 5, 3]);
    expect(result.failures).toHaveLength(23);
    expect(result.stats.batches).toBe(5);
  });

  it('keeps at most `concurrency` batches in flight per provider', async () => {
    let inFlight = 0;
    let peak = 0;
    const provider: ProviderV1 = {
      specificationVersion: 'v1',
      platform: 'x',
      name: 'counting',
      maxBatchSize: 1,
      async fetchBatch(accounts, context) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return accounts.map((a) => ({
          ok: true as const,
          snapshot: {
            accountId: a.id,
            platform: 'x',
            takenAt: context.now(),
            followers: { value: 1, min: 1, max: 1 },
            source: { provider: 'counting' },
          },
        }));
      },
    };
    const result = await collect(manyAccounts(12), { providers: [provider], concurrency: 3 });
    expect(peak).toBe(3);
    expect(result.snapshots).toHaveLength(12);
  });

  it('turns per-account failures, whole-batch errors, missing results and junk snapshots into typed failures', async () => {
    const registry = manyAccounts(4);
    const provider: ProviderV1 = {
      specificationVersion: 'v1',
      platform: 'x',
      name: 'flaky',
      maxBatchSize: 2,
      async fetchBatch(accounts, context) {
        if (accounts[0]?.handle === 'user2') throw new Error('socket hang up');
        return [
          // a snapshot whose bounds contradict its value
          {
            ok: true,
            snapshot: {
              accountId: accounts[0]!.id,
              platform: 'x',
              takenAt: context.now(),
              followers: { value: 10, min: 11, max: 12 },
              source: { provider: 'flaky' },
            },
          },
          // and nothing at all for the second account
        ];
      },
    };
    const result = await collect(registry, { providers: [provider] });
    expect(result.snapshots).toEqual([]);
    expect(result.failures.map((f) => [f.accountId, f.reason])).toEqual([
      ['a0', 'invalid-response'],
      ['a1', 'invalid-response'],
      ['a2', 'provider-error'],
      ['a3', 'provider-error'],
    ]);
    expect(result.failures[0]?.message).toMatch(
      /invalid snapshot \(followers\.min: min \(11\) must not exceed value \(10\)\)/,
    );
    expect(result.failures[1]?.message).toMatch(/returned no result for this account/);
    expect(result.failures[2]?.message).toMatch(
      /fetchBatch failed for 2 account\(s\): Error: socket hang up/,
    );
  });

  it('returns what it has when aborted; the rest are aborted failures', async () => {
    const controller = new AbortController();
    const x = mockProvider({
      platform: 'x',
      maxBatchSize: 1,
      values: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`user${i}`, i])),
      delayMs: (call) => (call.index === 0 ? 0 : 1_000),
    });
    const progress: number[] = [];
    const result = await collect(manyAccounts(6), {
      providers: [x],
      concurrency: 1,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type !== 'batch') return;
        progress.push(event.done);
        if (event.done === 1) controller.abort();
      },
    });
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['a0']);
    expect(result.failures.map((f) => f.reason)).toEqual(Array(5).fill('aborted'));
    expect(x.calls).toHaveLength(1);
    expect(progress).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('reports progress after every batch with running totals', async () => {
    const x = mockProvider({
      platform: 'x',
      maxBatchSize: 2,
      values: { user0: 1, user1: 2, user2: 3 },
    });
    const events: unknown[] = [];
    await collect(manyAccounts(3), {
      providers: [x],
      concurrency: 1,
      onProgress: (e) => events.push(e),
    });
    expect(events).toEqual([
      {
        type: 'batch',
        platform: 'x',
        provider: 'mock-x',
        bucket: 'x',
        batch: { done: 2, failed: 0 },
        done: 2,
        failed: 0,
        total: 3,
      },
      {
        type: 'batch',
        platform: 'x',
        provider: 'mock-x',
        bucket: 'x',
        batch: { done: 1, failed: 0 },
        done: 3,
        failed: 0,
        total: 3,
      },
    ]);
  });

  it('filters by account ids and platforms', async () => {
    const x = mockProvider({ platform: 'x', values: { IndoreCollector: 1, DharCollector: 2 } });
    const result = await collect(smallRegistry(), {
      providers: [x],
      accountIds: ['dhar-x', 'collector-fb'],
      platforms: ['x'],
    });
    expect(result.snapshots.map((s) => s.accountId)).toEqual(['dhar-x']);
    expect(result.failures).toEqual([]);
  });

  it('rejects bad options with what was expected', async () => {
    const registry = smallRegistry();
    const x = mockProvider({ platform: 'x', values: {} });
    await expect(collect(registry, { providers: [x], concurrency: 0 })).rejects.toThrow(
      'Expected `concurrency` to be an integer >= 1, got `0` (number)',
    );
    await expect(
      collect(registry, {
        providers: [x, mockProvider({ platform: 'x', name: 'other', values: {} })],
      }),
    ).rejects.toThrow(/the only provider for "x" \(mock-x is already given\)/);
    await expect(collect(registry, { providers: [{} as ProviderV1] })).rejects.toBeInstanceOf(
      OptionError,
    );
    await expect(collect(registry, undefined as never)).rejects.toBeInstanceOf(OptionError);
  });

  it('unknown collect option keys: a misspelt option is refused, with the closest one named', async () => {
    const registry = smallRegistry();
    const x = mockProvider({ platform: 'x', values: {} });
    const run = (options: object) => collect(registry, options as never);
    await expect(run({ providers: [x], concurency: 4 })).rejects.toThrow(
      'Expected `concurency` to be an option of collect() (did you mean `concurrency`?), got `4` (number)',
    );
    await expect(run({ provider: [x] })).rejects.toThrow(
      'Expected `provider` to be an option of collect() (did you mean `providers`?), got an array of 1',
    );
    await expect(run({ providers: [x], onprogress: () => {} })).rejects.toThrow(
      /did you mean `onProgress`\?/,
    );
    await expect(run({ providers: [x], http: { timeout: 5_000 } })).rejects.toThrow(
      "Expected `http.timeout` to be an option of collect()'s `http` (did you mean `http.timeoutMs`?), got `5000` (number)",
    );
    await expect(run({ providers: [x], http: { maxBody: 10 } })).rejects.toThrow(
      /did you mean `http\.maxBodyBytes`\?/,
    );
    await expect(run({ providers: [x], http: { retrys: 1 } })).rejects.toThrow(
      /did you mean `http\.retries`\?/,
    );
    // far from every option: the list of options instead
    await expect(run({ providers: [x], colour: 'red' })).rejects.toThrow(
      /Expected `colour` to be an option of collect\(\) \(one of `providers`, `concurrency`, .*`resume`, `coordinator`, `logger`\)/,
    );
    await expect(run({ providers: [x], http: 5 })).rejects.toThrow(
      'Expected `http` to be an object of HTTP options, got `5` (number)',
    );
    const error = await run({ providers: [x], concurency: 4 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).option).toBe('concurency');
    // a key set to undefined does nothing, and is let through
    await expect(run({ providers: [x], extra: undefined })).resolves.toHaveProperty('snapshots');
  });

  it("checks a provider's pacing policy too, naming the provider and the field", async () => {
    const registry = smallRegistry();
    const x = mockProvider({ platform: 'x', values: {} });
    const paced = (rateLimit: unknown) =>
      collect(registry, { providers: [{ ...x, rateLimit } as ProviderV1] });
    await expect(paced({ adaptive: { initialRate: 0 } })).rejects.toThrow(
      'Expected `providers[0].rateLimit.adaptive.initialRate` to be a positive number of requests per second',
    );
    await expect(paced({ adaptive: { initialRate: 5, maxRate: 2 } })).rejects.toThrow(
      'Expected `providers[0].rateLimit.adaptive.maxRate` to be at least initialRate (5)',
    );
    await expect(paced({ usageWindowMs: Number.NaN })).rejects.toThrow(
      /providers\[0\]\.rateLimit\.usageWindowMs/,
    );
    await expect(paced('fast')).rejects.toBeInstanceOf(OptionError);
    await expect(
      paced({ adaptive: { initialRate: 50 }, usageWindowMs: 60_000 }),
    ).resolves.toHaveProperty('snapshots');
  });
});

function manyAccounts(n: number) {
  return defineRegistry({
    units: [{ id: 'mp', kind: 'state', name: 'MP' }],
    accounts: Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      unit: 'mp',
      platform: 'x',
      handle: `user${i}`,
    })),
  });
}
