// social-reach/provider: what a third-party provider is written with. The provider specification
// (src/spec/v1, types only), the limit parsers the engine applies when a provider brings none, the
// redaction every error goes through, and the helpers the built-in providers build their results
// with. Only named re-exports live here; test/package/exports.test.ts pins the list.

// The limit parsers and readers (engine/limits.ts)
export { genericLimits, ietfLimits, parseRetryAfter } from './engine/limits.js';
// Redaction (engine/redact.ts)
export { redactText, redactUrl } from './engine/redact.js';
// The fields of the errors a provider throws or returns (the classes are in social-reach)
export type { FetchErrorFields, ProviderErrorFields } from './errors.js';
// Results, as the built-in providers make them (providers/shared.ts)
export { failureResult, snapshotResult } from './providers/shared.js';
// The specification, version 1
export type {
  AdaptiveRate,
  FetchContext,
  HttpClient,
  HttpPostOptions,
  HttpRequestOptions,
  HttpResponse,
  LimitObservation,
  LimitParser,
  LimitResponse,
  NoticeCode,
  ProviderResult,
  ProviderV1,
  RateLimitPolicy,
} from './spec/v1/index.js';
