import {
  type FailureReason,
  formatIssues,
  ProviderError,
  SocialReachError,
  zodIssues,
} from '../errors.js';
import type { Account } from '../model/account.js';
import { isPlainSnapshot, Snapshot } from '../model/snapshot.js';
import type { FetchContext, ProviderResult, ProviderV1 } from '../spec/v1/index.js';
import { redactText } from './redact.js';

/**
 * Runs one batch through a provider and hands `settle` an outcome for every registry entry of it.
 * `groups` holds, per real account, the entries sharing it; the first entry of each group is sent.
 * Whatever the provider does (throws, answers for other accounts, leaves some out, returns junk),
 * each entry gets exactly one outcome. Returns the error that failed the whole batch, if any.
 */
export async function runBatch(
  provider: ProviderV1,
  groups: readonly (readonly Account[])[],
  context: FetchContext,
  settle: (entry: Account, result: ProviderResult) => void,
): Promise<ProviderError | undefined> {
  const sent = groups.map((group) => group[0]!);
  let results: ProviderResult[] = [];
  let batchError: ProviderError | undefined;
  try {
    results = await provider.fetchBatch(sent, context);
    if (!Array.isArray(results)) throw new TypeError('fetchBatch did not return an array');
  } catch (error) {
    batchError = context.signal.aborted ? undefined : toProviderError(provider, error, sent.length);
  }
  // Providers usually answer in the order asked; look results up by id only when they do not.
  let byId: Map<string, ProviderResult> | undefined;
  const resultFor = (account: Account, index: number): ProviderResult | undefined => {
    const same = results[index];
    if (same !== undefined && idOf(same) === account.id) return same;
    if (!byId) {
      byId = new Map();
      for (const result of results) {
        const id = idOf(result);
        if (typeof id === 'string' && !byId.has(id)) byId.set(id, result);
      }
    }
    return byId.get(account.id);
  };
  groups.forEach((group, index) => {
    const account = sent[index]!;
    let result: ProviderResult | undefined = resultFor(account, index);
    if (context.signal.aborted && !result?.ok) {
      result = { ok: false, accountId: account.id, error: abortedError(provider, account) };
    } else if (batchError) {
      result = { ok: false, accountId: account.id, error: batchError };
    } else if (!result) {
      result = failure(
        provider,
        account,
        'invalid-response',
        'returned no result for this account',
      );
    } else if (result.ok) {
      result = checkSnapshot(provider, account, result.snapshot);
    }
    for (const entry of group) settle(entry, retarget(result, entry));
  });
  return batchError;
}

function idOf(result: ProviderResult | undefined): unknown {
  return result?.ok ? result.snapshot?.accountId : result?.accountId;
}

/** The error every account of a batch gets when the batch never ran (cancelled). */
export function abortedError(provider: ProviderV1, account: Account): ProviderError {
  return new ProviderError('the collection was aborted before this account was fetched', {
    platform: provider.platform,
    provider: provider.name,
    reason: 'aborted',
    accountId: account.id,
  });
}

function checkSnapshot(provider: ProviderV1, account: Account, snapshot: unknown): ProviderResult {
  // The fast path accepts only what the schema would return unchanged; anything else goes through
  // the schema, which also says what is wrong.
  let checked: Snapshot;
  if (isPlainSnapshot(snapshot)) {
    checked = snapshot;
  } else {
    const parsed = Snapshot.safeParse(snapshot);
    if (!parsed.success) {
      const detail = formatIssues(zodIssues(parsed.error), { layout: 'inline' });
      return failure(
        provider,
        account,
        'invalid-response',
        `returned an invalid snapshot (${detail})`,
      );
    }
    checked = parsed.data;
  }
  if (checked.platform !== account.platform) {
    return failure(
      provider,
      account,
      'invalid-response',
      `returned a snapshot for platform "${checked.platform}", expected "${account.platform}"`,
    );
  }
  return { ok: true, snapshot: checked };
}

/** The same outcome, for another registry entry of the same real account. */
function retarget(result: ProviderResult, entry: Account): ProviderResult {
  if (result.ok) {
    return result.snapshot.accountId === entry.id
      ? result
      : { ok: true, snapshot: { ...result.snapshot, accountId: entry.id } };
  }
  return result.accountId === entry.id ? result : { ...result, accountId: entry.id };
}

function failure(
  provider: ProviderV1,
  account: Account,
  reason: FailureReason,
  message: string,
): ProviderResult {
  return {
    ok: false,
    accountId: account.id,
    error: new ProviderError(`${message} (account "${account.id}", handle "${account.handle}")`, {
      platform: provider.platform,
      provider: provider.name,
      reason,
      accountId: account.id,
    }),
  };
}

/** The library's own error for a whole failed batch; a provider's own errors pass through. */
function toProviderError(provider: ProviderV1, error: unknown, size: number): ProviderError {
  if (error instanceof ProviderError || (SocialReachError.isInstance(error) && 'reason' in error)) {
    return error as ProviderError;
  }
  const detail =
    error instanceof Error
      ? `${error.name}: ${redactText(error.message, [])}`
      : 'a non-error value';
  return new ProviderError(`fetchBatch failed for ${size} account(s): ${detail}`, {
    platform: provider.platform,
    provider: provider.name,
    reason: 'provider-error',
  });
}
