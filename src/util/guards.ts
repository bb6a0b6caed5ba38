/** Type guards shared by the structural checks of answers and snapshots. Internal. */

/** An object that is not an array (JSON's `{…}`). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number from 0 up to 2^53 - 1: a count. */
export function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * `record[key]` when `key` is the record's own key, else `undefined`: a key that came from a caller
 * must not find `Object.prototype`'s members (`record['constructor']` is `Object`).
 */
export function ownValue<T>(
  record: Readonly<Partial<Record<string, T>>>,
  key: string,
): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
