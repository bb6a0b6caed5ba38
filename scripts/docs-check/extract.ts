import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The TypeScript code blocks of README.md and docs/*.md, with the marker that says how each is
 * checked. test/docs/code-blocks.test.ts type-checks every block and runs the runnable ones.
 *
 * A block is a fence whose info string is `ts` or `typescript`. The line just above it (blank
 * lines between are allowed) may hold a marker, an HTML comment that GitHub and npm do not show:
 *
 * - no marker: the block is type-checked and run as a script (scripts/docs-check/run-block.ts);
 * - `<!-- check: vitest -->`: the block is a test file (`import { it } from 'vitest'`):
 *   type-checked, then run by vitest;
 * - `<!-- check: typecheck-only — why it cannot run -->`: type-checked, not run; the reason is
 *   required;
 * - `<!-- check: listing -->` (or `listing of social-reach/testing`): the block restates types the
 *   package exports; each interface and type alias in it is type-checked and compared with the
 *   export of the same name, so a listing cannot drift from the code. Nothing is run.
 */
export interface CodeBlock {
  /** The Markdown file, relative to the repository root: `docs/providers.md`. */
  readonly file: string;
  /** The line of the opening fence (1-based); the code starts on the next line. */
  readonly line: number;
  readonly code: string;
  readonly mode: 'run' | 'vitest' | 'typecheck-only' | 'listing';
  /** Why a `typecheck-only` block is not run. */
  readonly reason?: string;
  /** For a listing: the entry point whose exports it restates. */
  readonly module?: string;
}

/** The Markdown files whose code blocks are checked. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** Every TypeScript block of the files, and every malformed or stray marker as a problem. */
export function extractAll(root: string): { blocks: CodeBlock[]; problems: string[] } {
  const blocks: CodeBlock[] = [];
  const problems: string[] = [];
  for (const file of docFiles(root)) {
    const found = extractBlocks(readFileSync(join(root, file), 'utf8'), file);
    blocks.push(...found.blocks);
    problems.push(...found.problems);
  }
  return { blocks, problems };
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^\s*<!--\s*check:\s*(.*?)\s*-->\s*$/;
const ENTRY_POINTS = [
  'social-reach',
  'social-reach/provider',
  'social-reach/testing',
  'social-reach/postgres',
  'social-reach/redis',
  'social-reach/reports',
];

/** The TypeScript blocks of one Markdown text. */
export function extractBlocks(
  markdown: string,
  file: string,
): { blocks: CodeBlock[]; problems: string[] } {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const problems: string[] = [];
  let marker: { text: string; line: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const markerMatch = MARKER.exec(text);
    if (markerMatch) {
      if (marker)
        problems.push(`${file}:${marker.line}: a check marker not followed by a ts block`);
      marker = { text: markerMatch[1] ?? '', line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) {
      if (marker && text.trim() !== '') {
        problems.push(`${file}:${marker.line}: a check marker not followed by a ts block`);
        marker = undefined;
      }
      continue;
    }
    const [, indent = '', ticks = '', language = ''] = fence;
    const end = findClosingFence(lines, i + 1, ticks);
    const code = lines
      .slice(i + 1, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
      .join('\n');
    if (language === 'ts' || language === 'typescript') {
      const parsed = parseMarker(marker?.text);
      if ('problem' in parsed) problems.push(`${file}:${marker?.line}: ${parsed.problem}`);
      else blocks.push({ file, line: i + 1, code: `${code}\n`, ...parsed });
    } else if (marker) {
      problems.push(`${file}:${marker.line}: a check marker not followed by a ts block`);
    }
    marker = undefined;
    i = end;
  }
  if (marker) problems.push(`${file}:${marker.line}: a check marker not followed by a ts block`);
  return { blocks, problems };
}

function findClosingFence(lines: readonly string[], from: number, ticks: string): number {
  for (let j = from; j < lines.length; j++) {
    const match = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[j] ?? '');
    if (match?.[1]?.[0] === ticks[0] && (match?.[1]?.length ?? 0) >= ticks.length) return j;
  }
  return lines.length;
}

type Marker = Pick<CodeBlock, 'mode' | 'reason' | 'module'>;

function parseMarker(text: string | undefined): Marker | { problem: string } {
  if (text === undefined) return { mode: 'run' };
  const [, mode = '', rest = ''] = /^([a-z-]+)\s*(.*)$/s.exec(text) ?? [];
  if (mode === 'typecheck-only') {
    const reason = rest.replace(/^[—–:-]\s*/, '').trim();
    if (reason.length < 10) {
      return { problem: 'typecheck-only needs a reason: <!-- check: typecheck-only — why -->' };
    }
    return { mode: 'typecheck-only', reason };
  }
  if (mode === 'vitest' && rest === '') return { mode: 'vitest' };
  if (mode === 'listing') {
    const module = rest === '' ? 'social-reach' : /^of\s+(\S+)$/.exec(rest)?.[1];
    if (!module || !ENTRY_POINTS.includes(module)) {
      return { problem: `listing of what? one of ${ENTRY_POINTS.join(', ')}, got "${rest}"` };
    }
    return { mode: 'listing', module };
  }
  return {
    problem: `unknown check marker "${text}": use "typecheck-only — reason", "vitest" or "listing [of entry point]"`,
  };
}
