import { afterEach } from 'vitest';
import {
  createFakePlatformServer,
  type FakePlatformServer,
  type FakeServerOptions,
} from '../../src/testing/fake-server/index.js';

const open: FakePlatformServer[] = [];

/** Starts a fake server that is closed after the test. */
export async function start(options?: FakeServerOptions): Promise<FakePlatformServer> {
  const server = await createFakePlatformServer(options);
  open.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** A JSON answer, its status and headers. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test answers are inspected freely
  body: any;
}

/** Fetches and reads the body as JSON (when it is JSON). */
export async function call(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** 2026-07-02T12:34:56.789Z: a fixed instant for clocks. */
export const T0 = Date.UTC(2026, 6, 2, 12, 34, 56, 789);

/** A settable clock. */
export function fakeClock(start = T0) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

/** Waits until `check` is true (polling), failing after `ms`. */
export async function until(check: () => boolean, ms = 2_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Headers as a plain object with lower-case names (the DOM lib here has no Headers iterator). */
export function headerObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}
