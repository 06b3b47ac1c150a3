// Operators signed in over real HTTP (inject): an enrolled browser's cookies, as the web UI holds them.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../preload/contract/vocabulary.js';
import type { Harness } from './api-harness.js';

export interface Browser {
  /** inject() with this browser's cookies (enrolment, and the session once signed in). */
  call(opts: InjectOptions): Promise<LightMyRequestResponse>;
  signIn(operator: string, pin: string): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
}

/** A browser; enrolled by the machine token unless `enrolled` is false. */
export async function browser(h: Harness, { enrolled = true } = {}): Promise<Browser> {
  const cookies: Record<string, string> = {};
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.value === '' || c.maxAge === 0) delete cookies[c.name];
      else cookies[c.name] = c.value;
    }
    return res;
  };
  if (enrolled) {
    const enrol = await h.call({ method: 'POST', url: '/api/v1/session/enrol' });
    if (enrol.statusCode !== 204) throw new Error(`enrol: ${enrol.statusCode} ${enrol.body}`);
    keep(enrol);
  }
  const call = async (opts: InjectOptions) =>
    keep(await h.app.inject({ ...opts, cookies: { ...cookies, ...((opts.cookies as object) ?? {}) } }));
  return {
    cookies,
    call,
    signIn: (operator, pin) => call({ method: 'POST', url: '/api/v1/session', payload: { operator, pin } }),
  };
}

/** Creates an operator through the API with the machine token; returns its id. */
export async function addOperator(h: Harness, name: string, role: Role, pin: string): Promise<string> {
  const res = await h.call({ method: 'POST', url: '/api/v1/operators', payload: { name, role, pin } });
  if (res.statusCode !== 201) throw new Error(`create operator ${name}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

/** A browser signed in as a new operator with that role. */
export async function signedIn(h: Harness, name: string, role: Role, pin = '123456'): Promise<Browser> {
  await addOperator(h, name, role, pin);
  const b = await browser(h);
  const res = await b.signIn(name, pin);
  if (res.statusCode !== 200) throw new Error(`sign in ${name}: ${res.statusCode} ${res.body}`);
  return b;
}
