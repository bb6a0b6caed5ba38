/**
 * Runs a fake platform server in its own process for the benchmarks, so that the server's work
 * does not share a core with the client being measured (they would be separate machines in real
 * use). Reads its options as JSON from argv[2] plus account shapes; prints `{ url }` when
 * listening; answers commands on stdin: `stats`, `reset`, `close`.
 */
import { createInterface } from 'node:readline';
import {
  createFakePlatformServer,
  type FakeAccount,
  type FakeServerOptions,
} from '../src/testing/index.js';

interface Spec {
  options: Omit<FakeServerOptions, 'accounts'>;
  /** Accounts as `{ platform, prefix, suffix, count }`: handles `${prefix}${i}${suffix}`, followers i. */
  accounts: { platform: FakeAccount['platform']; prefix: string; suffix: string; count: number }[];
}

const spec = JSON.parse(process.argv[2] ?? '{}') as Spec;
const server = await createFakePlatformServer({
  ...spec.options,
  accounts: spec.accounts.flatMap((a) =>
    Array.from({ length: a.count }, (_, i) => ({
      platform: a.platform,
      handle: `${a.prefix}${i}${a.suffix}`,
      followers: i,
    })),
  ),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stats') process.stdout.write(`${JSON.stringify(server.stats())}\n`);
  else if (line === 'cpu') process.stdout.write(`${JSON.stringify(process.cpuUsage())}\n`);
  else if (line === 'reset') {
    server.reset();
    process.stdout.write('{}\n');
  } else if (line === 'close') {
    await server.close();
    process.stdout.write('{}\n');
    process.exit(0);
  }
}
