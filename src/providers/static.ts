import {
  describeValue,
  ProviderError,
  quoteInput,
  ValidationError,
  type ValidationIssue,
  zodIssues,
} from '../errors.js';
import { type Count, Count as CountSchema, exactCount } from '../model/count.js';
import {
  identityKey,
  isBuiltInPlatform,
  PLATFORMS,
  type PlatformDefinition,
  type PlatformId,
} from '../model/platform.js';
import { SnapshotSource, Timestamp } from '../model/snapshot.js';
import { parseCount } from '../numbers/parse-count.js';
import type { FetchContext, ProviderResult, ProviderV1 } from '../spec/v1/index.js';

/**
 * A figure entered by hand: a number (exact), a phrase read by `parseCount`
 * (`'32 हजार से अधिक'`, `'about 77K'`), or a {@link Count}.
 */
export type StaticValue = number | string | Count;

/** A figure with its provenance. */
export interface StaticEntry {
  count: StaticValue;
  /** When the figure was true. @default the provider's `takenAt`, else the collection's clock */
  takenAt?: Date | string;
  /** Where the figure came from, e.g. `'Indore News, 2021'`. @default the provider's `note` */
  note?: string;
  /** Where it can be checked. @default the provider's `evidenceUrl` */
  evidenceUrl?: string;
}

/** Options of {@link staticProvider}. */
export interface StaticProviderOptions {
  /** @default 'static' */
  name?: string;
  /** When the figures were true, for entries that do not say. @default the collection's clock */
  takenAt?: Date | string;
  /** Provenance for entries that do not give their own. */
  note?: string;
  evidenceUrl?: string;
}

/**
 * A provider for figures entered by hand: platforms without an API (Koo, WhatsApp Channels,
 * podcasts), old press figures, or counts read off a screen. Entries are keyed by handle, as you
 * would write it (`'@IndoreCollector'`, a profile URL…); accounts without an entry fail as
 * `not-found`, never as zero. Provenance (note, evidence URL) is kept in each snapshot's source.
 *
 * @throws {ValidationError} listing every entry that is not a valid handle or figure.
 *
 * @example
 * ```ts
 * const x = staticProvider('x', {
 *   DivComIndore: '32 हजार से अधिक',
 *   IndoreCollector: { count: 'लगभग 77 हजार', note: 'Indore News report' },
 * }, { takenAt: '2021-06-01T00:00:00+05:30' });
 * ```
 */
export function staticProvider(
  platform: PlatformId | PlatformDefinition,
  entries: Readonly<Record<string, StaticValue | StaticEntry>>,
  options: StaticProviderOptions = {},
): ProviderV1 {
  const definition = resolvePlatform(platform);
  const name = options.name ?? 'static';
  const issues: ValidationIssue[] = [];
  const defaultTakenAt = readTimestamp(options.takenAt, ['options', 'takenAt'], issues);
  const table = new Map<string, Resolved>();
  for (const [handle, raw] of Object.entries(entries ?? {})) {
    const path = ['entries', handle];
    let key: string;
    try {
      key = identityKey(definition, definition.normalize(handle));
    } catch (error) {
      issues.push({ path, message: (error as Error).message.replace(/^\[social-reach\] /, '') });
      continue;
    }
    const entry: StaticEntry = isEntry(raw) ? raw : { count: raw };
    const count = readCount(entry.count, [...path, 'count'], issues);
    const takenAt = readTimestamp(entry.takenAt, [...path, 'takenAt'], issues) ?? defaultTakenAt;
    const source = SnapshotSource.safeParse({
      provider: name,
      note: entry.note ?? options.note,
      evidenceUrl: entry.evidenceUrl ?? options.evidenceUrl,
    });
    if (!source.success) issues.push(...zodIssues(source.error, path));
    if (count && source.success) table.set(key, { count, takenAt, source: source.data });
  }
  if (issues.length > 0)
    throw new ValidationError(`staticProvider(${definition.id}) entries`, issues);

  return {
    specificationVersion: 'v1',
    platform: definition.id,
    name,
    maxBatchSize: 1_000,
    async fetchBatch(accounts, context: FetchContext): Promise<ProviderResult[]> {
      return accounts.map((account): ProviderResult => {
        const entry = table.get(identityKey(definition, account.handle));
        if (!entry) {
          return {
            ok: false,
            accountId: account.id,
            error: new ProviderError(`no figure was entered for "${account.handle}"`, {
              platform: definition.id,
              provider: name,
              reason: 'not-found',
              accountId: account.id,
            }),
          };
        }
        return {
          ok: true,
          snapshot: {
            accountId: account.id,
            platform: definition.id,
            takenAt: entry.takenAt ?? context.now(),
            followers: entry.count,
            source: entry.source,
          },
        };
      });
    },
  };
}

interface Resolved {
  count: Count;
  takenAt: Date | undefined;
  source: SnapshotSource;
}

function resolvePlatform(platform: PlatformId | PlatformDefinition): PlatformDefinition {
  if (typeof platform === 'object' && platform !== null) return platform;
  if (typeof platform === 'string' && isBuiltInPlatform(platform)) return PLATFORMS[platform];
  throw new ValidationError('staticProvider', [
    {
      path: ['platform'],
      message: `unknown platform ${typeof platform === 'string' ? quoteInput(platform) : describeValue(platform)}: pass a built-in id or a definePlatform(...) result`,
    },
  ]);
}

function isEntry(value: unknown): value is StaticEntry {
  return typeof value === 'object' && value !== null && 'count' in value;
}

function readCount(
  value: unknown,
  path: (string | number)[],
  issues: ValidationIssue[],
): Count | undefined {
  try {
    if (typeof value === 'number') return exactCount(value);
    if (typeof value === 'string') return parseCount(value);
  } catch (error) {
    issues.push({ path, message: (error as Error).message.replace(/^\[social-reach\] /, '') });
    return undefined;
  }
  const parsed = CountSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  issues.push(...zodIssues(parsed.error, path));
  return undefined;
}

function readTimestamp(
  value: unknown,
  path: (string | number)[],
  issues: ValidationIssue[],
): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = Timestamp.safeParse(value);
  if (parsed.success) return parsed.data;
  issues.push({
    path,
    message: `expected a Date or an ISO 8601 time with a zone, got ${describeValue(value)}`,
  });
  return undefined;
}
