// The browser's HTTP client sends requests from a table of routes the build computes from the contract
// (renderer/src/api/contract-tables-module.ts), so the page carries no zod schema. These tests hold that table to
// the registry itself: the module the build ships has every operation, each with the method, path, query keys,
// body, X-Depot-* headers and text answer its registry entry declares, and the change events' names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANGE_EVENT_NAMES } from '../../preload/contract/events.js';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationRegistry,
} from '../../preload/contract/operations/index.js';
import { contractTablesModule } from '../../renderer/src/api/contract-tables-module.js';
import { OPERATION_ROUTES } from '../../renderer/src/api/contract-tables.js';
import { requestOf } from '../../renderer/src/api/http-client.js';
import type { HttpRoute } from '../../renderer/src/api/http-routes.js';

/** The module as the build writes it, imported as the page would. */
async function builtTables(): Promise<{
  OPERATION_ROUTES: Record<string, HttpRoute>;
  CHANGE_EVENTS: string[];
}> {
  const file = join(mkdtempSync(join(tmpdir(), 'contract-tables-')), 'contract-tables.mjs');
  writeFileSync(file, contractTablesModule());
  return import(pathToFileURL(file).href);
}

describe('the contract tables the browser build ships', () => {
  it('has a route for every operation of the registry, in its order, and nothing else', async () => {
    const built = await builtTables();
    expect(Object.keys(built.OPERATION_ROUTES)).toEqual([...OPERATION_NAMES]);
    expect(Object.keys(OPERATION_ROUTES)).toEqual(Object.keys(OPERATIONS));
  });

  it("gives each operation its registry entry's method, path, query keys, body, headers and text answer", async () => {
    const built = await builtTables();
    for (const [name, op] of Object.entries(OPERATIONS as OperationRegistry)) {
      const input = op.input ?? {};
      const declared = Object.entries(input.headers ?? {})
        .filter(([, on]) => on === true)
        .map(([key]) => key)
        .sort();
      const route = built.OPERATION_ROUTES[name]!;
      expect({ name, method: route.method, path: route.path }).toEqual({
        name,
        method: op.http.method,
        path: op.http.path,
      });
      expect({ name, query: route.query }).toEqual({
        name,
        query: input.query ? Object.keys(input.query.shape) : undefined,
      });
      expect({ name, body: route.body === true }).toEqual({
        name,
        body: Boolean(input.body || input.domainBody),
      });
      expect({ name, headers: Object.keys(route.headers ?? {}).sort() }).toEqual({ name, headers: declared });
      // A text answer: a report's one type, or the types a streamed export may take.
      expect({ name, produces: route.produces }).toEqual({
        name,
        produces: op.http.produces ?? op.http.stream?.join(', '),
      });
    }
  });

  it('makes the same request from the route as from the registry entry', async () => {
    const built = await builtTables();
    for (const [name, op] of Object.entries(OPERATIONS as OperationRegistry)) {
      const input: Record<string, unknown> = {
        body: { any: 'thing' },
        operator: 'Jérôme',
        reason: 'Customer called',
        approver: 'Sam',
        approverPin: '123456',
      };
      for (const key of op.http.path.match(/\{(\w+)\}/g) ?? []) input[key.slice(1, -1)] = 'id/1';
      for (const key of Object.keys(op.input?.query?.shape ?? {}).reverse()) input[key] = 1;
      expect([name, requestOf(built.OPERATION_ROUTES[name]!, input)]).toEqual([name, requestOf(op, input)]);
    }
  });

  it("lists the change events' names", async () => {
    expect((await builtTables()).CHANGE_EVENTS).toEqual(CHANGE_EVENT_NAMES);
  });
});
