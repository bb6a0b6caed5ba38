/**
 * How `collect` shows its progress: on a terminal, a live display with a line per platform (done
 * / total, failures, and while a platform waits for its quota, until when, in the chosen time
 * zone); elsewhere (a log file, cron) one plain line per batch; with `--json`, one JSON object per
 * line. The three share one interface, where a logger can be plugged in later.
 */
import type { CollectProgress, WaitingProgress } from '../index.js';
import type { Output } from './io.js';
import { clockTime } from './time.js';

/** A platform's line: what it has to collect and how far it is. */
export interface PlatformLine {
  readonly platform: string;
  /** `X (Twitter)`, `Facebook`. */
  readonly name: string;
  /** Accounts of this platform to collect. */
  readonly total: number;
  /** Collected by an earlier run of the same period (`--resume`). */
  readonly resumed: number;
  /** Why it will not be collected (no credential, no provider), if so. */
  readonly skipped?: string;
}

/** What a collection run tells its reporter. */
export interface Reporter {
  start(info: { lines: readonly PlatformLine[]; store: string; resume: boolean }): void;
  /** The library's progress events. */
  progress(event: CollectProgress): void;
  /** Entries of a platform that got a figure or failed, counted as a batch returns. */
  counted(platform: string, done: number, failed: number): void;
  /** A line of its own: an API base override, a skipped platform. */
  note(text: string, fields?: Record<string, unknown>): void;
  /** The first Ctrl-C. */
  stopping(): void;
  /** A record of the library's logger (one per request and per wait): written with --json only. */
  log(level: 'info' | 'warn' | 'error', record: Record<string, unknown>, message?: string): void;
  /** The end: `lines` of summary (plain text), and the same as fields for JSON. */
  finish(lines: readonly string[], fields: Record<string, unknown>): void;
}

/** Options shared by the reporters. */
export interface ReporterOptions {
  out: Output;
  timeZone: string;
  now?: () => Date;
}

/** The right reporter for where output goes. */
export function createReporter(options: ReporterOptions & { json: boolean }): Reporter {
  if (options.json) return new JsonReporter(options);
  if (options.out.isTTY) return new LiveReporter(options);
  return new PlainReporter(options);
}

/** "waiting for X's window until 14:32 IST" */
export function describeWait(event: WaitingProgress, name: string, timeZone: string, now: Date) {
  const until = clockTime(event.until, timeZone, now);
  const who = event.platform === 'mastodon' ? (event.bucket.split(':').at(-1) ?? name) : name;
  switch (event.reason) {
    case 'quota':
      return `waiting for ${who}'s window until ${until}`;
    case 'throttled':
      return `${who} asked to slow down: waiting until ${until}`;
    case 'quota-exhausted':
      return `${who}'s daily quota is spent: waiting until ${until}`;
    case 'circuit-open':
      return `${who} keeps failing: trying again at ${until}`;
    default:
      return `waiting for ${who} until ${until}`;
  }
}

// ---------------------------------------------------------------------------------------------

interface LineState extends PlatformLine {
  done: number;
  failed: number;
  /** Counted since the platform's last batch event (that event's batch). */
  pending: { done: number; failed: number };
  /** The last batch's counts. */
  batch: { done: number; failed: number };
  /** Waits by bucket. */
  waits: Map<string, { text: string; until: number }>;
}

abstract class BaseReporter implements Reporter {
  protected readonly out: Output;
  protected readonly timeZone: string;
  protected readonly now: () => Date;
  protected lines = new Map<string, LineState>();

  constructor(options: ReporterOptions) {
    this.out = options.out;
    this.timeZone = options.timeZone;
    this.now = options.now ?? (() => new Date());
  }

  start(info: { lines: readonly PlatformLine[]; store: string; resume: boolean }): void {
    for (const line of info.lines) {
      this.lines.set(line.platform, {
        ...line,
        done: line.resumed,
        failed: 0,
        pending: { done: 0, failed: 0 },
        batch: { done: 0, failed: 0 },
        waits: new Map(),
      });
    }
  }

