/**
 * Compares two byte strings in time that depends only on their length, so an attacker timing
 * token checks learns nothing about how many leading bytes of a forged MAC were right.
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
