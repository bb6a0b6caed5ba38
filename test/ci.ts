/**
 * Whether the tests run in CI (`CI` set, and not `false` or `0`): there a test that needs a
 * service or a program (PostgreSQL, Redis, Chromium, soffice…) fails without it instead of
 * skipping, since .ci/run installs and starts them all.
 */
export const inCI =
  (process.env.CI ?? '') !== '' && process.env.CI !== 'false' && process.env.CI !== '0';
