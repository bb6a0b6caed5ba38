/**
 * The command's environment: the process's variables, with `--env-file` read underneath them
 * (as Node's own `--env-file` does, a variable already set in the environment wins), and the API
 * base overrides (`--api-base`, `SOCIAL_REACH_API_BASE`). Values are never echoed: messages name
 * variables, not what they hold.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { UsageError } from './errors.js';
import { API_PLATFORMS, type ApiPlatform, type BaseUrl } from './providers.js';

/** The environment a command runs with. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The process's environment with an env file's `KEY=VALUE` lines underneath (a variable set in
 * the environment wins). The file is read with Node's own parser (`util.parseEnv`): `#` comments,
 * quoted values, `export ` prefixes.
 */
export function withEnvFile(
  env: Env,
  path: string | undefined,
  cwd: string,
  command?: string,
): Env {
  if (path === undefined) return env;
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      `--env-file <path>: cannot read ${relative(cwd, file) || file}${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`,
      command,
    );
  }
  const values = parseEnv(text.replace(/^\uFEFF/, ''));
  const merged: Record<string, string | undefined> = { ...values };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

/**
 * Reads API base overrides: `platform=url` pairs from `--api-base` (repeatable) and, when no flag
 * is given, from `SOCIAL_REACH_API_BASE` (comma-separated). A Mastodon URL may hold `{host}`, the
 * account's server (`http://127.0.0.1:4000/mastodon/{host}`); without it, `/{host}` is added.
 * Facebook's serves Instagram too unless Instagram has its own.
 */
export function apiBases(
  flags: readonly string[],
  env: Env,
  command?: string,
): { baseUrl: BaseUrl | undefined; overrides: Map<ApiPlatform, string> } {
  const fromFlag = flags.length > 0;
  const entries = fromFlag
    ? flags
    : (env.SOCIAL_REACH_API_BASE ?? '').split(',').filter((e) => e.trim() !== '');
  const source = fromFlag ? '--api-base' : 'SOCIAL_REACH_API_BASE';
  const overrides = new Map<ApiPlatform, string>();
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const platform = entry.slice(0, at).trim().toLowerCase() as ApiPlatform;
    const url = entry.slice(at + 1).trim();
    if (at < 1 || !API_PLATFORMS.includes(platform)) {
      throw new UsageError(
        `Expected ${source} to be platform=url (platform one of ${API_PLATFORMS.join(', ')}), got "${entry.slice(0, 80)}"`,
        command,
      );
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url.replaceAll('{host}', 'host.invalid'));
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new UsageError(
        `Expected the URL of ${source} ${platform}= to be an http(s) URL, got "${url.slice(0, 80)}"`,
        command,
      );
    }
    overrides.set(platform, url.replace(/\/+$/, ''));
  }
  if (overrides.size === 0) return { baseUrl: undefined, overrides };
  const baseUrl: BaseUrl = (platform, host) => {
    const url =
      overrides.get(platform) ?? (platform === 'instagram' ? overrides.get('facebook') : undefined);
    if (url === undefined) return undefined;
    if (platform !== 'mastodon' || host === undefined) return url;
    return url.includes('{host}') ? url.replaceAll('{host}', host) : `${url}/${host}`;
  };
  return { baseUrl, overrides };
}
