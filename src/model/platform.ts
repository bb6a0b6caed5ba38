import { describeValue, HandleError, OptionError, quoteInput } from '../errors.js';

/** The platforms social-reach knows out of the box. */
export const BUILT_IN_PLATFORM_IDS = [
  'x',
  'facebook',
  'instagram',
  'youtube',
  'telegram',
  'mastodon',
  'bluesky',
  'threads',
  'linkedin',
  'whatsapp',
  'koo',
  'podcast',
] as const;

/** One of the {@link BUILT_IN_PLATFORM_IDS}. */
export type BuiltInPlatformId = (typeof BUILT_IN_PLATFORM_IDS)[number];

/** A platform id: a built-in one, or the id of a custom platform made with {@link definePlatform}. */
export type PlatformId = BuiltInPlatformId | (string & {});

/** A text in English and Hindi. */
export interface Bilingual {
  readonly en: string;
  readonly hi: string;
}

/** Whether a platform can be read through an official API today. */
export type PlatformStatus = 'api' | 'no-public-api' | 'defunct';

/**
 * A catalog entry: what social-reach knows about one platform.
 *
 * Built-in entries are in {@link PLATFORMS}; make custom ones with {@link definePlatform}.
 */
export interface PlatformDefinition {
  readonly id: PlatformId;
  /** The platform's name, e.g. `{ en: 'Facebook', hi: 'फेसबुक' }`. */
  readonly name: Bilingual;
  /** What its audience is called, plural: followers, subscribers, members. */
  readonly audience: Bilingual;
  /** The profile-URL forms accepted by {@link normalizeHandle}, as examples. */
  readonly profileUrls: readonly string[];
  /** The handle rule in words, quoted in errors. */
  readonly handleRule: string;
  /** Whether two handles differing only in letter case are the same account. */
  readonly caseSensitive: boolean;
  readonly status: PlatformStatus;
  /**
   * Turns what a person pasted (a handle, `@handle` or a profile URL) into the canonical handle.
   * Throws {@link HandleError} when the input breaks the platform's rules.
   */
  readonly normalize: (input: string) => string;
}

/** What a custom platform's id looks like: lower-case letters, digits and `-` (so never `__proto__`). */
export const PLATFORM_ID = /^[a-z][a-z0-9-]*$/;

/** Declarative description of a custom platform, for {@link definePlatform}. */
export interface CustomPlatformOptions {
  /** Lower-case id, e.g. `'sharechat'`. Must not be a built-in id. */
  id: string;
  name: Bilingual;
  /** @default { en: 'followers', hi: 'फ़ॉलोअर्स' } */
  audience?: Bilingual;
  /** Hosts of profile URLs, without `www.`, e.g. `['sharechat.com']`. */
  hosts?: readonly string[];
  /**
   * Path forms of profile URLs, with `{handle}` where the handle sits.
   * @default ['/{handle}', '/@{handle}']
   */
  paths?: readonly string[];
  /** What a valid handle looks like (after removing a leading `@`). */
  pattern: RegExp;
  /** The rule in words, for error messages, e.g. `'3–30 letters, digits or _'`. */
  rule: string;
  /** @default false */
  caseSensitive?: boolean;
  /** @default 'api' */
  status?: PlatformStatus;
}

/**
 * Defines a custom platform so that registries can hold its accounts.
 *
 * @example
 * ```ts
 * const sharechat = definePlatform({
 *   id: 'sharechat',
 *   name: { en: 'ShareChat', hi: 'शेयरचैट' },
 *   hosts: ['sharechat.com'],
 *   paths: ['/profile/{handle}'],
 *   pattern: /^[a-z0-9_]{3,30}$/i,
 *   rule: '3–30 letters, digits or _',
 *   status: 'no-public-api',
 * });
 * defineRegistry({ platforms: [sharechat], units, accounts });
 * ```
 */
