/**
 * The providers `examples/live.ts` uses, made from environment variables: one per platform whose
 * credentials are set, and a line for each one skipped. The function moved into the command
 * (`src/cli/providers.ts`, where the variables are listed), which makes its providers the same
 * way; this re-export keeps the examples and their tests working.
 */
export { type ApiPlatform, type BaseUrl, providersFromEnv } from '../src/cli/providers.js';
