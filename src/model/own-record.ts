import { z } from 'zod/v4';

/**
 * `z.record(z.string(), value)` that refuses a `__proto__` key, with its path, instead of losing it.
 *
 * zod skips an own `__proto__` key of a record (assigning it to the result would replace the
 * result's prototype), so `{ "extra": { "__proto__": 5 } }` read from JSON used to come out as
 * `{ extra: {} }` without a word. `constructor` and `prototype` are ordinary own keys of a record
 * and come through untouched; the code that looks keys up uses `Map`s or `Object.hasOwn`.
 * Internal.
 */
export function ownRecord<T extends z.ZodType>(
  value: T,
): z.ZodType<Record<string, z.output<T>>, Record<string, z.input<T>>> {
  return z
    .unknown()
    .check((ctx) => {
      const input = ctx.value;
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        ctx.issues.push({
          code: 'custom',
          input,
          path: ['__proto__'],
          message:
            'expected a key other than "__proto__" (JavaScript objects take it for their prototype, so it would be lost)',
        });
      }
    })
    .pipe(z.record(z.string(), value)) as unknown as z.ZodType<
    Record<string, z.output<T>>,
    Record<string, z.input<T>>
  >;
}
