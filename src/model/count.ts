import { z } from 'zod/v4';
import { CountError, ValidationError, zodIssues } from '../errors.js';

/**
 * A follower count with honest precision: `value` is the best figure, `min` and `max` the bounds
 * that are known (`null` when unknown).
 *
 * | what was known                         | value  | min    | max            |
 * | -------------------------------------- | ------ | ------ | -------------- |
 * | exactly 5,500 (an API's integer)       | 5500   | 5500   | 5500           |
 * | "more than 32 thousand"                | 32000  | 32000  | null           |
 * | "about 77 thousand"                    | 77000  | null   | null           |
 * | YouTube "36200000" (3 significant fig.) | 36200000 | 36200000 | 36299999   |
 *
 * @example
 * ```ts
 * const c: Count = { value: 32_000, min: 32_000, max: null }; // at least 32,000
 * ```
 */
export const Count = z
  .object({
    value: z.number().int().nonnegative(),
    min: z.number().int().nonnegative().nullable(),
    max: z.number().int().nonnegative().nullable(),
  })
  .check((ctx) => {
    const { value, min, max } = ctx.value;
    if (min !== null && min > value) {
      ctx.issues.push({
        code: 'custom',
        input: min,
        path: ['min'],
        message: `min (${min}) must not exceed value (${value})`,
      });
    }
    if (max !== null && max < value) {
      ctx.issues.push({
        code: 'custom',
        input: max,
        path: ['max'],
        message: `max (${max}) must not be below value (${value})`,
      });
    }
  });
/** See the {@link Count} schema. */
export type Count = z.output<typeof Count>;

/**
 * How precise a {@link Count} is, derived from its bounds:
 * - `exact`: min = max = value;
 * - `at-least`: min = value, max unknown ("more than 32 thousand");
 * - `at-most`: max = value, min unknown ("less than 5 thousand");
 * - `range`: both bounds known but apart (YouTube's rounded counts);
 * - `approximate`: neither bound known ("about 77 thousand").
 */
export type CountPrecision = 'exact' | 'at-least' | 'at-most' | 'range' | 'approximate';

/** A count known exactly. */
export function exactCount(value: number): Count {
  return checked({ value, min: value, max: value });
}

/** A lower bound: "more than `value`". */
export function atLeastCount(value: number): Count {
  return checked({ value, min: value, max: null });
}

/** An upper bound: "less than `value`". */
export function atMostCount(value: number): Count {
  return checked({ value, min: null, max: value });
}

/** An approximate figure with no known bounds: "about `value`". */
export function approximateCount(value: number): Count {
  return checked({ value, min: null, max: null });
}

/**
 * A count rounded down to a step, as YouTube reports subscribers: the true figure lies between
 * `value` and `value + step - 1`.
 *
 * @example roundedDownCount(36_200_000, 100_000) // { value: 36200000, min: 36200000, max: 36299999 }
 */
export function roundedDownCount(value: number, step: number): Count {
  if (!Number.isSafeInteger(step) || step < 1) {
    throw new CountError(String(step), `Expected \`step\` to be an integer >= 1, got ${step}`);
  }
  return checked({ value, min: value, max: value + step - 1 });
}

/** The precision of a count, read from its bounds. */
export function countPrecision(count: Count): CountPrecision {
  const { value, min, max } = count;
  if (min !== null && max !== null) return min === max && min === value ? 'exact' : 'range';
  if (min !== null) return 'at-least';
  if (max !== null) return 'at-most';
  return 'approximate';
}

/**
 * Adds counts: values and bounds add up, and an unknown bound stays unknown. The sum of no counts
 * is an exact zero.
 *
 * @example addCounts([exactCount(5_500), atLeastCount(32_000)]) // at least 37,500
 */
export function addCounts(counts: Iterable<Count>): Count {
  let value = 0;
  let min: number | null = 0;
  let max: number | null = 0;
  for (const count of counts) {
    value += count.value;
    min = min === null || count.min === null ? null : min + count.min;
    max = max === null || count.max === null ? null : max + count.max;
  }
  return { value, min, max };
}

/**
 * A difference between two counts, which may be negative: `after - before`, with bounds where
 * both sides' bounds are known.
 */
export interface CountChange {
  readonly value: number;
  readonly min: number | null;
  readonly max: number | null;
}

/** `after - before`, with the widest bounds the two counts allow. */
export function subtractCounts(after: Count, before: Count): CountChange {
  return {
    value: after.value - before.value,
    min: after.min === null || before.max === null ? null : after.min - before.max,
    max: after.max === null || before.min === null ? null : after.max - before.min,
  };
}

/**
 * Checks that `input` is a valid {@link Count} and returns it; throws {@link ValidationError}
 * listing every problem otherwise.
 */
export function parseCountObject(input: unknown, what = 'Count'): Count {
  const result = Count.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(what, zodIssues(result.error));
}

function checked(count: Count): Count {
  if (!Number.isSafeInteger(count.value) || count.value < 0) {
    throw new CountError(
      String(count.value),
      `Expected a count to be a whole number >= 0, got ${count.value}`,
    );
  }
  return count;
}
