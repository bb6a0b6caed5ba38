import { z } from 'zod/v4';
import { ownRecord } from './own-record.js';
import type { PlatformId } from './platform.js';
import { Id, LocalizedName } from './unit.js';

/**
 * Whether an account is in use: `active` accounts are collected and counted; `planned` ones (an
 * office preparing to open it) and `closed` ones (a platform shut down, an account deleted) are
 * listed but neither collected nor counted, and never reported as missing.
 */
export const AccountStatus = z.enum(['active', 'planned', 'closed']);
/** See the {@link AccountStatus} schema. */
export type AccountStatus = z.output<typeof AccountStatus>;

/**
 * One account on one platform, owned by one unit. `handle` is normalised by
 * {@link defineRegistry}: `@Name`, `https://twitter.com/Name` and `Name` become `Name`.
 */
export const Account = z.strictObject({
  id: Id,
  /** The owning unit's id. */
  unit: Id,
  platform: z.string().trim().min(1) as z.ZodType<PlatformId>,
  handle: z.string(),
  /** The platform's own id for the account, when known (X ids exceed 2^53: keep them as strings). */
  platformUserId: z.string().min(1).optional(),
  /** What the account is for, e.g. `'personal'` or `'office'`. */
  role: z.string().min(1).optional(),
  /** A display label, e.g. `'Collector (X)'` or `{ en: 'Collector (X)', hi: 'कलेक्टर (एक्स)' }`. */
  label: LocalizedName.optional(),
  /** @default 'active' */
  status: AccountStatus.default('active'),
  /** Free-form data of your own, carried along untouched. */
  meta: ownRecord(z.unknown()).optional(),
});
/** An account as stored in a {@link Registry} (handle normalised, status filled in). */
export type Account = z.output<typeof Account>;
/** An account as written in a registry input (status optional). */
export type AccountInput = z.input<typeof Account>;
