import { spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type {
  FakeAccount,
  FakePlatform,
  FakePlatformStats,
  FakeServerOptions,
} from '../src/testing/index.js';

/** A fake platform server in a child process (see fake-server-process.ts). */
export interface RemoteServer {
  url: string;
  baseUrl(platform: FakePlatform, host?: string): string;
  stats(): Promise<Record<FakePlatform, FakePlatformStats>>;
  /** The server process's CPU time so far, in ms. */
  cpuMs(): Promise<number>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startRemoteServer(
  options: Omit<FakeServerOptions, 'accounts'>,
  accounts: { platform: FakeAccount['platform']; prefix: string; suffix: string; count: number }[],
): Promise<RemoteServer> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./fake-server-process.ts', import.meta.url).pathname,
      JSON.stringify({ options, accounts }),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: Interface = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const next = async () => JSON.parse(((await iterator.next()).value as string) ?? '{}');
  const { url } = (await next()) as { url: string };
  const ask = async (command: string) => {
    child.stdin.write(`${command}\n`);
    return next();
  };
  return {
    url,
    baseUrl: (platform, host) =>
      platform === 'mastodon'
        ? `${url}/mastodon/${host}`
        : `${url}/${platform === 'instagram' ? 'facebook' : platform}`,
    stats: () => ask('stats'),
    cpuMs: async () => {
      const { user, system } = (await ask('cpu')) as { user: number; system: number };
      return (user + system) / 1_000;
    },
    reset: async () => {
      await ask('reset');
    },
    close: async () => {
      await ask('close');
      lines.close();
    },
  };
}
