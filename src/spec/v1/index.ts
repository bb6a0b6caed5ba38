/**
 * The provider specification, version 1: every type a provider implements or is handed. Type-only
 * files that import nothing from the engine (the engine implements them), in the manner of the AI
 * SDK's `language-model/v3`. A later version sits beside this one (`src/spec/v2`), so providers
 * written against v1 keep working while the contract evolves.
 *
 * @module
 */

export type { FetchContext, NoticeCode } from './fetch-context.js';
export type {
  HttpClient,
  HttpPostOptions,
  HttpRequestOptions,
  HttpResponse,
} from './http-client.js';
export type { LimitObservation, LimitParser, LimitResponse } from './limits.js';
export type { AdaptiveRate, ProviderResult, ProviderV1, RateLimitPolicy } from './provider.js';
