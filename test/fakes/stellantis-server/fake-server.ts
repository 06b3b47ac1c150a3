// A fake Stellantis fleet API v3 for tests (stellantis-api-notes.md N11): HTTPS on 127.0.0.1, a test CA that
// verifies the client certificate (mutual TLS for real), Basic authentication and client_id, the spec's fleet,
// vehicle, callback and remote paths with their validation and xError bodies, paging (pageSize, pageToken,
// indexRange; links absolute or relative), X-RateLimit-* headers on every answer and 429 when a budget runs out,
// and remotes that progress through scripted event sequences on the injected clock, notified over real HTTP to
// the registered target. It can also give a remoteActionId again, as a network reusing its ids would.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Clock, TimerHandle } from '../../../main/core/ports/clock.js';
import type { FakeVehicle, Step } from './fake-fleet.js';
import { FAKE_VEHICLES, onboardCapabilities, planSteps, TIMING } from './fake-fleet.js';
import type { DeliveryRecord, DeliverySwitches, FleetEvent, NotifiedCallback } from './fake-notifier.js';
import { createFakeNotifier } from './fake-notifier.js';
import { callbackProblem, remoteProblem } from './fake-validation.js';
import type { TestPki } from './pki.js';

export const FAKE_BASE_PATH = '/connectedcar/v3';
const DAY_MS = 24 * 60 * 60_000;

export interface FakeStellantisOptions {
  clock: Clock;
  pki: TestPki;
  fleetId?: string;
  clientId?: string;
  user?: string;
  password?: string;
  vehicles?: FakeVehicle[];
  /** Budgets: requests per sliding 24 h (X-RateLimit-*-1) and per clock second (X-RateLimit-*-2). */
  rateLimit?: { daily?: number; burst?: number };
}

/**
 * Deviations from the spec that real servers or the docs show, switched on by tests (stellantis-api-notes.md
 * N10).
 */
export interface Quirks {
  /** Content type of successful answers, e.g. 'application/hal+json ' (trailing space) or 'text/plain'. */
  contentType: string;
  /** POST remote answers `type` as an array (stellantis-api-notes.md T8). */
  typeAsArray: boolean;
  /** Unknown fields added to every object answered. */
  extraFields: boolean;
  /** Status of a successful callback creation (stellantis-api-notes.md T1). */
  createStatus: number;
  /** Status of a successful remote POST (anything but 202 means no action, stellantis-api-notes.md N4). */
  remotePostStatus: number;
  /** Callbacks read back with maxRetryNumber / notificationTypes (stellantis-api-notes.md T2, T3). */
  subscribeAliases: boolean;
  /** The vehicles list carries onboardCapabilities unasked (the spec's list does not offer it). */
  capabilitiesInList: boolean;
  /** Collections without `_links.next` (clients must use indexRange or stop). */
  noNextLinks: boolean;
  /** Status of a DELETE refused because remotes are pending (the spec does not say). */
  deletePendingStatus: number;
  /**
   * How collections write their `_links` (RFC 3986 references, resolved against the page's URL):
   * 'absolute' https://host/connectedcar/v3/fleets/F/vehicles?…, 'query' ?pageToken=…,
   * 'dot-segments' ../F/vehicles?…, 'absolute-path' /connectedcar/v3/fleets/F/vehicles?….
   */
  linkForm: 'absolute' | 'query' | 'dot-segments' | 'absolute-path';
}

export interface StoredCallback extends NotifiedCallback {
  subscribe: NotifiedCallback['subscribe'] & Record<string, unknown>;
  createdAt: string;
}

export interface StoredRemote {
  remoteActionId: string;
  vehicleId: string;
  callbackId: string;
  type: string;
  remote: Record<string, unknown>;
  status: string;
  failureCause?: string;
  feedbackDetail?: string;
  done: boolean;
  events: FleetEvent[];
}

export interface RequestRecord {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** CN of the client certificate presented. */
  clientCn: string | null;
  status?: number;
}

interface InjectedError {
  method?: string;
  path?: RegExp;
  status: number;
  body?: Record<string, unknown>;
  times: number;
}

