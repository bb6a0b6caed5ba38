/**
 * What the documentation's examples take as already set up. A page's later blocks build on its
 * first ones ("the registry above", "a store"), so a block may use the names declared below
 * without declaring them itself, as if the page had just made them. A block that declares one of
 * these names uses its own (each block is a module of its own).
 *
 * The same names exist for the type checker (the `declare global` below, part of the docs program
 * only, never of the package or its tests) and at run time (`setUpContext`, called by
 * run-block.ts before it imports a block).
 */
import {
  type CollectResult,
  collect,
  defineRegistry,
  facebookProvider,
  memoryStore,
  type PlatformId,
  type ProviderV1,
  type Registry,
  type RegistryInput,
  type Snapshot,
  type SnapshotStore,
  xProvider,
} from '../../src/index.js';
import type { FakePlatformServer, FakeServerOptions } from '../../src/testing/index.js';

declare global {
  /** The registry of docs/registry.md: Madhya Pradesh › Indore division › Indore › Collector. */
  var registry: Registry;
  /** The units it was made from. */
  var units: RegistryInput['units'];
  /** The accounts it was made from (one X, one Facebook, one planned Koo account). */
  var accounts: NonNullable<RegistryInput['accounts']>;
  /** `xProvider` with `X_BEARER_TOKEN`. */
  var x: ProviderV1;
  /** `facebookProvider` with `FACEBOOK_ACCESS_TOKEN`. */
  var facebook: ProviderV1;
  /** `[x, facebook]`. */
  var providers: ProviderV1[];
  /** A signal nothing aborts. */
  var signal: AbortSignal;
  /** `collect(registry, { providers })`. */
  var result: CollectResult;
  /** `result.snapshots`. */
  var snapshots: Snapshot[];
  /** A `memoryStore({ registry })` holding `snapshots`. */
  var store: SnapshotStore;
  /** The registry's account ids. */
  var accountIds: string[];
  /** `['x', 'facebook']`. */
  var platforms: PlatformId[];
  /** The fake platform API server the blocks' requests go to. */
  var server: FakePlatformServer;
}

/**
 * The credentials the docs read from the environment. run-block.ts sets these, whatever the
 * caller's environment holds, so a block never uses a real credential.
 */
export const CREDENTIALS = {
  X_BEARER_TOKEN: 'docs-x-bearer-token',
  FACEBOOK_ACCESS_TOKEN: 'docs-graph-token',
  INSTAGRAM_ACCESS_TOKEN: 'docs-graph-token',
  INSTAGRAM_USER_ID: '17841400000000000',
  YOUTUBE_API_KEY: 'AIza-docs-youtube-key',
  TELEGRAM_BOT_TOKEN: '7012345678:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw4',
} as const;

/** The fake server's accounts and credentials: the accounts the docs name. */
export const FAKE_SERVER: FakeServerOptions = {
  credentials: {
    x: CREDENTIALS.X_BEARER_TOKEN,
    facebook: CREDENTIALS.FACEBOOK_ACCESS_TOKEN,
    instagramUserId: CREDENTIALS.INSTAGRAM_USER_ID,
    youtube: CREDENTIALS.YOUTUBE_API_KEY,
    telegram: CREDENTIALS.TELEGRAM_BOT_TOKEN,
  },
  accounts: [
    { platform: 'x', handle: 'IndoreCollector', followers: 77_412 },
    { platform: 'x', handle: 'DivComIndore', followers: 32_180 },
    { platform: 'x', handle: 'JDJansamparkIND', followers: 21_000 },
    { platform: 'facebook', handle: 'CollectorIndore', followers: 33_000, likes: 31_500 },
    { platform: 'youtube', handle: '@IndoreCollector', followers: 123_456 },
    { platform: 'telegram', handle: '@IndoreCollector', followers: 4_820 },
    { platform: 'mastodon', handle: 'indore@mastodon.social', followers: 1_200 },
    { platform: 'bluesky', handle: 'indore.bsky.social', followers: 2_500 },
  ],
};

/** Sets the globals above; returns what closes them. */
export async function setUpContext(fakeServer: FakePlatformServer): Promise<() => Promise<void>> {
  const units: RegistryInput['units'] = [
    { id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh', hi: 'मध्यप्रदेश' } },
    {
      id: 'indore-div',
      kind: 'division',
      name: { en: 'Indore division', hi: 'इंदौर संभाग' },
      parent: 'mp',
    },
    { id: 'indore', kind: 'district', name: { en: 'Indore', hi: 'इंदौर' }, parent: 'indore-div' },
    { id: 'collector', kind: 'official', name: { en: 'Collector', hi: 'कलेक्टर' }, parent: 'indore' },
  ];
  const accounts: NonNullable<RegistryInput['accounts']> = [
    {
      id: 'collector-x',
      unit: 'collector',
      platform: 'x',
      handle: 'https://twitter.com/IndoreCollector',
    },
    {
      id: 'collector-fb',
      unit: 'collector',
      platform: 'facebook',
      handle: 'facebook.com/CollectorIndore',
    },
    {
      id: 'collector-koo',
      unit: 'collector',
      platform: 'koo',
      handle: 'IndoreCollector',
      status: 'planned',
    },
  ];
  const registry = defineRegistry({ units, accounts });
  const x = xProvider({ bearerToken: CREDENTIALS.X_BEARER_TOKEN });
  const facebook = facebookProvider({ accessToken: CREDENTIALS.FACEBOOK_ACCESS_TOKEN });
  const providers = [x, facebook];
  const result = await collect(registry, { providers });
  if (result.failures.length > 0) {
    throw new Error(`docs context: ${result.failures.map((f) => f.message).join('; ')}`);
  }
  const store = memoryStore({ registry });
  await store.put(result.snapshots);
  Object.assign(globalThis, {
    registry,
    units,
    accounts,
    x,
    facebook,
    providers,
    signal: new AbortController().signal,
    result,
    snapshots: result.snapshots,
    store,
    accountIds: registry.accounts.map((a) => a.id),
    platforms: ['x', 'facebook'],
    server: fakeServer,
  });
  return () => store.close();
}
