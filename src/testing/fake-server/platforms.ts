/**
 * The platforms the fake server plays: the one list naming them all. Each platform's facts (its
 * API, default limits, the shapes of its handles and ids) are in its own file; `FakePlatform`,
 * `FAKE_PLATFORMS` and `DOCUMENTED_LIMITS` are derived from this list, and the shared files
 * (`index.ts`, `accounts.ts`, `limits.ts`) iterate over it.
 *
 * @module
 */
import type { FakePlatformModule } from './api.js';
import { bluesky } from './bluesky.js';
import { facebook, instagram } from './facebook.js';
import { mastodon } from './mastodon.js';
import type { FakeLimit } from './shapes.js';
import { telegram } from './telegram.js';
import { x } from './x.js';
import { youtube } from './youtube.js';

/** Every platform module, in the order of {@link FAKE_PLATFORMS}. */
export const FAKE_PLATFORM_MODULES = [
  x,
  mastodon,
  bluesky,
  facebook,
  instagram,
  youtube,
  telegram,
] as const;

type Module = (typeof FAKE_PLATFORM_MODULES)[number];

/**
 * A platform the fake server plays. Instagram is served under the Facebook prefix (it is the same
 * Graph API host), but it has its own accounts, limits and statistics.
 *
 * @example
 * ```ts
 * const platform: FakePlatform = 'bluesky';
 * server.baseUrl(platform); // http://127.0.0.1:<port>/bluesky
 * ```
 */
export type FakePlatform = Module['id'];

/**
 * Every {@link FakePlatform}, in a stable order.
 *
 * @example
 * ```ts
 * for (const platform of FAKE_PLATFORMS) expect(server.stats()[platform].throttled).toBe(0);
 * ```
 */
export const FAKE_PLATFORMS: readonly FakePlatform[] = FAKE_PLATFORM_MODULES.map(
  (module) => module.id,
);

/** The module of each platform, by id. */
export const FAKE_PLATFORM_MODULE: Readonly<
  Record<FakePlatform, FakePlatformModule<FakePlatform>>
> = Object.fromEntries(
  FAKE_PLATFORM_MODULES.map((module): [FakePlatform, FakePlatformModule<FakePlatform>] => [
    module.id,
    module,
  ]),
) as Record<FakePlatform, FakePlatformModule<FakePlatform>>;

/** Whether `value` is a {@link FakePlatform} (an own key: `'constructor'` is not). */
export function isFakePlatform(value: unknown): value is FakePlatform {
  return typeof value === 'string' && Object.hasOwn(FAKE_PLATFORM_MODULE, value);
}

/** The platforms whose module documents a limit. */
type Documented = Extract<Module, { readonly documentedLimit: FakeLimit }>['id'];

/**
 * The limits the platforms document (platforms.md), to pass as `limits` when a test wants the
 * real numbers: X 300 requests / 15 min per app, Mastodon 300 / 5 min per host, Bluesky
 * 3000 / 5 min. Scale them down for tests that should not wait minutes.
 *
 * @example
 * ```ts
 * const server = await createFakePlatformServer({ limits: { x: DOCUMENTED_LIMITS.x } });
 * ```
 */
export const DOCUMENTED_LIMITS: { readonly [P in Documented]: FakeLimit } = Object.fromEntries(
  FAKE_PLATFORM_MODULES.flatMap((module) =>
    'documentedLimit' in module ? [[module.id, module.documentedLimit]] : [],
  ),
) as Record<Documented, FakeLimit>;
