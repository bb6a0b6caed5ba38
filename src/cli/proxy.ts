/**
 * The command's proxy: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (or their lower-case forms), from
 * the environment or the env file, through undici's `EnvHttpProxyAgent`. HTTPS requests then go
 * through a CONNECT tunnel: the proxy sees the host and port, and its own `Proxy-Authorization`
 * when its URL carries a login; never a request, a credential of a platform or an answer.
 */
import { type Dispatcher, EnvHttpProxyAgent } from 'undici';
import { UsageError } from './errors.js';

/** The proxy the environment names, as `http` options for collect(), and how to describe it. */
export interface CommandProxy {
  /** undici's agent: the `dispatcher` of every request. */
  dispatcher: Dispatcher;
  /** `proxy.example.in:3128` (never a login), for the start of the log. */
  description: string;
  close(): Promise<void>;
}

/** The proxy of `env`, or undefined when none is set. */
export function proxyFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  command: string,
): CommandProxy | undefined {
  const pick = (upper: string, lower: string) => env[upper] || env[lower] || undefined;
  const httpsProxy = pick('HTTPS_PROXY', 'https_proxy');
  const httpProxy = pick('HTTP_PROXY', 'http_proxy');
  const noProxy = pick('NO_PROXY', 'no_proxy');
  if (!httpsProxy && !httpProxy) return undefined;
  const hosts: string[] = [];
  for (const [name, value] of [
    ['HTTPS_PROXY', httpsProxy],
    ['HTTP_PROXY', httpProxy],
  ] as const) {
    if (!value) continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host) {
      throw new UsageError(
        `Expected ${name} to be a proxy URL such as http://proxy.example.in:3128 (http:// or https://; the value is not shown, as it may hold a password)`,
        command,
      );
    }
    hosts.push(url.host);
  }
  const agent = new EnvHttpProxyAgent({
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(httpProxy ? { httpProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
  });
  return {
    dispatcher: agent,
    description: [...new Set(hosts)].join(', '),
    close: () => agent.close(),
  };
}
