import pLimit from 'p-limit';
import type { ProviderError } from '../errors.js';
import type { Account } from '../model/account.js';
import type { Snapshot } from '../model/snapshot.js';
import type { FetchContext, NoticeCode, ProviderV1 } from '../spec/v1/index.js';
import type { CollectProgress, ResolvedOptions } from './collect-options.js';
import type { BucketGate } from './coordinator.js';
import { createHttpClient, type HttpStats } from './http-client.js';
import { genericLimits } from './limits.js';
import { log } from './log.js';
import type { OutcomeLedger } from './outcome-ledger.js';
import type { RateGateOptions } from './rate-gate.js';
import { redactText } from './redact.js';
import type { RetryBudget } from './retry-budget.js';
import { abortedError, runBatch } from './run-batch.js';
import type { StoreWriter } from './store-writer.js';

/** What every bucket of one collection shares. */
export interface CollectionRun {
  /** The collection's options, checked and with every default filled in. */
  readonly options: ResolvedOptions;
  readonly ledger: OutcomeLedger;
  readonly writer: StoreWriter;
  /** The retry budget the buckets' HTTP clients draw on. */
  readonly budget: RetryBudget;
  /** Requests, retries and throttles (the HTTP clients count them), and batches (the runners). */
  readonly counters: HttpStats & { batches: number };
  /** Hands an event to `onProgress`; a listener that throws does not break the collection. */
  report(event: CollectProgress): void;
  /** Makes a bucket's rate gate: a private `RateGate`, or the coordinator's shared one. */
  gate(options: RateGateOptions): BucketGate;
}

/** The longest notice message passed on. */
const MAX_NOTICE = 500;

/**
 * The work of one rate bucket (platform + credential + host): its rate gate, its HTTP client, its
 * p-limit, and its batches, each chunked by the provider's `maxBatchSize` and settled in the
 * collection's ledger. Once the platform refuses the bucket's credential, the bucket's other
 * batches are not sent: their accounts fail with that refusal.
 */
export class BucketRunner {
  /** The bucket's rate gate; its `waitedMs` goes into the collection's `throttledMs`. */
  readonly gate: BucketGate;
  readonly #run: CollectionRun;
  readonly #provider: ProviderV1;
  readonly #bucket: string;
  readonly #context: FetchContext;
  #refused: ProviderError | undefined;

  constructor(run: CollectionRun, provider: ProviderV1, bucket: string) {
    const { options } = run;
    this.#run = run;
    this.#provider = provider;
    this.#bucket = bucket;
    const now = () => options.now().getTime();
    this.gate = run.gate({
      key: bucket,
      concurrency: options.concurrency,
      adaptive: provider.rateLimit?.adaptive,
      usageWindowMs: provider.rateLimit?.usageWindowMs,
      failureThreshold: options.http.failureThreshold,
      circuitCooldownMs: options.http.circuitCooldownMs,
      now,
      onWait: (until, reason) => {
        run.report({ type: 'waiting', ...this.#about(), until: new Date(until), reason });
        const ms = Math.max(0, until - now());
        log(
          options.logger,
          'info',
          { event: 'wait', ...this.#about(), reason, until: new Date(until).toISOString(), ms },
          `${provider.platform} waits ${Math.round(ms / 1000)} s (${reason}) until ${new Date(until).toISOString()}`,
        );
      },
    });
    const http = createHttpClient({
      platform: provider.platform,
      provider: provider.name,
      bucket,
      gate: this.gate,
      readLimits: provider.readLimits ?? genericLimits,
      budget: run.budget,
      stats: run.counters,
      secrets: run.ledger.secrets,
      signal: options.signal,
      now,
      http: options.http,
      logger: options.logger,
    });
    this.#context = {
      signal: options.signal,
      now: options.now,
      http,
      notice: (code, message) => this.#notice(code, message),
    };
  }

  /**
   * Runs the bucket's accounts, grouped by real account (entries sharing a handle together), in
   * batches of at most `maxBatchSize` groups, at most `concurrency` at once. Resolves when every
   * batch has settled its accounts.
   */
  async run(groups: readonly (readonly Account[])[]): Promise<void> {
    const limit = pLimit(this.#run.options.concurrency);
    const batches = chunks(groups, this.#provider.maxBatchSize);
    let notStarted = batches.length;
    this.gate.expect(notStarted);
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          this.gate.expect(--notStarted);
          await this.#runBatch(batch);
        }),
      ),
    );
  }

  /** Stops the gate: no timer is left behind. */
  close(): void {
    this.gate.close();
  }

  /**
   * One batch: fetched, settled, stored (one put), then reported. The write does not hold the
   * batch's slot (see {@link StoreWriter}) unless `concurrency` writes are already waiting, so
   * a store slower than the requests cannot pile them up.
   */
  async #runBatch(batch: readonly (readonly Account[])[]): Promise<void> {
    const { ledger, options, writer } = this.#run;
    const before = { done: ledger.done, failed: ledger.failed };
    let written: Promise<void> | undefined;
    if (options.signal.aborted || this.#refused) {
      for (const group of batch) {
        for (const account of group) {
          ledger.fail(account, this.#refused ?? abortedError(this.#provider, account));
        }
      }
    } else {
      this.#run.counters.batches++;
      const fresh: Snapshot[] = [];
      const batchError = await runBatch(this.#provider, batch, this.#context, (entry, result) => {
        ledger.settle(entry, result);
        if (result.ok) fresh.push(result.snapshot);
      });
      if (batchError?.reason === 'unauthorized') this.#refused = batchError;
      written = writer.start(fresh);
      if (written && writer.writing > options.concurrency) await written;
    }
    const event: CollectProgress = {
      type: 'batch',
      ...this.#about(),
      batch: { done: ledger.done - before.done, failed: ledger.failed - before.failed },
      done: ledger.done,
      failed: ledger.failed,
      total: ledger.total,
    };
    writer.after(written, () => this.#run.report(event));
  }

  /** A provider's notice, as a `notice` event: redacted, and cut to {@link MAX_NOTICE} characters. */
  #notice(code: NoticeCode, message: string): void {
    const text = redactText(String(message).slice(0, 2_000), this.#run.ledger.secrets);
    this.#run.report({ type: 'notice', ...this.#about(), code, message: cut(text, MAX_NOTICE) });
  }

  /** What every event of this bucket names. */
  #about() {
    return {
      platform: this.#provider.platform,
      provider: this.#provider.name,
      bucket: this.#bucket,
    };
  }
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