export interface FakeStellantis {
  baseUrl: string;
  port: number;
  fleetId: string;
  clientId: string;
  user: string;
  password: string;
  vehicles: FakeVehicle[];
  callbacks: Map<string, StoredCallback>;
  remotes: Map<string, StoredRemote>;
  requests: RequestRecord[];
  /** Handshakes the server refused (no certificate, wrong CA …). */
  tlsErrors: string[];
  notifications: DeliverySwitches;
  deliveries: DeliveryRecord[];
  /** Events not posted (callback paused or notifications switched off). */
  suppressed: FleetEvent[];
  quirks: Quirks;
  /** The next remote sent to this vehicle ends with this failure cause, or follows these steps. */
  scriptNext(vehicleId: string, script: { failureCause: string } | { steps: Step[] }): void;
  /** The next remote accepted (any vehicle) gets this remoteActionId, as a network reusing its ids would. */
  reuseNextRemoteId(remoteActionId: string): void;
  /** Every request is answered 429 for this many seconds (clock time). */
  throttle(seconds: number): void;
  /** The next `times` requests matching get this status and xError body. */
  failNext(error: Partial<InjectedError> & { status: number }): void;
  /** Waits until every notification POST in flight has been answered. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const json = (v: unknown) => JSON.stringify(v);
const hexId = () => randomBytes(20).toString('hex');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeStellantis(opts: FakeStellantisOptions): Promise<FakeStellantis> {
  const { clock, pki } = opts;
  const fleetId = opts.fleetId ?? 'fleet-0a123bc5d1e873066454b4d9';
  const clientId = opts.clientId ?? 'client-7f3e2a';
  const user = opts.user ?? 'MZP-PARTNER';
  const password = opts.password ?? 'correct horse battery staple';
  const vehicles = (opts.vehicles ?? FAKE_VEHICLES).map((v) => ({ ...v }));
  const daily = opts.rateLimit?.daily ?? 100_000;
  const burst = opts.rateLimit?.burst ?? 1_000;
  const callbacks = new Map<string, StoredCallback>();
  const remotes = new Map<string, StoredRemote>();
  const requests: RequestRecord[] = [];
  const tlsErrors: string[] = [];
  const scripts = new Map<string, { failureCause: string } | { steps: Step[] }>();
  const injected: InjectedError[] = [];
  const awakeUntil = new Map<string, number>();
  const timers = new Set<TimerHandle>();
  const requestLog: number[] = [];
  let throttleUntil = 0;
  const quirks: Quirks = {
    contentType: 'application/hal+json',
    typeAsArray: false,
    extraFields: false,
    createStatus: 202,
    remotePostStatus: 202,
    subscribeAliases: false,
    capabilitiesInList: false,
    noNextLinks: false,
    deletePendingStatus: 409,
    linkForm: 'absolute',
  };
  const reusedIds: string[] = [];
  const switches: DeliverySwitches = { enabled: true, duplicate: false, reorder: false, delayMs: 0 };
  const notifier = createFakeNotifier({
    clock,
    fleetId,
    callback: (id) => callbacks.get(id),
    switches,
    ca: pki.ca.cert,
  });
  let origin = '';
  const href = (path: string) => ({ href: `${origin}${FAKE_BASE_PATH}${path}` });
  const extra = <T extends object>(o: T): T =>
    quirks.extraFields ? { ...o, _futureField: { nested: true }, schemaVersion: '9.9.9' } : o;

  // --- answers ---------------------------------------------------------------------------------------------
  function answer(res: ServerResponse, status: number, body?: unknown) {
    res.statusCode = status;
    if (body !== undefined) {
      res.setHeader('content-type', status < 300 ? quirks.contentType : 'application/json');
      res.end(json(body));
    } else res.end();
  }
  function error(res: ServerResponse, status: number, code: number, message: string) {
    answer(res, status, { code, uuid: randomUUID(), message, timestamp: clock.nowIso() });
  }

  // --- rate limits (stellantis-api-notes.md N8) ------------------------------------------------------------
  function rateLimit(res: ServerResponse): number | null {
    const now = clock.now().getTime();
    while (requestLog.length > 0 && requestLog[0]! <= now - DAY_MS) requestLog.shift();
    const second = Math.floor(now / 1000);
    const inSecond = () => requestLog.filter((t) => Math.floor(t / 1000) === second).length;
    let retry: number | null = null;
    if (throttleUntil > now) retry = Math.ceil((throttleUntil - now) / 1000);
    else if (requestLog.length >= daily) retry = Math.ceil((requestLog[0]! + DAY_MS - now) / 1000);
    else if (inSecond() >= burst) retry = 1;
    else requestLog.push(now);
    res.setHeader('X-RateLimit-Limit-1', String(daily));
    res.setHeader(
      'X-RateLimit-Remaining-1',
      String(throttleUntil > now ? 0 : Math.max(0, daily - requestLog.length)),
    );
    res.setHeader('X-RateLimit-Limit-2', String(burst));
    res.setHeader('X-RateLimit-Remaining-2', String(Math.max(0, burst - inSecond())));
    if (retry !== null) {
      res.setHeader('Retry-After', String(retry));
      res.setHeader('X-RateLimit-Reset', String(retry));
    }
    return retry;
  }

  // --- paging (stellantis-api-notes.md N2) -----------------------------------------------------------------
  function page<T>(
    res: ServerResponse,
    url: URL,
    path: string,
    key: string,
    all: T[],
    indexRange: boolean,
  ): { body: Record<string, unknown> } | null {
    const sizeRaw = url.searchParams.get('pageSize');
    const pageSize = sizeRaw === null ? 60 : Number(sizeRaw);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 60) {
      error(res, 400, 40010, 'pageSize must be between 1 and 60');
      return null;
    }
    let items = all;
    const range = url.searchParams.get('indexRange');
    if (range !== null) {
      const m = indexRange ? /^(\d+)-(\d*)$/.exec(range) : null;
      if (!m) {
        error(res, 400, 40011, `indexRange ${range} is invalid`);
        return null;
      }
      items = all.slice(Number(m[1]), m[2] === '' ? undefined : Number(m[2]) + 1);
    }
    let offset = 0;
    const token = url.searchParams.get('pageToken');
    if (token !== null) {
      try {
        offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number }).o;
        if (!Number.isInteger(offset) || offset < 0) throw new Error('bad');
      } catch {
        error(res, 400, 40012, 'pageToken is invalid');
        return null;
      }
    }
    const link = (o: number) => {
      const q = new URLSearchParams(url.searchParams);
      q.delete('client_id'); // as servers often do: the client must add it again
      q.set('pageSize', String(pageSize));
      if (o > 0) q.set('pageToken', Buffer.from(json({ o })).toString('base64url'));
      else q.delete('pageToken');
      // Every form names the same resource once resolved against this page's URL (whose path is `path`).
      const full = `${FAKE_BASE_PATH}${path}`;
      const segments = full.split('/');
      switch (quirks.linkForm) {
        case 'query':
          return { href: `?${q}` };
        case 'dot-segments':
          return { href: `../${segments.at(-2)}/${segments.at(-1)}?${q}` };
        case 'absolute-path':
          return { href: `${full}?${q}` };
        default:
          return href(`${path}?${q}`);
      }
    };
    const slice = items.slice(offset, offset + pageSize);
    const totalPage = Math.max(1, Math.ceil(items.length / pageSize));
    const lastOffset = (totalPage - 1) * pageSize;
    return {
      body: extra({
        _links: {
          self: link(offset),
          first: link(0),
          last: link(lastOffset),
          ...(offset + pageSize < items.length && !quirks.noNextLinks && { next: link(offset + pageSize) }),
          ...(offset > 0 && { prev: link(Math.max(0, offset - pageSize)) }),
        },
        total: items.length,
        totalPage,
        currentPage: Math.floor(offset / pageSize) + 1,
        _embedded: { [key]: slice },
      }),
    };
  }

  // --- representations -------------------------------------------------------------------------------------
  const vehiclePath = (v: FakeVehicle) => `/fleets/${fleetId}/vehicles/${v.id}`;
  function vehicleJson(v: FakeVehicle, extensions: string[], single: boolean) {
    const ext: Record<string, unknown> = {};
    if (extensions.includes('branding'))
      ext.branding = single ? { brand: v.brand, label: v.model } : { brand: v.brand };
    if (extensions.includes('onboardCapabilities')) ext.onboardCapabilities = onboardCapabilities(v);
    return extra({
      _links: {
        self: href(vehiclePath(v)),
        fleet: href(`/fleets/${fleetId}`),
        status: href(`${vehiclePath(v)}/status`),
      },
      id: v.id,
      vin: v.vin,
      ...(v.motorization && { motorization: v.motorization }),
      brand: v.brand,
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: clock.nowIso(),
      ...(Object.keys(ext).length > 0 && { _embedded: { extension: ext } }),
    });
  }
  const callbackRef = (cb: StoredCallback) =>
    extra({
      _links: {
        fleet: href(`/fleets/${fleetId}`),
        callback: href(`/fleets/${fleetId}/remote/callbacks/${cb.id}`),
      },
      callbackId: cb.id,
      status: cb.status,
    });
  function callbackJson(cb: StoredCallback) {
    let subscribe: Record<string, unknown> = cb.subscribe;
    if (quirks.subscribeAliases) {
      const { remoteTypes, retryPolicy, ...rest } = cb.subscribe as Record<string, unknown> & {
        retryPolicy?: { retryNumber?: number };
      };
      const { retryNumber, ...policy } = retryPolicy ?? {};
      subscribe = {
        ...rest,
        notificationTypes: remoteTypes,
        ...(retryPolicy && {
          retryPolicy: { ...policy, ...(retryNumber !== undefined && { maxRetryNumber: retryNumber }) },
        }),
      };
    }
    return extra({
      _links: {
        self: href(`/fleets/${fleetId}/remote/callbacks/${cb.id}`),
        fleet: href(`/fleets/${fleetId}`),
        remotes: {
          href: `${origin}${FAKE_BASE_PATH}/fleets/${fleetId}/vehicles/{vid}/callbacks/${cb.id}/remotes`,
          templated: true,
        },
      },
      id: cb.id,
      subscribe,
      status: cb.status,
    });
  }
  const remoteJson = (r: StoredRemote) =>
    extra({
      _links: {
        fleet: href(`/fleets/${fleetId}`),
        callback: href(`/fleets/${fleetId}/remote/callbacks/${r.callbackId}`),
        self: href(
          `/fleets/${fleetId}/vehicles/${r.vehicleId}/callbacks/${r.callbackId}/remotes/${r.remoteActionId}`,
        ),
      },
      remoteActionId: r.remoteActionId,
      type: r.type,
      remote: r.remote,
      status: r.status,
      ...(r.failureCause && { failureCause: r.failureCause }),
      ...(r.feedbackDetail && { feedbackDetail: r.feedbackDetail }),
    });

  // --- remote lifecycle ------------------------------------------------------------------------------------
  function startRemote(
    v: FakeVehicle,
    cb: StoredCallback,
    type: string,
    key: string,
    remote: Record<string, unknown>,
  ) {
    const now = clock.now().getTime();
    const awake = v.power === 'awake' || (awakeUntil.get(v.id) ?? 0) > now;
    const sameInProgress = [...remotes.values()].some(
      (r) => r.vehicleId === v.id && r.type === type && !r.done,
    );
    const script = scripts.get(v.id);
    scripts.delete(v.id);
    const steps = planSteps({
      vehicle: v,
      type,
      action: (remote[key] ?? {}) as Record<string, unknown>,
      sameInProgress,
      ...(script && { scripted: script }),
      awake,
    });
    const r: StoredRemote = {
      remoteActionId: reusedIds.shift() ?? hexId(),
      vehicleId: v.id,
      callbackId: cb.id,
      type,
      remote,
      status: 'Accepted',
      done: false,
      events: [],
    };
    remotes.set(r.remoteActionId, r);
    for (const step of steps) {
      const t = clock.setTimeout(() => {
        timers.delete(t);
        if (r.done) return;
        r.status = step.status;
        if (step.failureCause) r.failureCause = step.failureCause;
        if (step.feedbackDetail) r.feedbackDetail = step.feedbackDetail;
        if (step.status === 'WakingUpVehicle' && v.wakeUpsLeft !== undefined) v.wakeUpsLeft -= 1;
        if (step.type === 'Done') {
          r.done = true;
          if (step.status === 'Success') {
            awakeUntil.set(v.id, clock.now().getTime() + TIMING.awakeWindow);
            const state = (remote.door as { state?: 'Locked' | 'Unlocked' } | undefined)?.state;
            if (type === 'Doors' && state) v.doors = state;
          }
        }
        const event: FleetEvent = {
          remoteActionId: r.remoteActionId,
          vin: v.vin,
          eventDate: clock.nowIso(),
          remoteType: type,
          eventStatus: {
            type: step.type,
            status: step.status,
            ...(step.failureCause && { failureCause: step.failureCause }),
            ...(step.feedbackDetail && { feedbackDetail: step.feedbackDetail }),
          },
        };
        r.events.push(event);
        notifier.emit(cb.id, event);
      }, step.afterMs);
      timers.add(t);
    }
    return r;
  }

  // --- routing ---------------------------------------------------------------------------------------------
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    const text = await readBody(req);
    let body: unknown;
    let badJson = false;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        badJson = true;
      }
    }
    const cert = (req.socket as TLSSocket).getPeerCertificate?.();
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      clientCn: cert?.subject?.CN ?? null,
    };
    requests.push(record);
    res.on('finish', () => (record.status = res.statusCode));

    const retry = rateLimit(res);
    if (retry !== null) return error(res, 429, 42900, 'Rate limit reached');
    const inj = injected.find(
      (e) => (!e.method || e.method === req.method) && (!e.path || e.path.test(url.pathname)) && e.times > 0,
    );
    if (inj) {
      inj.times -= 1;
      if (inj.times === 0) injected.splice(injected.indexOf(inj), 1);
      return answer(res, inj.status, {
        code: inj.status * 100 + 99,
        uuid: randomUUID(),
        message: 'Injected failure',
        timestamp: clock.nowIso(),
        ...inj.body,
      });
    }

    // Authentication: client_id, then Basic.
    const givenClient = url.searchParams.get('client_id');
    if (!givenClient) return error(res, 401, 40101, 'Missing client_id query parameter');
    if (givenClient !== clientId) return error(res, 403, 40301, 'Unknown client_id for this subscription');
    const auth = req.headers.authorization ?? '';
    const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    if (auth !== expected) return error(res, 401, 40100, 'Invalid credentials');
    if (badJson) return error(res, 400, 40001, 'The body is not valid JSON');

    if (!url.pathname.startsWith(`${FAKE_BASE_PATH}/`)) return error(res, 404, 40400, 'No such resource');
    const parts = url.pathname
      .slice(FAKE_BASE_PATH.length + 1)
      .split('/')
      .map(decodeURIComponent);
    const m = req.method;

    if (parts[0] === 'fleets' && parts.length === 1 && m === 'GET') {
      const p = page(
        res,
        url,
        '/fleets',
        'fleets',
        [{ id: fleetId, name: 'Depot 42', _links: { self: href(`/fleets/${fleetId}`) } }],
        false,
      );
      return p && answer(res, 200, p.body);
    }
    if (parts[0] === 'vehicles' && parts.length === 2 && m === 'GET') {
      const v = vehicles.find((x) => x.vin === parts[1]);
      if (!v) return error(res, 404, 40400, 'Vehicle not found');
      return answer(res, 200, vehicleJson(v, extensionsOf(url), true));
    }
    if (parts[0] !== 'fleets') return error(res, 404, 40400, 'No such resource');
    if (parts[1] !== fleetId) return error(res, 404, 40401, `Fleet ${parts[1]} not found`);
    const rest = parts.slice(2);

    if (rest.length === 0 && m === 'GET') {
      return answer(
        res,
        200,
        extra({ _links: { self: href(`/fleets/${fleetId}`) }, id: fleetId, name: 'Depot 42' }),
      );
    }
    if (rest[0] === 'vehicles') return vehiclesRoute(req, res, url, rest.slice(1), body);
    if (rest[0] === 'remote' && rest[1] === 'callbacks')
      return callbacksRoute(res, url, m ?? 'GET', rest.slice(2), body);
    return error(res, 404, 40400, 'No such resource');
  }

  function extensionsOf(url: URL): string[] {
    return url.searchParams.getAll('extension').flatMap((e) => e.split(','));
  }

  function vehiclesRoute(req: IncomingMessage, res: ServerResponse, url: URL, rest: string[], body: unknown) {
    const m = req.method;
    if (rest.length === 0 && m === 'GET') {
      const ext = extensionsOf(url);
      const allowed = quirks.capabilitiesInList
        ? ['branding', 'pictures', 'onboardCapabilities']
        : ['branding', 'pictures'];
      const bad = ext.find((e) => !allowed.includes(e));
      if (bad) return error(res, 400, 40013, `extension ${bad} is not available on the vehicle list`);
      const prefix = url.searchParams.get('vinPrefix') ?? '';
      const shown = quirks.capabilitiesInList ? [...ext, 'onboardCapabilities'] : ext;
      const list = vehicles.filter((v) => v.vin.startsWith(prefix)).map((v) => vehicleJson(v, shown, false));
      const p = page(res, url, `/fleets/${fleetId}/vehicles`, 'vehicles', list, false);
      return p && answer(res, 200, p.body);
    }
    const v = vehicles.find((x) => x.id === rest[0]);
    if (!v) return error(res, 403, 40302, 'Access to this vehicle is not granted to this fleet');
    if (rest.length === 1 && m === 'GET') return answer(res, 200, vehicleJson(v, extensionsOf(url), true));
    if (rest.length === 2 && rest[1] === 'status' && m === 'GET') {
      return answer(
        res,
        200,
        extra({
          _links: { self: href(`${vehiclePath(v)}/status`) },
          vin: v.vin,
          createdAt: clock.nowIso(),
          updatedAt: clock.nowIso(),
          ignition: { type: 'Stop', createdAt: clock.nowIso() },
          energies:
            v.motorization === 'Thermic' ? [{ type: 'Fuel', level: 62 }] : [{ type: 'Electric', level: 81 }],
          doorsState: { lockedStates: [v.doors ?? 'Unlocked'] },
          privacy: { state: 'None' },
        }),
      );
    }
    if (rest[1] !== 'callbacks' || rest[3] !== 'remotes') return error(res, 404, 40400, 'No such resource');
    const cb = callbacks.get(rest[2]!);
    if (!cb) return error(res, 404, 40402, `Callback ${rest[2]} not found`);
    if (rest.length === 4 && m === 'POST') {
      const checked = remoteProblem(body);
      if ('problem' in checked) return error(res, 400, 40020, `Invalid remote: ${checked.problem}`);
      const types = (cb.subscribe.remoteTypes as string[] | undefined) ?? [];
      if (!types.includes(checked.type)) {
        return error(res, 400, 40021, `Remote type ${checked.type} is not subscribed by callback ${cb.id}`);
      }
      if (quirks.remotePostStatus !== 202)
        return answer(res, quirks.remotePostStatus, { message: 'not accepted' });
      const r = startRemote(v, cb, checked.type, checked.key, body as Record<string, unknown>);
      return answer(
        res,
        202,
        extra({
          _links: {
            fleet: href(`/fleets/${fleetId}`),
            callback: href(`/fleets/${fleetId}/remote/callbacks/${cb.id}`),
            remote: href(`${vehiclePath(v)}/callbacks/${cb.id}/remotes/${r.remoteActionId}`),
          },
          remoteActionId: r.remoteActionId,
          type: quirks.typeAsArray ? [r.type] : r.type,
        }),
      );
    }
    if (rest.length === 4 && m === 'GET') {
      const list = [...remotes.values()]
        .filter((r) => r.vehicleId === v.id && r.callbackId === cb.id)
        .map(remoteJson);
      const p = page(res, url, `${vehiclePath(v)}/callbacks/${cb.id}/remotes`, 'remoteActions', list, true);
      return p && answer(res, 200, p.body);
    }
    if (rest.length === 5 && m === 'GET') {
      const r = remotes.get(rest[4]!);
      if (!r || r.vehicleId !== v.id || r.callbackId !== cb.id) {
        return error(res, 404, 40403, `Remote action ${rest[4]} not found`);
      }
      return answer(res, 200, remoteJson(r));
    }
    return error(res, 405, 40500, 'Method not allowed');
  }

  function callbacksRoute(res: ServerResponse, url: URL, m: string, rest: string[], body: unknown) {
    if (rest.length === 0 && m === 'POST') {
      const problem = callbackProblem(body);
      if (problem) return error(res, 400, 40030, `Invalid callback: ${problem}`);
      const cb: StoredCallback = {
        id: hexId(),
        status: 'Running',
        subscribe: body as StoredCallback['subscribe'],
        createdAt: clock.nowIso(),
      };
      callbacks.set(cb.id, cb);
      return answer(res, quirks.createStatus, callbackRef(cb));
    }
    if (rest.length === 0 && m === 'GET') {
      const types = url.searchParams.getAll('types').flatMap((t) => t.split(','));
      const list = [...callbacks.values()]
        .filter(
          (cb) => types.length === 0 || types.some((t) => (cb.subscribe.remoteTypes as string[]).includes(t)),
        )
        .map(callbackJson);
      const p = page(res, url, `/fleets/${fleetId}/remote/callbacks`, 'callbacks', list, true);
      return p && answer(res, 200, p.body);
    }
    const cb = callbacks.get(rest[0]!);
    if (!cb) return error(res, 404, 40402, `Callback ${rest[0]} not found`);
    if (rest.length === 1 && m === 'GET') return answer(res, 200, callbackJson(cb));
    if (rest.length === 1 && m === 'PUT') {
      const problem = callbackProblem(body);
      if (problem) return error(res, 400, 40030, `Invalid callback: ${problem}`);
      cb.subscribe = body as StoredCallback['subscribe'];
      return answer(res, 202, callbackRef(cb));
    }
    if (rest.length === 1 && m === 'DELETE') {
      if ([...remotes.values()].some((r) => r.callbackId === cb.id && !r.done)) {
        return error(
          res,
          quirks.deletePendingStatus,
          quirks.deletePendingStatus * 100,
          'Callback has pending remote actions',
        );
      }
      callbacks.delete(cb.id);
      return answer(res, 204);
    }
    if (rest.length === 2 && rest[1] === 'status' && m === 'PUT') {
      const status = (body as { status?: unknown } | undefined)?.status;
      if (status !== 'Running' && status !== 'Paused')
        return error(res, 400, 40031, 'status must be Running or Paused');
      cb.status = status;
      return answer(res, 202, callbackRef(cb));
    }
    return error(res, 405, 40500, 'Method not allowed');
  }

  // --- server ----------------------------------------------------------------------------------------------
  const server: Server = createServer(
    {
      cert: pki.server.cert,
      key: pki.server.key,
      ca: pki.ca.cert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      handle(req, res).catch((err: Error) => {
        if (!res.headersSent) error(res, 500, 50000, `Fake server fault: ${err.message}`);
      });
    },
  );
  server.on('tlsClientError', (err: NodeJS.ErrnoException) => tlsErrors.push(err.code ?? err.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}${FAKE_BASE_PATH}`,
    port,
    fleetId,
    clientId,
    user,
    password,
    vehicles,
    callbacks,
    remotes,
    requests,
    tlsErrors,
    notifications: switches,
    deliveries: notifier.deliveries,
    suppressed: notifier.suppressed,
    quirks,
    scriptNext(vehicleId, script) {
      scripts.set(vehicleId, script);
    },
    reuseNextRemoteId(remoteActionId) {
      reusedIds.push(remoteActionId);
    },
    throttle(seconds) {
      throttleUntil = clock.now().getTime() + seconds * 1000;
    },
    failNext(e) {
      injected.push({ times: 1, ...e });
    },
    settle: () => notifier.settle(),
    async close() {
      for (const t of timers) clock.clearTimeout(t);
      await notifier.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
