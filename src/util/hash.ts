/**
 * A short, non-reversible tag for a credential (FNV-1a, 32 bits, hex), so that buckets and messages
 * can tell two credentials apart without carrying either.
 */
export function credentialTag(secret: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < secret.length; i++) {
    hash ^= secret.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
