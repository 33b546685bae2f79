// RRSIG times are 32-bit serial numbers (RFC 4034 §3.1.5, RFC 1982): compared modulo 2^32.

/** Sign of a - b in serial-number arithmetic; a distance of exactly 2^31 counts as "before". */
export function serialCompare(a: number, b: number): -1 | 0 | 1 {
  const d = (a - b) >>> 0;
  if (d === 0) return 0;
  return d < 0x80000000 ? 1 : -1;
}

/** Seconds since the epoch, reduced to a 32-bit serial number. */
export function toSerialTime(date: Date): number {
  return Math.floor(date.getTime() / 1000) >>> 0;
}

export type ValidityWindow = 'within' | 'not-yet-valid' | 'expired';

/** Where `now` falls relative to [inception, expiration], all as serial times. */
export function validityWindow(now: number, inception: number, expiration: number): ValidityWindow {
  if (serialCompare(now, inception) < 0) return 'not-yet-valid';
  if (serialCompare(now, expiration) > 0) return 'expired';
  return 'within';
}
