// How a vehicle's make and model read on one line. The network often names the model with its brand already in it
// (brand "DS", model "DS 7 E-Tense"): the brand is then not said twice.

/** "Peugeot e-208"; "DS 7 E-Tense" (not "DS DS 7 E-Tense"); whichever of the two is known; "" when neither. */
export function makeAndModel(brand: string | null, model: string | null): string {
  const b = brand?.trim() ?? '';
  const m = model?.trim() ?? '';
  if (!b || !m) return b || m;
  const lower = m.toLowerCase();
  const prefix = b.toLowerCase();
  const startsWithBrand = lower === prefix || (lower.startsWith(prefix) && /[\s-]/.test(m[b.length] ?? ''));
  return startsWithBrand ? m : `${b} ${m}`;
}
