/**
 * Graph batch requests, shared by the Facebook and Instagram providers (issue #18): one
 * `POST /{version}/` with up to 50 GET sub-requests in the form field `batch`, answered by a JSON
 * list of `{ code, headers: [{ name, value }], body: "<JSON text>" }` in request order, or `null`
 * for a sub-request that timed out (developers.facebook.com/docs/graph-api/batch-requests). The
 * batch answers 200 while its parts fail, and Meta counts each part as a call. Internal.
 *
 * @module
 */
import { z } from 'zod/v4';
import { type FailureReason, ProviderError } from '../errors.js';
import type { HttpClient, HttpResponse, ProviderV1 } from '../spec/v1/index.js';
import {
  describeGraphError,
  type GraphError,
  isDeprecated,
  isThrottleCode,
  isTransientCode,
  readGraphError,
  tokenRefused,
} from './meta.js';
import { batchError } from './shared.js';

/** Sub-requests per batch call: Graph's maximum. */
export const MAX_BATCH = 50;

/**
 * Rounds of asking again for parts that were throttled, timed out (`null`) or met a temporary
 * error, after the first answer. The provider cannot see the collection's `maxThrottleRetries`;
 * three rounds, each waiting at the rate gate (which a throttled part pauses for its regain time),
 * match the engine's own patience with a throttled request without letting one Page hold a batch
 * for long. Past them, those Pages fail (`rate-limited` or `network`).
 */
export const MAX_PART_ROUNDS = 3;

/** A part's body longer than this is not parsed: a Page's answer is a few hundred bytes. */
const MAX_PART_CHARS = 65_536;

/** What came of one sub-request. */
export type GraphPart =
  /** Graph's answer to it: its status and its parsed body (`undefined` when empty). */
  | { readonly kind: 'answer'; readonly status: number; readonly body: unknown }
  /** An answer whose body could not be read (not JSON, too long): `why` says which. */
  | { readonly kind: 'unreadable'; readonly status: number; readonly why: string }
  /**
   * No answer: throttled or timed out in every round (`rate-limited`, `network`), or a later
   * round's call failed as a whole (its reason) after earlier rounds had answered other parts.
   */
  | {
      readonly kind: 'gave-up';
      readonly reason: FailureReason;
      readonly message: string;
    };

/** What came of a batch: one entry per sub-request, and Graph's refusal of batches, if any. */
export interface GraphBatchResult {
  /** In request order; `undefined` for sub-requests not answered because batches were refused. */
  readonly parts: readonly (GraphPart | undefined)[];
  /** The last batch call's answer (for messages about the whole batch). */
  readonly response: HttpResponse;
  /** Set when Graph refused the batch call itself as a legacy feature (code 12 or 11). */
  readonly refused?: { readonly error: GraphError | undefined };
}

/** What {@link graphBatch} needs to know. */
export interface GraphBatchRequest {
  readonly provider: Pick<ProviderV1, 'platform' | 'name'>;
  /** `https://graph.facebook.com/v27.0/` */
  readonly url: string;
  readonly token: string;
  /** Relative URLs of the GET sub-requests (`PAGE?fields=…`), at most {@link MAX_BATCH}. */
  readonly relativeUrls: readonly string[];
  readonly secrets: readonly string[];
  /** For messages. @default 'Graph batch' */
  readonly operation?: string;
}

const Part = z.object({
  code: z.number().int(),
  headers: z.array(z.unknown()).optional(),
  body: z.string().optional(),
});
const Parts = z.array(z.union([Part, z.null()]));

/**
 * Sends the sub-requests in one batch call, then asks again (in a batch of their own, through the
 * rate gate) for those that were throttled, timed out or met a temporary error, at most
 * {@link MAX_PART_ROUNDS} times. The access token stays in the query string, where the engine
 * redacts it; the form holds only `batch` and `include_headers` (each part's usage headers are
 * wanted: the engine's limit parser reads them).
 *
 * Throws (failing the whole batch) when the token is refused (code 190 at the top or in any part:
 * the engine has stopped the bucket) and when the answer is not a batch answer (a top-level error
 * other than a refusal, or a list of the wrong length or shape).
 */
