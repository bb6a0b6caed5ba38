import { OptionError } from '../../errors.js';
import type { IdSeed, StoredAccount as StoredAccountOf } from './api.js';
import {
  FAKE_PLATFORM_MODULE,
  FAKE_PLATFORMS,
  type FakePlatform,
  isFakePlatform,
} from './platforms.js';
import type { FakeAccountState } from './shapes.js';
import type { FakeAccount } from './types.js';

/** An account as the server keeps it: every field resolved. */
type StoredAccount = StoredAccountOf<FakePlatform>;

const STATES: readonly FakeAccountState[] = [
  'active',
  'suspended',
  'hidden',
  'personal',
  'deactivated',
];

/**
 * The accounts of every platform, indexed by lower-case handle; the id index of a platform is
 * built on its first id lookup, so loading 90,000 accounts costs one map entry each.
 */
export class AccountBook {
  private readonly handles = new Map<FakePlatform, Map<string, StoredAccount>>();
  /** YouTube channels given only by their `UC…` id: they have no handle to index. */
  private readonly handleless = new Map<FakePlatform, StoredAccount[]>();
  private readonly ids = new Map<FakePlatform, Map<string, StoredAccount>>();

  constructor(accounts: readonly FakeAccount[] = []) {
    this.set(accounts);
  }

  set(accounts: readonly FakeAccount[]): void {
    for (const platform of FAKE_PLATFORMS) {
      this.handles.set(platform, new Map());
      this.handleless.set(platform, []);
    }
    this.add(accounts);
  }

  add(accounts: readonly FakeAccount[]): void {
    if (!Array.isArray(accounts)) throw new OptionError('accounts', 'an array', accounts);
    this.ids.clear();
    accounts.forEach((input, index) => {
      const account = resolve(input, index);
      if (account.handle) {
        this.handles.get(account.platform)!.set(account.handle.toLowerCase(), account);
      } else {
        this.handleless.get(account.platform)!.push(account);
      }
    });
  }

  /** Finds an account by handle, case-insensitively (`@` prefix allowed). */
  byHandle(platform: FakePlatform, handle: string): StoredAccount | undefined {
    return this.handles.get(platform)!.get(stripAt(handle).toLowerCase());
  }

  /** Finds an account by its exact id. */
  byId(platform: FakePlatform, id: string): StoredAccount | undefined {
    let ids = this.ids.get(platform);
    if (!ids) {
      ids = new Map();
      for (const account of this.handleless.get(platform)!) ids.set(account.id, account);
      for (const account of this.handles.get(platform)!.values()) ids.set(account.id, account);
      this.ids.set(platform, ids);
    }
    return ids.get(id);
  }
}

/**
 * Options of {@link fakeAccounts}.
 *
 * @example
 * ```ts
 * fakeAccounts('mastodon', 500, { prefix: 'office', host: 'mp.social', followers: (i) => i * 10 });
 * ```
 */
export interface FakeAccountsOptions {
  /** Handle prefix; handles are `${prefix}${index}`. @default 'user' */
  prefix?: string;
  /** First index. @default 0 */
  start?: number;
  /** Mastodon home host. @default 'mastodon.example' */
  host?: string;
  /** Seed of the follower counts. @default 1 */
  seed?: number;
  /** Follower count of account `index`. @default deterministic, log-uniform from 10 to 10 million */
  followers?: (index: number) => number;
  /** @default 'active' */
  state?: FakeAccountState;
}

/**
 * Makes `n` deterministic accounts of one platform, for benchmarks and large tests. Handles are
 * `user0`, `user1`, … in the platform's form (`user0@mastodon.example`, `user0.bsky.social`,
 * `@user0`: its module's `generatedHandle`), ids are derived from the handles, and follower counts
 * spread from 10 to 10 million.
 *
 * @example
 * ```ts
 * const server = await createFakePlatformServer({ accounts: fakeAccounts('x', 90_000) });
 * ```
 */
