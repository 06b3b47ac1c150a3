// The pseudo-locale's messages, made from the English ones: every letter of the text accented and the message
// bracketed, "Fleet" → "[Ƒļééţ]", so a screen in this locale shows at a glance (and to the e2e test) any text that
// did not come from a catalog. Only the message's text changes: ICU arguments, plural and select syntax stay, so
// the pseudo catalog formats exactly like the English one.

const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'ŝ',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Ŝ',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/**
 * In ICU message format, text sits at an even brace depth (0 for the message, 2 inside a plural's or a select's
 * option) and argument syntax at an odd one; a quoted span ('{' … ') is text too and is kept as it is.
 */
export function pseudoLocalize(message: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < message.length; i++) {
    const ch = message[i]!;
    if (quoted) {
      out += ch;
      if (ch === "'") quoted = false;
      continue;
    }
    if (ch === "'" && (message[i + 1] === '{' || message[i + 1] === '}' || message[i + 1] === '#')) {
      quoted = true;
      out += ch;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    out += depth % 2 === 0 && ch !== '}' ? (ACCENTED[ch] ?? ch) : ch;
  }
  return `[${out}]`;
}

/** A whole catalog in the pseudo-locale. */
export function pseudoCatalog(catalog: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(catalog).map(([key, message]) => [key, pseudoLocalize(message)]));
}
