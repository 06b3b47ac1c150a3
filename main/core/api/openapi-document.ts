// The last touch on the OpenAPI document before it is served: the schema registry hands over an input and an output
// variant of every named schema whether a route uses it or not, so components no operation reaches are dropped (a
// generated client would otherwise carry dead types), and the document says where the API lives.

type Json = unknown;

/** Names of the component schemas `node` refers to (`#/components/schemas/<name>`), at any depth. */
function referencedSchemas(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) referencedSchemas(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
      into.add(decodeURIComponent(value.slice('#/components/schemas/'.length)));
    } else {
      referencedSchemas(value, into);
    }
  }
}

/** Keeps only the component schemas reachable from the paths (directly, or through other kept schemas). */
export function pruneUnusedSchemas<
  D extends { paths?: Json; components?: { schemas?: Record<string, Json> } },
>(doc: D): D {
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const reached = new Set<string>();
  referencedSchemas(doc.paths, reached);
  const queue = [...reached];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const found = new Set<string>();
    referencedSchemas(schemas[name], found);
    for (const next of found) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name)));
  return { ...doc, components: { ...doc.components, schemas: kept } };
}
