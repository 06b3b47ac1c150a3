// Shared by the support bundle's tests: where a bundle's text still holds a secret.

/** Every encoding of `secret` a bundle might leak it in, and every 12-character piece of each. */
export function leaks(text: string, secret: string): string[] {
  const bytes = Buffer.from(secret);
  const forms = [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex')];
  const found: string[] = [];
  for (const form of forms) {
    if (text.includes(form)) found.push(form);
    for (let i = 0; i + 12 <= form.length; i++) {
      if (text.includes(form.slice(i, i + 12))) found.push(form.slice(i, i + 12));
    }
  }
  return found;
}