export function fakeAccounts(
  platform: FakePlatform,
  n: number,
  options: FakeAccountsOptions = {},
): FakeAccount[] {
  if (!isFakePlatform(platform)) {
    throw new OptionError('platform', `one of ${FAKE_PLATFORMS.join(', ')}`, platform);
  }
  if (!Number.isSafeInteger(n) || n < 0) throw new OptionError('n', 'an integer >= 0', n);
  const { prefix = 'user', start = 0, host, seed = 1 } = options;
  const module = FAKE_PLATFORM_MODULE[platform];
  const random = mulberry32(seed);
  const accounts: FakeAccount[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const index = start + i;
    const base = `${prefix}${index}`;
    const r = random();
    accounts[i] = {
      platform,
      handle: module.generatedHandle(base, host),
      followers: options.followers ? options.followers(index) : Math.floor(10 ** (1 + 6 * r)),
      posts: Math.floor(r * 5_000),
      ...(options.state ? { state: options.state } : {}),
    };
  }
  return accounts;
}

// ---------------------------------------------------------------------------------------------

function resolve(input: FakeAccount, index: number): StoredAccount {
  if (typeof input !== 'object' || input === null) {
    throw new OptionError(`accounts[${index}]`, 'an account object', input);
  }
  const { platform, followers, state = 'active' } = input;
  if (!isFakePlatform(platform)) {
    throw new OptionError(
      `accounts[${index}].platform`,
      `one of ${FAKE_PLATFORMS.join(', ')}`,
      platform,
    );
  }
  if (typeof input.handle !== 'string' || stripAt(input.handle) === '') {
    throw new OptionError(`accounts[${index}].handle`, 'a non-empty string', input.handle);
  }
  if (!Number.isSafeInteger(followers) || followers < 0) {
    throw new OptionError(`accounts[${index}].followers`, 'an integer >= 0', followers);
  }
  if (!STATES.includes(state)) {
    throw new OptionError(`accounts[${index}].state`, `one of ${STATES.join(', ')}`, state);
  }
  const module = FAKE_PLATFORM_MODULE[platform];
  let handle = stripAt(input.handle);
  let id = input.id;
  if (module.canonicalHandle) {
    const canonical = module.canonicalHandle(handle, input.handle, `accounts[${index}].handle`);
    handle = canonical.handle;
    id ??= canonical.id;
  }
  id ??= module.generatedId(new HandleSeed(`${platform}:${handle.toLowerCase()}`));
  return {
    platform,
    handle,
    id,
    followers,
    following: input.following ?? 0,
    posts: input.posts ?? 0,
    views: input.views ?? 0,
    likes: input.likes ?? followers,
    name: input.name ?? (module.displayName ? module.displayName(handle) : handle || id),
    state,
  };
}

function stripAt(handle: string): string {
  return handle.startsWith('@') ? handle.slice(1) : handle;
}

/**
 * The digits and letters a platform's id is made of, derived from `seed` (a handle). A class, not
 * an object of closures: 90,000 accounts load without 180,000 closures.
 */
class HandleSeed implements IdSeed {
  private readonly h1: number;
  private readonly h2: number;

  constructor(seed: string) {
    this.h1 = fnv1a(seed);
    this.h2 = fnv1a(`${seed}#`);
  }

  digits(length: number): string {
    // two 32-bit hashes give up to 18 decimal digits without a PRNG loop (90,000 accounts load fast)
    return `${String(this.h1 % 1e9).padStart(9, '0')}${String(this.h2 % 1e9).padStart(9, '0')}`.slice(
      0,
      length,
    );
  }

  letters(alphabet: string, length: number): string {
    return letters(alphabet, length, this.h1, this.h2);
  }
}

function letters(alphabet: string, length: number, h1: number, h2: number): string {
  const random = mulberry32(h1 ^ Math.imul(h2, 0x9e3779b1));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded PRNG (mulberry32): deterministic numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
