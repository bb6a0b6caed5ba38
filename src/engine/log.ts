import type { Logger } from './collect-options.js';

/** Hands a record to the collection's logger, if any; a logger that throws is ignored. */
export function log(
  logger: Logger | undefined,
  level: 'info' | 'warn' | 'error',
  record: Record<string, unknown>,
  message: string,
): void {
  if (!logger) return;
  try {
    logger[level](record, message);
  } catch {
    // a logger's failure is not the collection's
  }
}
