/**
 * A hostile "Mastodon server" for the `hostile` benchmark, in its own process so that its work
 * (and its 256 MB of zeros) does not count in the client's memory. Prints `{ url }` when
 * listening; exits when stdin closes. Every path is `/<scenario>/api/v1/accounts/lookup`:
 * - `ok`: an ordinary account answer (the control);
 * - `bomb`: a 200 whose gzip body (about 255 KB on the wire) inflates to 256 MB of zeros;
 * - `endless`: a 503 whose body never ends;
 * - `objects`: a 200 of JSON `[{},{},…]` of argv[2] bytes (the client's `maxBodyBytes`): the most
 *   objects per byte that limit lets through.
 */
import { createServer, type ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';

const MiB = 1024 * 1024;

/** 256 MiB of zeros, gzipped once at start (it compresses about 1,000 to 1). */
async function gzipOfZeros(mib: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MiB);
  for (let i = 0; i < mib; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await done;
  return Buffer.concat(parts);
}

const bomb = await gzipOfZeros(256);
const objectsBytes = Number(process.argv[2] ?? MiB);
const objects = Buffer.from(`[${'{},'.repeat(Math.floor((objectsBytes - 4) / 3))}{}]`);
const chunk = Buffer.alloc(64 * 1024, 'x');

function endless(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json' });
  res.write('{"error":"');
  let open = true;
  res.on('close', () => {
    open = false;
  });
  const pump = () => {
    while (open) {
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

const server = createServer((req, res) => {
  req.resume();
  const scenario = req.url?.split('/')[1];
  if (scenario === 'bomb') {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': bomb.length,
    });
    res.end(bomb);
  } else if (scenario === 'endless') {
    endless(res);
  } else if (scenario === 'objects') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': objects.length });
    res.end(objects);
  } else {
    const acct = new URL(req.url ?? '/', 'http://x').searchParams.get('acct') ?? 'u';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: '1', username: acct, acct, followers_count: 42 }));
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${port}`, bombBytes: bomb.length })}\n`,
  );
});
process.stdin.resume();
process.stdin.on('end', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
