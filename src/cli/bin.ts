#!/usr/bin/env node
// The `social-reach` executable (package.json `bin`): see main.ts and docs/cli.md.
import { main } from './main.js';

// A reader that goes away (`social-reach report | head`) is not an error of the command: what it
// would have written is dropped, and a collection goes on storing what it fetches.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