export function definePlatform(options: CustomPlatformOptions): PlatformDefinition {
  if (typeof options?.id !== 'string' || !PLATFORM_ID.test(options.id)) {
    throw new OptionError('id', 'a lower-case id like "sharechat"', options?.id);
  }
  if ((BUILT_IN_PLATFORM_IDS as readonly string[]).includes(options.id)) {
    throw new OptionError('id', `an id that is not a built-in platform`, options.id);
  }
  if (!(options.pattern instanceof RegExp)) {
    throw new OptionError('pattern', 'a RegExp', options.pattern);
  }
  return simple(
    {
      id: options.id,
      name: options.name,
      audience: options.audience ?? FOLLOWERS,
      caseSensitive: options.caseSensitive ?? false,
      status: options.status ?? 'api',
    },
    {
      hosts: options.hosts ?? [],
      paths: options.paths ?? ['/{handle}', '/@{handle}'],
      pattern: options.pattern,
      rule: options.rule,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Handle parsing shared by the built-in and custom platforms.

interface HandleSpec {
  platform: string;
  /** Hosts without `www.`/`m.`/`mobile.`. */
  hosts: readonly string[];
  /** Path templates with `{handle}`. */
  paths: readonly string[];
  pattern: RegExp;
  rule: string;
  /** Reserved first path segments that are not profiles (`/home`, `/share`). */
  reserved?: readonly string[];
}

const FOLLOWERS: Bilingual = { en: 'followers', hi: 'फ़ॉलोअर्स' };

/** Splits a URL-looking input into a lower-case host and a decoded path; `undefined` if not a URL. */
export function parseProfileUrl(
  input: string,
): { host: string; path: string; url: URL } | undefined {
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  const looksLikeHost = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\//i.test(input);
  if (!hasScheme && !looksLikeHost) return undefined;
  let url: URL;
  try {
    url = new URL(hasScheme ? input : `https://${input}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile|web)\./, '');
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path: a malformed escape is then reported by the pattern check
  }
  return { host, path: trimSlashes(path, 'end') || '/', url };
}

/** Matches a path against templates like `/profile/{handle}`; returns the handle part. */
function matchPath(path: string, templates: readonly string[]): string | undefined {
  for (const template of templates) {
    const [prefix = '', suffix = ''] = template.split('{handle}');
    if (
      path.length > prefix.length + suffix.length &&
      path.startsWith(prefix) &&
      path.endsWith(suffix)
    ) {
      const handle = path.slice(prefix.length, path.length - suffix.length);
      if (!handle.includes('/')) return handle;
    }
  }
  return undefined;
}

function fail(platform: string, input: string, rule: string): never {
  throw new HandleError(platform, input, rule);
}

/**
 * The longest input a handle normaliser reads. The longest legitimate one, a profile URL with a
 * query (`https://www.facebook.com/profile.php?id=100064512345678&locale=hi_IN`), is far shorter;
 * the cap comes before any pattern, so no input can make a pattern slow.
 */
export const MAX_HANDLE_INPUT = 2_048;

/** Common first steps: type check, length cap, trim, emptiness. */
export function cleanInput(platform: string, input: unknown): string {
  if (typeof input !== 'string') {
    const shown = typeof input === 'object' || typeof input === 'function' ? '' : String(input);
    throw new HandleError(platform, shown, `expected a string, got ${describeValue(input)}`);
  }
  if (input.length > MAX_HANDLE_INPUT) {
    fail(
      platform,
      input,
      `expected at most ${MAX_HANDLE_INPUT} characters (a handle or a profile URL), got ${input.length}`,
    );
  }
  const trimmed = input.trim();
  if (!trimmed) fail(platform, input, 'the handle is empty');
  return trimmed;
}

/**
 * A host from `new URL` for a message: the URL parser leaves only printable ASCII (non-ASCII comes
 * out as punycode), so it needs no escaping, only a length cap.
 */
function shortHost(host: string): string {
  return host.length > 60 ? `${host.slice(0, 60)}… (${host.length} characters)` : host;
}

/** `text` without leading or trailing `/`, in one pass (a `/\/+$/` search is quadratic). */
function trimSlashes(text: string, side: 'end' | 'both'): string {
  let start = 0;
  let end = text.length;
  if (side === 'both') while (start < end && text.charCodeAt(start) === 0x2f) start++;
  while (end > start && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(start, end);
}

function normalizeWithSpec(spec: HandleSpec, rawInput: string): string {
  const input = cleanInput(spec.platform, rawInput);
  let candidate: string;
  const url = parseProfileUrl(input);
  if (url) {
    if (!spec.hosts.includes(url.host)) {
      const hosts = spec.hosts.length ? spec.hosts.join(', ') : '(none: write the handle itself)';
      fail(spec.platform, input, `a profile URL must be on ${hosts}, not ${shortHost(url.host)}`);
    }
    const handle = matchPath(url.path, spec.paths);
    if (handle === undefined) {
      fail(spec.platform, input, `a profile URL must look like ${spec.paths.join(' or ')}`);
    }
    candidate = handle;
  } else {
    candidate = input.startsWith('@') ? input.slice(1) : input;
  }
  if (spec.reserved?.includes(candidate.toLowerCase())) {
    fail(spec.platform, input, `"${candidate}" is a page of the site, not a profile`);
  }
  if (!spec.pattern.test(candidate)) fail(spec.platform, input, spec.rule);
  return candidate;
}

// ---------------------------------------------------------------------------------------------
// The built-in catalog.

/**
 * A platform whose handles follow one {@link HandleSpec}: its profile URLs, rule and normaliser
 * all come from the spec. Both the simple built-in platforms and {@link definePlatform} use it.
 */
function simple(
  base: Omit<PlatformDefinition, 'normalize' | 'profileUrls' | 'handleRule'>,
  spec: Omit<HandleSpec, 'platform'>,
): PlatformDefinition {
  const full: HandleSpec = { platform: base.id, ...spec };
  return {
    ...base,
    handleRule: spec.rule,
    profileUrls: spec.hosts.flatMap((host) =>
      spec.paths.map((path) => `https://${host}${path.replace('{handle}', '<handle>')}`),
    ),
    normalize: (input) => normalizeWithSpec(full, input),
  };
}

const x = simple(
  {
    id: 'x',
    name: { en: 'X (Twitter)', hi: 'एक्स (ट्विटर)' },
    audience: FOLLOWERS,
    caseSensitive: false,
    status: 'api',
  },
  {
    hosts: ['x.com', 'twitter.com'],
    paths: ['/{handle}', '/@{handle}'],
    // X usernames: ^[A-Za-z0-9_]{1,15}$ (platforms.md §1)
    pattern: /^[A-Za-z0-9_]{1,15}$/,
    rule: '1–15 letters, digits or _',
    reserved: [
      'home',
      'explore',
      'search',
      'intent',
      'share',
      'i',
      'settings',
      'messages',
      'notifications',
    ],
  },
);

const facebook: PlatformDefinition = {
  id: 'facebook',
  name: { en: 'Facebook', hi: 'फेसबुक' },
  audience: FOLLOWERS,
  caseSensitive: false,
  status: 'api',
  profileUrls: [
    'https://www.facebook.com/<page-name>',
    'https://www.facebook.com/profile.php?id=<page-id>',
    'https://fb.com/<page-name>',
  ],
  handleRule: 'a page name of 5–50 letters, digits or . (or the numeric page id)',
  normalize(rawInput) {
    const input = cleanInput('facebook', rawInput);
    const url = parseProfileUrl(input);
    if (url) {
      if (!['facebook.com', 'fb.com', 'business.facebook.com'].includes(url.host)) {
        fail(
          'facebook',
          input,
          `a profile URL must be on facebook.com or fb.com, not ${shortHost(url.host)}`,
        );
      }
      if (url.path === '/profile.php') {
        const id = url.url.searchParams.get('id') ?? '';
        if (!/^\d{5,20}$/.test(id)) fail('facebook', input, 'profile.php needs a numeric ?id=');
        return id;
      }
      const page = matchPath(url.path, ['/pages/{handle}', '/{handle}']);
      // facebook.com/pages/<name>/<id> is the old page URL; the id is what the Graph API takes
      const old = /^\/pages\/[^/]+\/(\d{5,20})$/.exec(url.path);
      if (old?.[1]) return old[1];
      if (page === undefined)
        fail('facebook', input, 'a page URL must look like facebook.com/<page-name>');
      return checkFacebook(input, page);
    }
    return checkFacebook(input, input.startsWith('@') ? input.slice(1) : input);
  },
};

function checkFacebook(input: string, candidate: string): string {
  if (/^\d{5,20}$/.test(candidate)) return candidate;
  if (!/^[A-Za-z0-9.]{5,50}$/.test(candidate) || /^\.|\.$/.test(candidate)) {
    fail('facebook', input, facebook.handleRule);
  }
  return candidate;
}

const instagram = simple(
  {
    id: 'instagram',
    name: { en: 'Instagram', hi: 'इंस्टाग्राम' },
    audience: FOLLOWERS,
    caseSensitive: false,
    status: 'api',
  },
  {
    hosts: ['instagram.com', 'instagr.am'],
    paths: ['/{handle}'],
    pattern: /^(?!.*\.\.)(?!\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/,
    rule: '1–30 letters, digits, _ or . (no leading, trailing or double .)',
    reserved: ['p', 'reel', 'reels', 'explore', 'stories', 'accounts', 'direct'],
  },
);

/** A YouTube channel id (`UC` and 22 more characters), as handles hold them. */
export const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const YOUTUBE_HANDLE = /^[A-Za-z0-9._-]{3,30}$/;

const youtube: PlatformDefinition = {
  id: 'youtube',
  name: { en: 'YouTube', hi: 'यूट्यूब' },
  audience: { en: 'subscribers', hi: 'सब्सक्राइबर' },
  // handles are case-insensitive; channel ids are not, and the handle keeps the case as written
  caseSensitive: false,
  status: 'api',
  profileUrls: [
    'https://www.youtube.com/@<handle>',
    'https://www.youtube.com/channel/<UC…channel-id>',
  ],
  handleRule: 'an @handle of 3–30 letters, digits, _, - or ., or a channel id UC + 22 characters',
  normalize(rawInput) {
    const input = cleanInput('youtube', rawInput);
    const url = parseProfileUrl(input);
    let candidate = input;
    if (url) {
      if (!['youtube.com', 'youtu.be', 'music.youtube.com'].includes(url.host)) {
        fail('youtube', input, `a channel URL must be on youtube.com, not ${shortHost(url.host)}`);
      }
      const channel = matchPath(url.path, ['/channel/{handle}']);
      const handle = matchPath(url.path, [
        '/@{handle}',
        '/@{handle}/videos',
        '/@{handle}/featured',
      ]);
      if (channel !== undefined) candidate = channel;
      else if (handle !== undefined) candidate = `@${handle}`;
      else
        fail(
          'youtube',
          input,
          'a channel URL must look like youtube.com/@<handle> or youtube.com/channel/<id>',
        );
    }
    if (YOUTUBE_CHANNEL_ID.test(candidate)) return candidate;
    const bare = candidate.startsWith('@') ? candidate.slice(1) : candidate;
    if (!YOUTUBE_HANDLE.test(bare)) fail('youtube', input, youtube.handleRule);
    return `@${bare}`;
  },
};

const telegram = simple(
  {
    id: 'telegram',
    name: { en: 'Telegram', hi: 'टेलीग्राम' },
    audience: { en: 'members', hi: 'सदस्य' },
    caseSensitive: false,
    status: 'api',
  },
  {
    hosts: ['t.me', 'telegram.me', 'telegram.dog'],
    paths: ['/{handle}', '/s/{handle}'],
    pattern: /^[A-Za-z][A-Za-z0-9_]{3,31}$/,
    rule: 'a public username: 4–32 letters, digits or _, starting with a letter',
    reserved: ['joinchat', 'addstickers', 'share', 'proxy', 'socks'],
  },
);

// Starts and ends with a letter, digit or _, with . and - allowed between. Written without nested
// quantifiers: `^[\w]+(?:[\w.-]+[\w])?$` backtracked quadratically (issue #10: 50,000 characters
// took 5 s).
const MASTODON_USER = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/;

const mastodon: PlatformDefinition = {
  id: 'mastodon',
  name: { en: 'Mastodon', hi: 'मास्टोडॉन' },
  audience: FOLLOWERS,
  caseSensitive: false,
  status: 'api',
  profileUrls: ['https://<server>/@<user>'],
  handleRule: "user@server (e.g. @indore@mastodon.social), with the account's home server",
  normalize(rawInput) {
    const input = cleanInput('mastodon', rawInput);
    const url = parseProfileUrl(input);
    let user: string | undefined;
    let host: string | undefined;
    if (url) {
      const handle = matchPath(url.path, ['/@{handle}', '/users/{handle}']);
      if (handle === undefined)
        fail('mastodon', input, 'a profile URL must look like https://<server>/@<user>');
      // https://host/@user@remote is the local view of a remote account: the home server is remote
      const parts = handle.split('@');
      if (parts.length > 2) fail('mastodon', input, mastodon.handleRule);
      [user, host = url.url.hostname.toLowerCase()] = parts;
    } else {
      const parts = input.replace(/^@/, '').split('@');
      if (parts.length !== 2) fail('mastodon', input, mastodon.handleRule);
      [user, host] = parts;
    }
    host = host?.toLowerCase();
    if (!user || !MASTODON_USER.test(user))
      fail('mastodon', input, 'the user name must be letters, digits, _, . or -');
    if (!host || !HOSTNAME.test(host))
      fail(
        'mastodon',
        input,
        `${quoteInput(host ?? '')} is not a server name like mastodon.social`,
      );
    return `${user}@${host}`;
  },
};

const BLUESKY_DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/;

const bluesky: PlatformDefinition = {
  id: 'bluesky',
  name: { en: 'Bluesky', hi: 'ब्लूस्काई' },
  audience: FOLLOWERS,
  caseSensitive: false,
  status: 'api',
  profileUrls: ['https://bsky.app/profile/<handle>'],
  handleRule: 'a domain-name handle like name.bsky.social, or a did:plc: identifier',
  normalize(rawInput) {
    const input = cleanInput('bluesky', rawInput);
    const url = parseProfileUrl(input);
    let candidate = input.replace(/^@/, '');
    if (url) {
      if (url.host !== 'bsky.app')
        fail('bluesky', input, `a profile URL must be on bsky.app, not ${shortHost(url.host)}`);
      const handle = matchPath(url.path, ['/profile/{handle}']);
      if (handle === undefined)
        fail('bluesky', input, 'a profile URL must look like bsky.app/profile/<handle>');
      candidate = handle;
    }
    if (candidate.startsWith('did:')) {
      if (!BLUESKY_DID.test(candidate))
        fail('bluesky', input, 'a DID must look like did:plc:<24 characters>');
      return candidate;
    }
    candidate = candidate.toLowerCase();
    if (!HOSTNAME.test(candidate)) fail('bluesky', input, bluesky.handleRule);
    return candidate;
  },
};

const threads = simple(
  {
    id: 'threads',
    name: { en: 'Threads', hi: 'थ्रेड्स' },
    audience: FOLLOWERS,
    caseSensitive: false,
    status: 'api',
  },
  {
    hosts: ['threads.net', 'threads.com'],
    paths: ['/@{handle}'],
    pattern: /^(?!.*\.\.)(?!\.)(?!.*\.$)[A-Za-z0-9._]{1,30}$/,
    rule: 'an Instagram-style user name: 1–30 letters, digits, _ or .',
  },
);

const linkedin: PlatformDefinition = {
  id: 'linkedin',
  name: { en: 'LinkedIn', hi: 'लिंक्डइन' },
  audience: FOLLOWERS,
  caseSensitive: false,
  status: 'api',
  profileUrls: ['https://www.linkedin.com/company/<slug>', 'https://www.linkedin.com/in/<slug>'],
  handleRule: 'company/<slug>, showcase/<slug> or in/<slug> (slug: 2–100 letters, digits, - or _)',
  normalize(rawInput) {
    const input = cleanInput('linkedin', rawInput);
    const url = parseProfileUrl(input);
    let path = trimSlashes(input, 'both');
    if (url) {
      if (url.host !== 'linkedin.com' && !url.host.endsWith('.linkedin.com')) {
        fail(
          'linkedin',
          input,
          `a profile URL must be on linkedin.com, not ${shortHost(url.host)}`,
        );
      }
      path = url.path.replace(/^\/+/, '');
    }
    const match = /^(company|showcase|school|in)\/([\p{L}\p{N}_-]{2,100})$/u.exec(path);
    if (!match) fail('linkedin', input, linkedin.handleRule);
    return `${match[1]}/${match[2]}`;
  },
};

const whatsapp = simple(
  {
    id: 'whatsapp',
    name: { en: 'WhatsApp Channels', hi: 'व्हाट्सऐप चैनल' },
    audience: FOLLOWERS,
    caseSensitive: true,
    status: 'no-public-api',
  },
  {
    hosts: ['whatsapp.com'],
    paths: ['/channel/{handle}'],
    pattern: /^[A-Za-z0-9]{20,40}$/,
    rule: 'a channel id of 20–40 letters and digits (from whatsapp.com/channel/<id>)',
  },
);

const koo = simple(
  // Koo shut down in July 2024 (platforms.md §8); kept for historical figures entered by hand
  {
    id: 'koo',
    name: { en: 'Koo', hi: 'कू' },
    audience: FOLLOWERS,
    caseSensitive: false,
    status: 'defunct',
  },
  {
    hosts: ['kooapp.com'],
    paths: ['/profile/{handle}', '/{handle}'],
    pattern: /^[A-Za-z0-9_]{3,30}$/,
    rule: '3–30 letters, digits or _',
  },
);

const podcast: PlatformDefinition = {
  id: 'podcast',
  name: { en: 'Podcast', hi: 'पॉडकास्ट' },
  audience: { en: 'subscribers', hi: 'सब्सक्राइबर' },
  caseSensitive: false,
  status: 'no-public-api',
  profileUrls: ['https://<host>/<feed-or-show-page>'],
  handleRule: "the show's feed or page URL (https://…), or a slug of letters, digits and -",
  normalize(rawInput) {
    const input = cleanInput('podcast', rawInput);
    const url = parseProfileUrl(input);
    if (url) {
      const { url: parsed } = url;
      if (!HOSTNAME.test(parsed.hostname.toLowerCase())) {
        fail(
          'podcast',
          input,
          `${quoteInput(parsed.hostname)} is not a host name like feeds.example.org`,
        );
      }
      return `https://${parsed.hostname.toLowerCase()}${trimSlashes(parsed.pathname, 'end')}${parsed.search}`;
    }
    if (!/^[\p{L}\p{N}][\p{L}\p{N}-]{1,99}$/u.test(input))
      fail('podcast', input, podcast.handleRule);
    return input;
  },
};

/** The built-in platform catalog, by id. */
export const PLATFORMS: Readonly<Record<BuiltInPlatformId, PlatformDefinition>> = Object.freeze({
  x,
  facebook,
  instagram,
  youtube,
  telegram,
  mastodon,
  bluesky,
  threads,
  linkedin,
  whatsapp,
  koo,
  podcast,
});

/** True when `id` is one of the built-in platforms. */
export function isBuiltInPlatform(id: string): id is BuiltInPlatformId {
  return Object.hasOwn(PLATFORMS, id);
}

/**
 * Normalises what people paste as an account: `@IndoreCollector`,
 * `https://twitter.com/IndoreCollector`, `x.com/IndoreCollector/` and `IndoreCollector` all give
 * `IndoreCollector`. Mastodon gives `user@server`, YouTube `@handle` or a `UC…` channel id,
 * LinkedIn `company/<slug>`.
 *
 * @param platform A built-in platform id, or a custom {@link PlatformDefinition}.
 * @throws {HandleError} naming the platform, the input and the rule it broke.
 *
 * @example
 * normalizeHandle('x', 'https://twitter.com/IndoreCollector') // 'IndoreCollector'
 * normalizeHandle('mastodon', 'https://mastodon.social/@indore') // 'indore@mastodon.social'
 */
export function normalizeHandle(platform: PlatformId | PlatformDefinition, input: string): string {
  if (typeof platform === 'object' && platform !== null && typeof platform.normalize === 'function')
    return platform.normalize(input);
  if (typeof platform === 'string' && isBuiltInPlatform(platform))
    return PLATFORMS[platform].normalize(input);
  const named = typeof platform === 'string';
  throw new HandleError(
    named ? platform : describeValue(platform),
    typeof input === 'string' ? input : '',
    `unknown platform ${named ? quoteInput(platform) : describeValue(platform)} (built in: ${BUILT_IN_PLATFORM_IDS.join(', ')}; define others with definePlatform)`,
  );
}

/**
 * The key under which two account entries are the same real account: the platform plus the
 * handle, lower-cased where the platform ignores case.
 */
export function identityKey(platform: PlatformDefinition, handle: string): string {
  return `${platform.id}:${platform.caseSensitive ? handle : handle.toLowerCase()}`;
}
