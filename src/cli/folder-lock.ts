/**
 * A lock file beside an embedded store's folder (`social-reach-data.lock`): PGlite lets two
 * processes open one folder at once, and their writes then overwrite each other's. Every command
 * that opens the folder takes it first; a second one is told who holds it. A lock file left by a
 * process that died (same host, its pid gone) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliError, EXIT } from './errors.js';

/** Who holds a lock, as written in the lock file and shown to the next one. */
export interface Holder {
  command: string;
  pid: number;
  host: string;
  since: string;
}

/** The words of the current process as a holder: `collect, pid 4242 on ops-01`. */
export function holderOf(command: string): Holder {
  return { command, pid: process.pid, host: hostname(), since: new Date().toISOString() };
}

/** `social-reach collect (pid 4242 on ops-01, since 2026-12-03T08:32:00.000Z)`. */
export function describeHolder(holder: Holder): string {
  return `social-reach ${holder.command} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
}

/** Takes the lock file `path` for the current process, or throws naming who holds it. */
export function takeFolderLock(path: string, command: string): { release(): void } {
  const me = holderOf(command);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          // only our own file: a stale-lock takeover by another process leaves it theirs
          if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
        } catch {}
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    }
    const held = readHolder(path);
    if (held && !(held.host === me.host && !alive(held.pid))) {
      throw new CliError(
        `the store's folder is in use by ${describeHolder(held)}: wait for it to end (a folder holds one process at a time; use a PostgreSQL server, --database-url, to report while collecting). If no such process runs, delete ${path}.`,
        EXIT.busy,
      );
    }
    // unreadable, or left by a process that has ended on this host: take it over
    rmSync(path, { force: true });
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const text = readFileSync(path, 'utf8').slice(0, 2000);
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return undefined;
    return {
      command: String(parsed.command ?? '?').slice(0, 40),
      pid: parsed.pid,
      host: parsed.host.slice(0, 100),
      since: String(parsed.since ?? '?').slice(0, 40),
    };
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
