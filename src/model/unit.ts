import { z } from 'zod/v4';
import { describeValue, quoteInput } from '../errors.js';
import { ownRecord } from './own-record.js';

/** Ids of units and accounts: letters, digits and `. _ : / -`, starting with a letter or digit. */
export const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/, {
  error: (issue) =>
    `expected an id of letters, digits and . _ : / - (starting with a letter or digit), got ${typeof issue.input === 'string' ? quoteInput(issue.input) : describeValue(issue.input)}`,
});

/** A name in English with an optional Hindi form, or one string used for both. */
export const LocalizedName = z.union([
  z.string().trim().min(1),
  z.strictObject({ en: z.string().trim().min(1), hi: z.string().trim().min(1).optional() }),
]);
/** See the {@link LocalizedName} schema. */
export type LocalizedName = z.output<typeof LocalizedName>;

/** The kinds of units social-reach knows; any other non-empty string is a custom kind. */
export const UNIT_KINDS = [
  'country',
  'state',
  'division',
  'district',
  'office',
  'official',
] as const;

/**
 * A unit kind: `country`, `state`, `division`, `district`, `office` or `official`, or a custom kind
 * such as `'tehsil'`.
 */
export type UnitKind = (typeof UNIT_KINDS)[number] | (string & {});

/**
 * A node of the organisation tree: country, state, division, district, office, official, or a
 * custom kind.
 *
 * @example
 * ```ts
 * { id: 'indore-collector', kind: 'official', name: { en: 'Collector, Indore', hi: 'कलेक्टर, इंदौर' }, parent: 'indore-district' }
 * ```
 */
export const Unit = z.strictObject({
  id: Id,
  kind: z.string().trim().min(1) as z.ZodType<UnitKind>,
  name: LocalizedName,
  /** The parent unit's id; absent for a root. */
  parent: Id.optional(),
  /**
   * Roles the unit plays across the tree, e.g. `['collector']` on each district's collector, so
   * that `rank(…, { tag: 'collector', within: 'mp' })` ranks every collector of the state.
   */
  tags: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  /** Free-form data of your own, carried along untouched. */
  meta: ownRecord(z.unknown()).optional(),
});
/** See the {@link Unit} schema. */
export type Unit = z.output<typeof Unit>;

/** A name in a language, falling back to English when there is no Hindi form. */
export function localizedName(name: LocalizedName, language: 'en' | 'hi' = 'en'): string {
  if (typeof name === 'string') return name;
  return language === 'hi' ? (name.hi ?? name.en) : name.en;
}

/** A unit's name in a language, falling back to English when there is no Hindi form. */
export function unitName(unit: Pick<Unit, 'name'>, language: 'en' | 'hi' = 'en'): string {
  return localizedName(unit.name, language);
}
