/**
 * Runs one documentation block extracted by test/docs/code-blocks.test.ts, in a process of its own:
 *
 *   node --import tsx scripts/docs-check/run-block.ts .tmp/docs-check/docs-stores-md-46.ts
 *
 * 1. It starts a fake platform API server (`createFakePlatformServer`, with the accounts the docs
 *    name: context.ts).
 * 2. It replaces `globalThis.fetch` with one that sends requests for the platforms' real API
 *    origins (`https://api.x.com`, `https://graph.facebook.com`, a Mastodon server, …) to that
 *    server, and refuses every other address that is not local: a block written for the real APIs
 *    (`xProvider({ bearerToken: process.env.X_BEARER_TOKEN! })`) runs as written, offline.
 * 3. It sets the credentials the docs read from the environment (`X_BEARER_TOKEN`, …) to the fake
 *    server's, whatever the caller's environment holds.
 * 4. It sets up the names a fragment may use without declaring them (context.ts).
 * 5. It imports the block, closes what it opened and exits: 0, or 1 with the error. A block that
 *    tried to reach an address the fake server does not play fails too.
 */
import { pathToFileURL } from 'node:url';
import { createFakePlatformServer, type FakePlatformServer } from '../../src/testing/index.js';
import { CREDENTIALS, FAKE_SERVER, setUpContext } from './context.js';

/** The platforms' real API origins, and the fake server's platform for each. */
const ORIGINS = {
  'https://api.x.com': 'x',
  'https://api.twitter.com': 'x',
  'https://public.api.bsky.app': 'bluesky',
  'https://graph.facebook.com': 'facebook',
  'https://www.googleapis.com': 'youtube',
  'https://api.telegram.org': 'telegram',
} as const;

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Routes real API origins to the fake server; other non-local addresses are refused. */
function routeToFakeServer(server: FakePlatformServer, refused: string[]): void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request ? request.url : String(input));
    if (LOCAL.has(url.hostname)) return realFetch(input, init);
    const platform = ORIGINS[url.origin as keyof typeof ORIGINS];
    let base: string | undefined;
    if (platform) base = server.baseUrl(platform);
    else if (url.protocol === 'https:' && url.pathname.startsWith('/api/v1/')) {
      base = server.baseUrl('mastodon', url.hostname); // any other host: a Mastodon server
    }
    if (!base) {
      refused.push(url.origin);
      return Promise.reject(
        new TypeError(`fetch failed: the docs check is offline (${url.origin})`),
      );
    }
    const routed = `${base}${url.pathname}${url.search}`;
    return realFetch(request ? new Request(routed, request) : routed, init);
  };
}

const [blockPath] = process.argv.slice(2);
if (!blockPath) throw new Error('usage: run-block.ts <block.ts>');

Object.assign(process.env, CREDENTIALS);
const server = await createFakePlatformServer(FAKE_SERVER);
const refused: string[] = [];
routeToFakeServer(server, refused);
let code = 0;
try {
  const closeContext = await setUpContext(server);
  await import(pathToFileURL(blockPath).href);
  await closeContext();
  if (refused.length > 0) {
    console.error(
      `the block tried to reach ${[...new Set(refused)].join(', ')}, which the fake server does not play`,
    );
    code = 1;
  }
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await server.close();
}
process.exit(code);
