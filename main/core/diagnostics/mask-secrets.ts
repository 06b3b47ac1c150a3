// Masks secrets in text bound for the support bundle. Two nets: the secrets we know (the API token, the opened
// sealed values, secret environment variables), in every form they could take in text and by any fragment of 12
// characters or more; and the shapes secrets have (a bearer credential, a field named like a secret, a PEM key, a
// long random-looking run) for those we do not know.

export const REMOVED = '[removed]';

/** Fragments shorter than this are not masked on their own (they would hit ordinary words and numbers). */
const FRAGMENT = 12;

/** The forms a secret takes once encoded: as is, base64 (padded and URL-safe), hex, URL- and JSON-escaped. */
export function encodingsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** Every window of `size` characters of `text`. */
function windows(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= text.length; i++) out.push(text.slice(i, i + size));
  return out;
}

/**
 * A function that replaces every known secret (and any fragment of 12 characters or more of it, in any of its
 * encodings) by [removed]. Secrets shorter than the fragment are masked whole only.
 */
export function knownSecretsMasker(secrets: Iterable<string>): (text: string) => string {
  const forms = [...new Set([...secrets].filter((s) => s.length >= 4).flatMap(encodingsOf))];
  const whole = forms.filter((f) => f.length < FRAGMENT);
  const grams = new Set(forms.filter((f) => f.length >= FRAGMENT).flatMap((f) => windows(f, FRAGMENT)));
  return (text) => {
    const hidden = new Uint8Array(text.length);
    for (let i = 0; i + FRAGMENT <= text.length; i++) {
      if (grams.has(text.slice(i, i + FRAGMENT))) hidden.fill(1, i, i + FRAGMENT);
    }
    for (const f of whole) {
      for (let at = text.indexOf(f); at !== -1; at = text.indexOf(f, at + 1))
        hidden.fill(1, at, at + f.length);
    }
    if (!hidden.includes(1)) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      if (!hidden[i]) out += text[i];
      else if (i === 0 || !hidden[i - 1]) out += REMOVED;
    }
    return out;
  };
}

const PEM_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;
/** An HTTP credential (`Bearer …`, `Basic …`); 8 characters at least, so "basic setup" stays as it is. */
const CREDENTIAL = /\b(Bearer|Basic|Digest)(\s+)[^\s"',;]{8,}/gi;
const SIGNING_SECRET = /\bwhsec_[A-Za-z0-9+/=_-]*/g;
/** A field or parameter whose name says it holds a secret, in JSON (`"password":"…"`), a query or `name=value`. */
const NAMED =
  /([\w.-]*(?:secret|password|passphrase|token|authorization|cookie|key|pin|hmac|signature|credentials?)["']?\s*[:=]\s*)((?:Bearer|Basic|Digest)\s+\[?[^\s,;&}\]]+\]?|"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]{4,})/gi;
const RUN = /[A-Za-z0-9+/_=-]{24,}/g;

/**
 * A long run kept as is: lower case, digits and separators in short pieces (UUIDs, kebab-case names), or a path
 * of short pieces (random base64 has a slash every 64 characters on average, so rarely two within 24).
 */
function harmlessRun(run: string): boolean {
  if (!/[A-Z]/.test(run) && run.split(/[-/_.=]/).every((piece) => piece.length <= 16)) return true;
  const pieces = run.split('/');
  return pieces.length >= 3 && pieces.every((piece) => piece.length <= 12);
}

/** Masks what looks like a secret in one log line (values we do not know). */
export function maskSecretShapes(line: string): string {
  return line
    .replace(PEM_KEY, REMOVED)
    .replace(CREDENTIAL, `$1$2${REMOVED}`)
    .replace(SIGNING_SECRET, REMOVED)
    .replace(NAMED, (_m, name: string, value: string) =>
      value.startsWith('"') ? `${name}"${REMOVED}"` : `${name}${REMOVED}`,
    )
    .replace(RUN, (run) => (harmlessRun(run) ? run : REMOVED));
}

/** Applies `mask` to every string in a JSON-like value (keys included), leaving numbers and booleans alone. */
export function maskStrings<T>(value: T, mask: (text: string) => string): T {
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskStrings(v, mask)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [mask(k), maskStrings(v, mask)])) as T;
  }
  return value;
}