  progress(event: CollectProgress): void {
    const line = this.lines.get(event.platform);
    if (!line) return;
    if (event.type === 'batch') {
      // The engine's `event.batch` is a difference of its running totals, which batches of other
      // buckets running at the same time move too; the counts of the provider's answers are used.
      line.batch = line.pending;
      line.pending = { done: 0, failed: 0 };
      line.done += line.batch.done;
      line.failed += line.batch.failed;
    } else if (event.type === 'waiting') {
      line.waits.set(event.bucket, {
        text: describeWait(event, line.name, this.timeZone, this.now()),
        until: event.until.getTime(),
      });
    }
  }

  counted(platform: string, done: number, failed: number): void {
    const line = this.lines.get(platform);
    if (!line) return;
    line.pending = { done: line.pending.done + done, failed: line.pending.failed + failed };
  }

  abstract note(text: string, fields?: Record<string, unknown>): void;

  log(_level: string, _record: Record<string, unknown>, _message?: string): void {}
  abstract stopping(): void;
  abstract finish(lines: readonly string[], fields: Record<string, unknown>): void;

  /** `14:05:12` in the time zone, for plain lines. */
  protected stamp(): string {
    return new Intl.DateTimeFormat('en-GB', {
      timeZone: this.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(this.now());
  }

  protected totals() {
    let done = 0;
    let failed = 0;
    let total = 0;
    for (const line of this.lines.values()) {
      done += line.done;
      failed += line.failed;
      total += line.total;
    }
    return { done, failed, total };
  }
}

/** One plain line per batch, wait and notice: for log files and cron mail. */
class PlainReporter extends BaseReporter {
  private readonly lastWait = new Map<string, string>();

  override start(info: { lines: readonly PlatformLine[]; store: string; resume: boolean }): void {
    super.start(info);
    const { total } = this.totals();
    const resumed = info.lines.reduce((sum, l) => sum + l.resumed, 0);
    this.write(
      `collecting ${total} accounts into the ${info.store}${resumed ? ` (${resumed} already collected today)` : ''}`,
    );
    for (const line of info.lines) if (line.skipped) this.write(`${line.name}: ${line.skipped}`);
  }

  override progress(event: CollectProgress): void {
    super.progress(event);
    const line = this.lines.get(event.platform);
    const name = line?.name ?? event.platform;
    if (event.type === 'batch' && line) {
      this.write(
        `${name}: ${line.batch.done} done, ${line.batch.failed} failed; ${name} ${line.done + line.failed}/${line.total}, all ${event.done + event.failed}/${event.total}`,
      );
    } else if (event.type === 'waiting') {
      // every request held back says so: one line per bucket and end of the wait
      const text = describeWait(event, name, this.timeZone, this.now());
      if (this.lastWait.get(event.bucket) !== text) this.write(`${name}: ${text}`);
      this.lastWait.set(event.bucket, text);
    } else if (event.type === 'notice') {
      this.write(`${name}: ${event.message}`);
    }
  }

  note(text: string): void {
    this.write(text);
  }

  stopping(): void {
    this.write('stopping (Ctrl-C again to quit at once)…');
  }

  finish(lines: readonly string[]): void {
    for (const line of lines) this.out.write(`${line}\n`);
  }

  private write(text: string): void {
    this.out.write(`${this.stamp()} ${text}\n`);
  }
}

/** One JSON object per line, each with `type` and `time`. */
class JsonReporter extends BaseReporter {
  override start(info: { lines: readonly PlatformLine[]; store: string; resume: boolean }): void {
    super.start(info);
    this.write({
      type: 'start',
      store: info.store,
      resume: info.resume,
      platforms: info.lines.map(({ platform, total, resumed, skipped }) => ({
        platform,
        total,
        resumed,
        ...(skipped ? { skipped } : {}),
      })),
    });
  }

  override progress(event: CollectProgress): void {
    super.progress(event);
    if (event.type === 'waiting') {
      this.write({ ...event, until: event.until.toISOString() });
    } else if (event.type === 'batch') {
      const line = this.lines.get(event.platform);
      this.write({
        ...event,
        ...(line
          ? {
              batch: line.batch,
              platformDone: line.done,
              platformFailed: line.failed,
              platformTotal: line.total,
            }
          : {}),
      });
    } else this.write({ ...event });
  }

  note(text: string, fields: Record<string, unknown> = {}): void {
    this.write({ type: 'note', message: text, ...fields });
  }

  stopping(): void {
    this.write({ type: 'stopping', message: 'stopping (Ctrl-C again to quit at once)' });
  }

  override log(level: string, record: Record<string, unknown>, message?: string): void {
    this.write({ ...record, type: 'log', level, ...(message ? { message } : {}) });
  }

  finish(_lines: readonly string[], fields: Record<string, unknown>): void {
    this.write(fields);
  }

  private write(fields: Record<string, unknown>): void {
    this.out.write(`${JSON.stringify({ ...fields, time: this.now().toISOString() })}\n`);
  }
}

/** A block of lines redrawn in place on a terminal. */
class LiveReporter extends BaseReporter {
  private drawn = 0;
  private header = '';
  private status = '';
  private timer: NodeJS.Timeout | undefined;
  private last = 0;

  private ticker: NodeJS.Timeout | undefined;

  override start(info: { lines: readonly PlatformLine[]; store: string; resume: boolean }): void {
    super.start(info);
    // a wait that has ended leaves the screen without an event saying so
    this.ticker = setInterval(() => this.schedule(), 1_000);
    this.ticker.unref?.();
    const { total } = this.totals();
    this.header = `Collecting ${total} accounts into the ${info.store}`;
    this.status = 'Ctrl-C stops; `collect --resume` completes the run later';
    this.draw();
  }

  override progress(event: CollectProgress): void {
    super.progress(event);
    if (event.type === 'notice') {
      this.clear();
      this.out.write(
        `${this.lines.get(event.platform)?.name ?? event.platform}: ${event.message}\n`,
      );
      this.drawn = 0;
    }
    this.schedule();
  }

  note(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
    this.drawn = 0;
    this.draw();
  }

  stopping(): void {
    this.status = 'Stopping… (Ctrl-C again to quit at once)';
    this.draw();
  }

  finish(lines: readonly string[]): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.status = '';
    this.draw();
    for (const line of lines) this.out.write(`${line}\n`);
  }

  /** At most ten redraws a second; the last state is always drawn. */
  private schedule(): void {
    const wait = 100 - (Date.now() - this.last);
    if (wait <= 0) {
      this.draw();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.draw();
    }, wait);
    this.timer.unref?.();
  }

