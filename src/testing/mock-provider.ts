import { setTimeout as delay } from 'node:timers/promises';
import { type FailureReason, OptionError, ProviderError } from '../errors.js';
import type { Account } from '../model/account.js';
import { type Count, exactCount, parseCountObject } from '../model/count.js';
import type { PlatformId } from '../model/platform.js';
import type { FetchContext, ProviderResult, ProviderV1 } from '../spec/v1/index.js';

/** A per-account failure a {@link mockProvider} should report. */
export interface MockFailure {
  fail: Exclude<FailureReason, 'no-provider' | 'aborted'>;
  message?: string;
}

/** What a {@link mockProvider} answers for one handle. */
export type MockValue = number | Count | MockFailure;

/** Options of {@link mockProvider}. */
export interface MockProviderOptions {
  platform: PlatformId;
  /** Answers by handle, as normalised in the registry (e.g. `'IndoreCollector'`). Others: not found. */
  values: Readonly<Record<string, MockValue>>;
  /** @default `mock-${platform}` */
  name?: string;
  /** @default 100 */
  maxBatchSize?: number;
  /**
   * Milliseconds each call waits, or a function of the call. An abort ends the wait: the call then
   * rejects with Node's `AbortError` (from `node:timers/promises`).
   * @default 0
   */
  delayMs?: number | ((call: MockCall) => number);
  /** Makes a whole call fail: return an error to throw it, `undefined` to answer normally. */
  batchError?: (call: MockCall) => Error | undefined;
}

/** One recorded `fetchBatch` call. */
export interface MockCall {
  /** 0 for the first call. */
  readonly index: number;
  /** Handles asked for, in order. */
  readonly handles: readonly string[];
  readonly accountIds: readonly string[];
  /** The collection clock's time when the call started. */
  readonly at: Date;
}

/** A provider that answers from a table, and records every call. */
export interface MockProvider extends ProviderV1 {
  /** Every call made so far, in order. */
  readonly calls: readonly MockCall[];
}

/**
 * A provider for tests: answers follower counts from a table, fails the accounts you say, waits
 * as long as you say, and records every call.
 *
 * @example
 * ```ts
 * const x = mockProvider({ platform: 'x', values: { IndoreCollector: 77_000, Gone: { fail: 'suspended' } } });
 * const result = await collect(registry, { providers: [x] });
 * expect(x.calls).toHaveLength(1);
 * ```
 */
export function mockProvider(options: MockProviderOptions): MockProvider {
  const { platform, values, maxBatchSize = 100, delayMs = 0 } = options;
  if (!Number.isSafeInteger(maxBatchSize) || maxBatchSize < 1) {
    throw new OptionError('maxBatchSize', 'an integer >= 1', maxBatchSize);
  }
  const name = options.name ?? `mock-${platform}`;
  const table = new Map<string, Count | MockFailure>();
  for (const [handle, value] of Object.entries(values)) {
    table.set(handle.toLowerCase(), toAnswer(handle, value));
  }
  const calls: MockCall[] = [];

  return {
    specificationVersion: 'v1',
    platform,
    name,
    maxBatchSize,
    calls,
    async fetchBatch(
      accounts: readonly Account[],
      context: FetchContext,
    ): Promise<ProviderResult[]> {
      const call: MockCall = {
        index: calls.length,
        handles: accounts.map((a) => a.handle),
        accountIds: accounts.map((a) => a.id),
        at: context.now(),
      };
      calls.push(call);
      const wait = typeof delayMs === 'function' ? delayMs(call) : delayMs;
      if (wait > 0) await delay(wait, undefined, { signal: context.signal });
      const error = options.batchError?.(call);
      if (error) throw error;
      return accounts.map((account): ProviderResult => {
        const answer = table.get(account.handle.toLowerCase());
        if (answer === undefined || 'fail' in answer) {
          const reason = answer?.fail ?? 'not-found';
          return {
            ok: false,
            accountId: account.id,
            error: new ProviderError(answer?.message ?? `${reason}: "${account.handle}"`, {
              platform,
              provider: name,
              reason,
              accountId: account.id,
            }),
          };
        }
        return {
          ok: true,
          snapshot: {
            accountId: account.id,
            platform,
            takenAt: context.now(),
            followers: answer,
            source: { provider: name },
          },
        };
      });
    },
  };
}

function toAnswer(handle: string, value: MockValue): Count | MockFailure {
  if (typeof value === 'number') return exactCount(value);
  if (typeof value === 'object' && value !== null && 'fail' in value) return value;
  return parseCountObject(value, `mockProvider values[${JSON.stringify(handle)}]`);
}
