import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakePlatformServer, type FakePlatformServer } from '../../src/testing/index.js';
import { requireProgram } from './helpers.js';
import { cleanEnv, ensureBuilt } from './installed.js';

/**
 * `collect` through an HTTP proxy, as a government network allows the internet: HTTPS_PROXY names
 * a proxy (here a small CONNECT proxy that requires a login and records everything it is sent),
 * and the platform APIs are HTTPS (here the fake server behind a TLS front with a certificate made
 * for the test, trusted through NODE_EXTRA_CA_CERTS). The proxy must see the host and port of each
 * tunnel and its own login (Proxy-Authorization: the protocol needs it), and nothing else in the
 * clear: no platform credential, no request line, no query.
 */
const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const X_TOKEN = 'AAAAAAAAAAAAAAAAAAAAAProxyTestBearerProxyTestBearer0123456';
const YT_KEY = 'AIzaSyProxyTestKeyProxyTestKey012345678';
const PROXY_LOGIN = 'pr-office:proxy-pass-4417';
const dir = mkdtempSync(join(tmpdir(), 'social-reach-proxy-'));
let bin: string;
let fake: FakePlatformServer;
let front: Server;
const closers: (() => Promise<void>)[] = [];

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** A CONNECT proxy that wants `login`, and keeps what it was sent. */
async function startProxy(login: string) {
  const seen = {
    connects: [] as { target: string; headers: Record<string, unknown> }[],
    /** Bytes sent into the tunnels (TLS records), and anything sent not as CONNECT. */
    tunnelled: [] as Buffer[],
    plain: [] as string[],
  };
  const server = createHttpServer((req, res) => {
    seen.plain.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    res.writeHead(405).end();
  });
  server.on('connect', (req, client, head) => {
    seen.connects.push({ target: String(req.url), headers: { ...req.headers } });
    const expected = `Basic ${Buffer.from(login).toString('base64')}`;
    if (req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = String(req.url).split(':');
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) {
        seen.tunnelled.push(Buffer.from(head));
        upstream.write(head);
      }
      client.on('data', (chunk: Buffer) => seen.tunnelled.push(Buffer.from(chunk)));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const port = await listen(server);
  closers.push(() => close(server));
  return { seen, port };
}

beforeAll(async () => {
  if (!openssl) return;
  bin = ensureBuilt();
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  fake = await createFakePlatformServer({
    accounts: [
      ...Array.from({ length: 150 }, (_, i) => ({
        platform: 'x' as const,
        handle: `office${i}`,
        followers: i,
      })),
      ...Array.from({ length: 60 }, (_, i) => ({
        platform: 'youtube' as const,
        handle: `UC${String(i).padStart(22, '0')}`,
        followers: 1000 + i,
      })),
    ],
    credentials: { x: X_TOKEN, youtube: YT_KEY },
  });
  // the TLS front: HTTPS on 127.0.0.1, passing each request on to the fake server
  const target = new URL(fake.baseUrl('x')).port;
  front = createHttpsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const forward = httpRequest(
        {
          host: '127.0.0.1',
          port: target,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    },
  ) as unknown as Server;
  await listen(front);
  writeFileSync(
    join(dir, 'registry.json'),
    JSON.stringify({
      units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh' } }],
      accounts: [
        ...Array.from({ length: 150 }, (_, i) => ({
          id: `x${i}`,
          unit: 'mp',
          platform: 'x',
          handle: `office${i}`,
        })),
        ...Array.from({ length: 60 }, (_, i) => ({
          id: `yt${i}`,
          unit: 'mp',
          platform: 'youtube',
          handle: `UC${String(i).padStart(22, '0')}`,
        })),
      ],
    }),
  );
  writeFileSync(
    join(dir, 'two.json'),
    JSON.stringify({
      units: [{ id: 'mp', kind: 'state', name: { en: 'Madhya Pradesh' } }],
      accounts: [
        { id: 'x0', unit: 'mp', platform: 'x', handle: 'office0' },
        { id: 'yt0', unit: 'mp', platform: 'youtube', handle: `UC${'0'.repeat(22)}` },
      ],
    }),
  );
}, 300_000);

afterAll(async () => {
  for (const closer of closers) await closer();
  if (front) await close(front);
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

function collect(env: Record<string, string>, data: string, registry = 'registry.json') {
  const port = (front.address() as AddressInfo).port;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'collect', registry, '--json', '--data', data], {
      cwd: dir,
      env: cleanEnv({
        X_BEARER_TOKEN: X_TOKEN,
        YOUTUBE_API_KEY: YT_KEY,
        SOCIAL_REACH_API_BASE: `x=https://localhost:${port}/x,youtube=https://localhost:${port}/youtube`,
        NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem'),
        ...env,
      }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

requireProgram(openssl, 'openssl', 'openssl');

describe.skipIf(!openssl)('collect through an HTTPS_PROXY', () => {
  it('tunnels every request with CONNECT: the proxy sees host, port and its own login, no platform credential', {
    timeout: 300_000,
  }, async () => {
    const proxy = await startProxy(PROXY_LOGIN);
    fake.reset();
    const run = await collect(
      { HTTPS_PROXY: `http://${PROXY_LOGIN}@127.0.0.1:${proxy.port}` },
      'data-proxy',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ type: 'summary', collected: 210, failed: 0 });
    // said where requests go, without the proxy's password
    expect(lines).toContainEqual(
      expect.objectContaining({ type: 'note', proxy: `127.0.0.1:${proxy.port}` }),
    );
    expect(run.stdout).not.toContain('proxy-pass-4417');

    // what the proxy saw
    const port = (front.address() as AddressInfo).port;
    expect(proxy.seen.plain).toEqual([]);
    expect(proxy.seen.connects.length).toBeGreaterThan(0);
    for (const { target, headers } of proxy.seen.connects) {
      expect(target).toBe(`localhost:${port}`);
      expect(Object.keys(headers).sort()).toEqual(
        expect.arrayContaining(['host', 'proxy-authorization']),
      );
      expect(
        Object.keys(headers).every((h) =>
          ['host', 'proxy-authorization', 'connection', 'proxy-connection'].includes(h),
        ),
      ).toBe(true);
    }
    const tunnelled = Buffer.concat(proxy.seen.tunnelled);
    expect(tunnelled.length).toBeGreaterThan(1000); // TLS records went through
    for (const secret of [
      X_TOKEN,
      'ProxyTestBearer',
      YT_KEY,
      'ProxyTestKey',
      'Bearer',
      'usernames=',
      'key=',
      'office12',
    ]) {
      expect(tunnelled.includes(Buffer.from(secret))).toBe(false);
    }
    // the platform got its credentials, inside the tunnel
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);

    // --json writes the logger's records: one per request, credential-free
    const requests = lines.filter((l) => l.type === 'log' && l.event === 'request');
    expect(requests).toHaveLength(fake.requests.length);
    expect(requests[0]).toMatchObject({ level: 'info', host: `localhost:${port}`, status: 200 });
    expect(run.stdout).not.toContain(X_TOKEN);
    expect(run.stdout).not.toContain(YT_KEY);
  });

  it('a proxy that refuses the login fails the requests as network faults, naming no secret; NO_PROXY reaches the host directly', {
    timeout: 300_000,
  }, async () => {
    const proxy = await startProxy('someone:else');
    const refused = await collect(
      { HTTPS_PROXY: `http://${PROXY_LOGIN}@127.0.0.1:${proxy.port}` },
      'data-refused',
      'two.json',
    );
    expect(refused.code).toBe(0); // per-account failures, summarised
    const summary = JSON.parse(refused.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ collected: 0, failed: 2 });
    expect(new Set(summary.failures.map((f: { reason: string }) => f.reason))).toEqual(
      new Set(['network']),
    );
    expect(refused.stdout + refused.stderr).not.toContain('proxy-pass-4417');

    const direct = await startProxy(PROXY_LOGIN);
    const bypass = await collect(
      { HTTPS_PROXY: `http://${PROXY_LOGIN}@127.0.0.1:${direct.port}`, NO_PROXY: 'localhost' },
      'data-direct',
    );
    expect(bypass.code).toBe(0);
    expect(JSON.parse(bypass.stdout.trim().split('\n').at(-1)!)).toMatchObject({ collected: 210 });
    expect(direct.seen.connects).toEqual([]);
  });

  it('a proxy URL that is not one is refused (exit 2) without echoing it', {
    timeout: 120_000,
  }, async () => {
    const run = await collect({ HTTPS_PROXY: 'proxy.example.in:3128 with-password' }, 'data-bad');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'Expected HTTPS_PROXY to be a proxy URL such as http://proxy.example.in:3128 (http:// or https://; the value is not shown',
    );
    expect(run.stderr).not.toContain('with-password');
  });
});
