import { sha256Hex } from './sha256.js';

/** How many hex digits of the digest a tag keeps: 48 bits, short enough for a bucket name. */
const TAG_LENGTH = 12;

/**
 * A short, non-reversible tag for a credential: the first 12 hex digits of its SHA-256 digest.
 * Buckets and messages tell two credentials apart by it without carrying either; the same
 * credential always gives the same tag. Synchronous, since providers name their buckets when they
 * are made.
 */
export function credentialTag(secret: string): string {
  return sha256Hex(secret).slice(0, TAG_LENGTH);
}
