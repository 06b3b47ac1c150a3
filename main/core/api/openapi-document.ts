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

type SchemaObject = {
  type?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  enum?: unknown[];
  minimum?: number;
  exclusiveMinimum?: number;
  description?: string;
  deprecated?: boolean;
  [key: string]: unknown;
};

const aliasOf = (schema: SchemaObject | undefined, of: string): SchemaObject => ({
  ...schema,
  deprecated: true,
  description: `Alias of ${of}, accepted as the Stellantis documentation writes it; answers use ${of}.`,
});

/**
 * A callback body (RemoteCallbackSubscribe) as the agent accepts it: the domain parser maps the aliases the
 * Stellantis documentation uses (notificationTypes, maxRetryNumber, attributres, policy Always, batchNotify.size 0)
 * before validating, so the declared request schema must admit them too, or a validating proxy would refuse
 * bodies the agent takes. The aliases are marked deprecated; answers always use the spec's names.
 */
export function withCallbackAliases(body: SchemaObject): SchemaObject {
  const props = body.properties;
  if (!props?.remoteTypes || !props.retryPolicy) return body;
  const out: SchemaObject = { ...body, properties: { ...props } };
  const p = out.properties!;
  p.notificationTypes = aliasOf(props.remoteTypes, 'remoteTypes');
  // Required as remoteTypes or as its alias: JSON Schema says so with anyOf.
  out.required = (body.required ?? []).filter((name) => name !== 'remoteTypes');
  out.anyOf = [{ required: ['remoteTypes'] }, { required: ['notificationTypes'] }];

  const retry = props.retryPolicy;
  if (retry.properties) {
    p.retryPolicy = {
      ...retry,
      properties: {
        ...retry.properties,
        ...(retry.properties.retryNumber
          ? { maxRetryNumber: aliasOf(retry.properties.retryNumber, 'retryNumber') }
          : {}),
        ...(retry.properties.policy?.enum
          ? {
              policy: {
                ...retry.properties.policy,
                enum: [...retry.properties.policy.enum, 'Always'],
                description:
                  'None: one attempt; Bounded: at most retryNumber attempts, retryDelay apart; Always (from the ' +
                  'Stellantis documentation): Bounded with as many attempts as fit in the 3-day cap.',
              },
            }
          : {}),
      },
    };
  }

  const batch = props.batchNotify;
  if (batch?.properties?.size) {
    const { exclusiveMinimum: _dropped, ...size } = batch.properties.size;
    p.batchNotify = {
      ...batch,
      properties: {
        ...batch.properties,
        size: {
          ...size,
          minimum: 0,
          description: 'Events per call; 0 (from the documentation) means no batching.',
        },
      },
    };
  }

  const webhook = props.callback?.properties?.webhook;
  if (webhook?.properties?.attributes) {
    p.callback = {
      ...props.callback,
      properties: {
        ...props.callback!.properties,
        webhook: {
          ...webhook,
          properties: {
            ...webhook.properties,
            attributres: aliasOf(webhook.properties.attributes, 'attributes'),
          },
        },
      },
    };
  }
  return out;
}

/** Applies withCallbackAliases to every JSON request body of the document that is a callback body. */
export function documentCallbackAliases<D extends { paths?: unknown }>(doc: D): D {
  const paths = doc.paths as
    | Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaObject }> } }>
      >
    | undefined;
  if (!paths) return doc;
  for (const ops of Object.values(paths)) {
    for (const op of Object.values(ops)) {
      const media = op?.requestBody?.content?.['application/json'];
      if (!media?.schema) continue;
      // PUT on a callback: a site system's body or the built-in one's name; the aliases belong to the first.
      const { anyOf } = media.schema;
      media.schema = Array.isArray(anyOf)
        ? { ...media.schema, anyOf: (anyOf as SchemaObject[]).map(withCallbackAliases) }
        : withCallbackAliases(media.schema);
    }
  }
  return doc;
}
