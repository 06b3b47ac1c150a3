// Vehicle Identification Numbers (ISO 3779): 17 characters, no I, O or Q. Position 9 is the check digit of the
// North-American scheme (49 CFR 565), which Stellantis' European brands do not have to honour but which any
// VIN we generate ourselves should carry, so that strict validators accept it.

const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Weight of each position (1–17) in the check-digit sum; position 9 (the digit itself) weighs 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Letters transliterate to 1–9; I, O and Q are never used. */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore

/** Whether the text is shaped like a VIN: 17 characters from the allowed alphabet (upper case). */
export function isVinShaped(vin: string): boolean {
  return VIN_PATTERN.test(vin);
}

/** The check digit ('0'–'9' or 'X') for a VIN-shaped string; position 9 itself is ignored. */
export function vinCheckDigit(vin: string): string {
  if (!isVinShaped(vin)) throw new Error(`Not a VIN: ${JSON.stringify(vin)}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const c = vin.charAt(i);
    const value = c >= '0' && c <= '9' ? Number(c) : (LETTER_VALUES[c] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** A VIN is valid when it is VIN-shaped and its position 9 holds the right check digit. */
export function isValidVin(vin: string): boolean {
  return isVinShaped(vin) && vin.charAt(8) === vinCheckDigit(vin);
}

/** Returns the VIN with position 9 replaced by its check digit. */
export function withCheckDigit(vin: string): string {
  const normalised = vin.slice(0, 8) + '0' + vin.slice(9);
  return normalised.slice(0, 8) + vinCheckDigit(normalised) + normalised.slice(9);
}

/** The World Manufacturer Identifier: the first three characters. */
export function worldManufacturerIdentifier(vin: string): string {
  return vin.slice(0, 3);
}
