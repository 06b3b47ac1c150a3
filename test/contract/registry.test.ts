// The registry's own rules (checked when an entry is defined, so a wrong entry fails at load, not at a request),
// and the API's routes are exactly its entries: method, path, public or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastifyPath } from '../../main/core/api/operation-routes.js';
import { defineOperation, NO_CONTENT, type OperationSpec } from '../../preload/contract/operations/define.js';
import { inputErrorsOf, inputSchemaOf } from '../../preload/contract/operations/input-schema.js';
import { OPERATION_NAMES, OPERATIONS } from '../../preload/contract/operations/index.js';
import { IPC_METHODS } from '../../preload/contract/ipc-channels.js';
import { startHarness, type Harness } from '../helpers/api-harness.js';

const base = {
  name: 'probe',
  summary: 'A probe',
  tags: ['test'],
  output: z.object({}),
  errors: [],
} as const;

describe('defineOperation', () => {
  it('refuses path placeholders and params that differ', () => {
    expect(() =>
      defineOperation({
        ...base,
        http: { method: 'GET', path: '/things/{thingId}', status: 200 },
        input: { params: z.object({ id: z.string() }) },
      }),
    ).toThrow(/path \{thingId\} and params \(id\) differ/);
  });

  it('refuses a body on GET, body with domainBody, and a 204 that answers something', () => {
    expect(() =>
      defineOperation({
        ...base,
        http: { method: 'GET', path: '/x', status: 200 },
        input: { body: z.object({}) },
      }),
    ).toThrow(/GET has no body/);
    expect(() =>
      defineOperation({
        ...base,
        http: { method: 'POST', path: '/x', status: 200 },
        input: { body: z.object({}), domainBody: 'RemoteBody' },
      }),
    ).toThrow(/body or domainBody/);
    expect(() => defineOperation({ ...base, http: { method: 'DELETE', path: '/x', status: 204 } })).toThrow(
      /204 answers NO_CONTENT/,
    );
    expect(() =>
      defineOperation({ ...base, http: { method: 'DELETE', path: '/x', status: 204 }, output: NO_CONTENT }),
    ).not.toThrow();
  });

  it('refuses an input field given twice (a query key named like a path parameter or a header field)', () => {
    expect(() =>
      defineOperation({
        ...base,
        http: { method: 'GET', path: '/x/{id}', status: 200 },
        input: { params: z.object({ id: z.string() }), query: z.object({ id: z.string() }) },
      }),
    ).toThrow(/input field id is given twice/);
    expect(() =>
      defineOperation({
        ...base,
        http: { method: 'POST', path: '/x', status: 200 },
        input: { query: z.object({ operator: z.string() }), headers: { operator: true } },
      }),
    ).toThrow(/input field operator is given twice/);
  });

  it('returns the entry frozen', () => {
    expect(Object.isFrozen(OPERATIONS.listDeliveries)).toBe(true);
  });
});

describe('the input of an operation', () => {
  it('is one strict object whose refusals name fields as the HTTP API does', () => {
    const op = OPERATIONS.sendRemote;
    const parsed = inputSchemaOf(op).safeParse({
      vid: 'a b',
      body: 'anything: the domain decides',
      operator: 'x'.repeat(101),
      extra: 1,
    });
    expect(parsed.success).toBe(false);
    const fields = inputErrorsOf(op, parsed.error!).map((e) => e.field);
    expect(fields.sort()).toEqual(['extra', 'path.cbid', 'path.vid', 'x-depot-operator']);
  });

  it('gives query defaults, and takes typed numbers and booleans', () => {
    expect(inputSchemaOf(OPERATIONS.listQuarantine).parse({ unresolved: false })).toEqual({
      unresolved: false,
      limit: 50,
      offset: 0,
    });
    expect(inputSchemaOf(OPERATIONS.listQuarantine).safeParse({ limit: '5' }).success).toBe(false);
  });
});

describe('the names', () => {
  it('OPERATION_NAMES lists the registry in order, and the bridge forwards each plus log', () => {
    expect([...OPERATION_NAMES]).toEqual(Object.keys(OPERATIONS));
    expect([...IPC_METHODS]).toEqual([...OPERATION_NAMES, 'log']);
    for (const [key, op] of Object.entries(OPERATIONS)) expect(op.name).toBe(key);
  });
});

describe('the API routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('serve every entry at its method and path; only the entries declared public are public', () => {
    const entries: OperationSpec[] = Object.values(OPERATIONS);
    for (const op of entries) {
      expect(h.app.routeTable).toContainEqual({
        method: op.http.method,
        url: `/api/v1${fastifyPath(op.http.path)}`,
        public: op.http.public === true,
      });
    }
    // Health, and the session's own operations (signing in is how a client gets a credential).
    expect(entries.filter((op) => op.http.public).map((op) => op.name)).toEqual([
      'health',
      'getSession',
      'signIn',
      'signOut',
      'listSignInOperators',
    ]);
  });

  it('read numbers and booleans from the query string, and refuse what is neither', async () => {
    const ok = await h.call({ method: 'GET', url: '/api/v1/quarantine?unresolved=false&limit=3' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ limit: 3, offset: 0 });
    for (const [url, field] of [
      ['/api/v1/quarantine?unresolved=yes', 'query.unresolved'],
      ['/api/v1/quarantine?limit=many', 'query.limit'],
      ['/api/v1/quarantine/abc', 'path.id'],
    ]) {
      const res = await h.call({ method: 'GET', url: url! });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });
});