export async function graphBatch(
  http: HttpClient,
  request: GraphBatchRequest,
): Promise<GraphBatchResult> {
  const { provider, secrets, relativeUrls } = request;
  const operation = request.operation ?? 'Graph batch';
  const parts: (GraphPart | undefined)[] = new Array(relativeUrls.length).fill(undefined);
  let pending = relativeUrls.map((_, i) => i);
  let last: HttpResponse | undefined;
  /** A later round's failure: the parts asked again fail with it, the others are kept. */
  const giveUp = (error: ProviderError, response: HttpResponse): GraphBatchResult => {
    for (const index of pending) {
      parts[index] = { kind: 'gave-up', reason: error.reason, message: error.message };
    }
    return { parts, response };
  };
  for (let round = 0; ; round++) {
    let response: HttpResponse;
    try {
      response = await post(
        http,
        request,
        operation,
        pending.map((i) => relativeUrls[i]!),
      );
    } catch (error) {
      // A later round failed whole (its throttles outlasted the engine's patience, say): the
      // parts answered before are kept, and only the ones asked again fail, with its reason. A
      // refused token or a cancelled collection still ends the batch.
      if (
        last === undefined ||
        !(error instanceof ProviderError) ||
        error.reason === 'unauthorized' ||
        error.reason === 'aborted'
      ) {
        throw error;
      }
      return giveUp(error, last);
    }
    last = response;
    if (response.status !== 200) {
      const error = readGraphError(response.body);
      const refused = tokenRefused(provider, response, error, operation, secrets);
      if (refused) throw refused;
      if (isDeprecated(error)) return { parts, response, refused: { error } };
      const unusable = batchError(
        provider,
        response,
        'invalid-response',
        `${operation} answered ${response.status} (${describeGraphError(error, secrets)})`,
      );
      if (round === 0) throw unusable;
      return giveUp(unusable, response);
    }
    const list = Parts.safeParse(response.body);
    if (!list.success || list.data.length !== pending.length) {
      const unusable = batchError(
        provider,
        response,
        'invalid-response',
        list.success
          ? `${operation} answered ${list.data.length} parts for ${pending.length} sub-requests`
          : `${operation} answered 200 with a body that is not a batch answer (a list of { code, headers, body } or null)`,
      );
      if (round === 0) throw unusable;
      return giveUp(unusable, response);
    }
    const again: { index: number; reason: 'rate-limited' | 'network'; message: string }[] = [];
    list.data.forEach((part, k) => {
      const index = pending[k]!;
      if (part === null) {
        again.push({
          index,
          reason: 'network',
          message: `${operation} answered null for this sub-request (it timed out on Graph's side)`,
        });
        return;
      }
      const read = readPart(part.body);
      if (read.kind === 'unreadable') {
        parts[index] = { kind: 'unreadable', status: part.code, why: read.why };
        return;
      }
      const error = part.code >= 400 ? readGraphError(read.value) : undefined;
      if (part.code === 401 || error?.code === 190) {
        throw batchError(
          provider,
          response,
          'unauthorized',
          `${operation}: a part answered ${part.code}: the access token was refused (${describeGraphError(error, secrets)})`,
        );
      }
      if (part.code === 429 || isThrottleCode(error?.code)) {
        again.push({
          index,
          reason: 'rate-limited',
          message: `${operation}: Graph throttled this sub-request (${describeGraphError(error, secrets)})`,
        });
      } else if (part.code >= 500 || isTransientCode(error?.code)) {
        again.push({
          index,
          reason: 'network',
          message: `${operation}: this sub-request met a temporary Graph error (${part.code}, ${describeGraphError(error, secrets)})`,
        });
      } else {
        parts[index] = { kind: 'answer', status: part.code, body: read.value };
      }
    });
    if (again.length === 0) return { parts, response };
    if (round >= MAX_PART_ROUNDS) {
      for (const { index, reason, message } of again) {
        parts[index] = {
          kind: 'gave-up',
          reason,
          message: `${message}, ${round + 1} times; not asked again`,
        };
      }
      return { parts, response };
    }
    pending = again.map((a) => a.index);
  }
}

/** One batch call: the token in the query, the sub-requests in the form. */
function post(
  http: HttpClient,
  request: GraphBatchRequest,
  operation: string,
  relativeUrls: readonly string[],
): Promise<HttpResponse> {
  return http.post(request.url, {
    searchParams: { access_token: request.token },
    form: {
      batch: JSON.stringify(relativeUrls.map((url) => ({ method: 'GET', relative_url: url }))),
      include_headers: 'true',
    },
    operation,
    // a batch of GETs: sending it twice reads twice, and changes nothing
    idempotent: true,
    cost: relativeUrls.length,
    limitsInBody: true,
  });
}

/** A part's body: parsed JSON, or why it cannot be read. Never throws. */
function readPart(
  body: string | undefined,
): { kind: 'json'; value: unknown } | { kind: 'unreadable'; why: string } {
  if (body === undefined || body.trim() === '') return { kind: 'json', value: undefined };
  if (body.length > MAX_PART_CHARS) {
    return { kind: 'unreadable', why: `a body of ${body.length} characters, not read` };
  }
  try {
    return { kind: 'json', value: JSON.parse(body) };
  } catch {
    return { kind: 'unreadable', why: 'a body that is not JSON' };
  }
}