  private clear(): void {
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}F\x1b[J`);
  }

  private draw(): void {
    this.last = Date.now();
    const now = this.now().getTime();
    const width = Math.max(40, (this.out.columns || 100) - 1);
    const nameWidth = Math.max(...[...this.lines.values()].map((l) => l.name.length), 8);
    const countWidth = Math.max(...[...this.lines.values()].map((l) => `${l.total}`.length), 1);
    const rows = [this.header];
    for (const line of this.lines.values()) {
      const count = `${String(line.done + line.failed).padStart(countWidth)}/${String(line.total).padEnd(countWidth)}`;
      let tail: string;
      if (line.skipped) tail = `skipped: ${line.skipped}`;
      else {
        const waits = [...line.waits.values()].filter((w) => w.until > now);
        const parts = [];
        if (line.failed > 0) parts.push(`${line.failed} failed`);
        if (waits[0])
          parts.push(waits[0].text + (waits.length > 1 ? ` (+${waits.length - 1})` : ''));
        else if (line.done + line.failed >= line.total) parts.push('done');
        tail = parts.join('  ');
      }
      rows.push(`  ${line.name.padEnd(nameWidth)}  ${count}  ${tail}`);
    }
    const { done, failed, total } = this.totals();
    rows.push(
      `  ${'all'.padEnd(nameWidth)}  ${done + failed}/${total}${failed ? `  ${failed} failed` : ''}`,
    );
    if (this.status) rows.push(this.status);
    this.clear();
    this.out.write(`${rows.map((r) => cut(r, width)).join('\n')}\n`);
    this.drawn = rows.length;
  }
}

/** A line cut to the terminal's width, so that redrawing never wraps. */
function cut(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
