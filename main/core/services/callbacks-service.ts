// Use cases for callbacks: the fleet API's callback resource, kept locally, with secrets sealed at rest: the
// signing secret, the authentication helper and literal Header attribute values (see sealed-headers.ts).
import { randomUUID } from 'node:crypto';
import type { CallbackDto } from '../../../preload/contract/dto.js';
import type { AuditAction } from '../../../preload/contract/vocabulary.js';
import type { BuiltInCallbackRecord, CallbackRecord, Repositories, RunUnitOfWork } from '../db/index.js';
import type { CallbackInput, CallbackSecrets, CallbackSubscribe } from '../domain/callback/callback-model.js';
import {
  BUILT_IN_CALLBACK_ID,
  maskSecret,
  parseBuiltInBody,
  parseCallbackInput,
  parseCallbackStatusInput,
  resolveMaskedHeaders,
  sealHeaderValues,
} from '../domain/callback/index.js';
import { newReceiverSecret } from '../domain/callback/receiver-secret.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { SecretBox } from '../ports/secret-box.js';
import { who, type Actor } from '../kernel/actor.js';
import { createAuditTrail } from '../kernel/audit-trail.js';
import { builtInRefusal } from '../kernel/built-in-refusal.js';
import { toCallbackDto } from '../kernel/dto-mappers.js';
import { invalid, notFound, ServiceError } from '../kernel/service-error.js';
import type { UpstreamRegistrar } from './upstream-registration.js';
import type { AccessGuard } from '../kernel/access-guard.js';

/** A replaced signing secret stays valid this long, so receivers can roll over without losing messages. */
const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface CallbacksServiceDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  secrets: SecretBox;
  clock: Clock;
  bus: EventBus;
  upstream: UpstreamRegistrar;
  /** Writing callbacks is an admin's (technicians list them to send). */
  access: AccessGuard;
}

export type CallbacksService = ReturnType<typeof createCallbacksService>;

export function createCallbacksService({
  unitOfWork,
  repos,
  secrets,
  clock,
  bus,
  upstream,
  access,
}: CallbacksServiceDeps) {
  const trail = createAuditTrail(repos, bus);
  async function openSecrets(record: CallbackRecord): Promise<CallbackSecrets> {
    if (!record.secrets) return { signingSecret: null, previousSigningSecret: null, authentication: null };
    return JSON.parse(await secrets.decrypt(record.secrets)) as CallbackSecrets;
  }

  async function dto(
    record: CallbackRecord,
    revealSigningSecret = false,
    revealHeadersFrom?: CallbackSubscribe,
  ): Promise<CallbackDto> {
    const s = await openSecrets(record);
    return toCallbackDto(record, s, clock.now(), revealSigningSecret, revealHeadersFrom);
  }

  /**
   * The request's subscribe as stored: "••••" resolved to the stored values (or refused where none is), then
   * every literal header value sealed apart.
   */
  function sealedSubscribe(
    input: CallbackInput,
    current: { subscribe: CallbackSubscribe; secrets: CallbackSecrets } | null,
  ): { stored: CallbackSubscribe; headerValues: (string | null)[] } {
    const resolved = resolveMaskedHeaders(
      input.subscribe,
      current?.subscribe ?? null,
      current?.secrets.headerValues,
    );
    if (!resolved.ok) throw invalid('errors:invalid.callback', resolved.errors);
    return sealHeaderValues(resolved.value);
  }

  function parse(body: unknown): CallbackInput {
    const result = parseCallbackInput(body);
    if (!result.ok) throw invalid('errors:invalid.callback', result.errors);
    return result.value;
  }

  function requireRecord(id: string): CallbackRecord {
    const record = repos.callbacks.get(id);
    if (!record) throw notFound('CALLBACK_NOT_FOUND', { id });
    return record;
  }

  /** Applies the extension fields of a request to the stored secrets (absent = keep, null = remove). */
  function nextSecrets(current: CallbackSecrets, input: CallbackInput): CallbackSecrets {
    const next: CallbackSecrets = { ...current };
    const now = clock.now().getTime();
    if (next.previousSigningSecret && Date.parse(next.previousSigningSecret.validUntil) <= now) {
      next.previousSigningSecret = null;
    }
    if (input.signingSecret !== undefined && input.signingSecret !== current.signingSecret) {
      next.previousSigningSecret = current.signingSecret
        ? {
            secret: current.signingSecret,
            validUntil: new Date(now + PREVIOUS_SECRET_GRACE_MS).toISOString(),
          }
        : next.previousSigningSecret;
      next.signingSecret = input.signingSecret;
    }
    if (input.authentication !== undefined) next.authentication = input.authentication;
    return next;
  }

  async function receiverSecretOf(record: CallbackRecord): Promise<string> {
    if (!record.receiverSecret) throw new Error(`callback ${record.id} has no receiver secret`);
    return secrets.decrypt(record.receiverSecret);
  }

  async function seal(s: CallbackSecrets): Promise<string | null> {
    const headerValues = s.headerValues?.some((v) => v !== null) ? s.headerValues : undefined;
    if (!s.signingSecret && !s.previousSigningSecret && !s.authentication && !headerValues) return null;
    const { headerValues: _all, ...rest } = s;
    return secrets.encrypt(JSON.stringify(headerValues ? { ...rest, headerValues } : rest));
  }

  function publish(id: string) {
    bus.publish({ type: 'callback.changed', callbackId: id });
  }

  /** One change of a callback and its audit entry, in one transaction; published after commit. */
  function change(
    id: string,
    what: AuditAction,
    actor: Actor,
    detail: unknown,
    mutate: (now: string) => unknown,
  ) {
    const now = clock.nowIso();
    const record = unitOfWork((uow) => {
      mutate(now);
      uow.afterCommit(
        trail.append({
          at: now,
          ...who(actor),
          action: what,
          callbackId: id,
          reason: actor.reason ?? null,
          detail,
        }),
      );
      return repos.callbacks.getIncludingDeleted(id);
    });
    if (!record) throw notFound('CALLBACK_NOT_FOUND', { id });
    return record;
  }

  const summary = (input: CallbackInput) => ({
    label: input.subscribe.label ?? null,
    remoteTypes: input.subscribe.remoteTypes,
  });

  /**
   * A PUT on the built-in callback: its name (and remoteTypes, still all nine) only. A webhook, delivery settings
   * or secrets are refused (422 CALLBACK_BUILT_IN), each named; then the upstream twin is updated, as for any other.
   */
  async function replaceBuiltIn(
    current: BuiltInCallbackRecord,
    body: unknown,
    actor: Actor,
  ): Promise<CallbackDto> {
    const parsed = parseBuiltInBody(body);
    if ('refused' in parsed) throw builtInRefusal('replace', current.label, parsed.refused);
    if ('errors' in parsed) throw invalid('errors:invalid.callback', parsed.errors);
    const subscribe = parsed.value;
    const upstreamId = await upstream.update(
      current.upstreamId,
      current.id,
      subscribe,
      await receiverSecretOf(current),
    );
    const detail = { label: subscribe.label, remoteTypes: subscribe.remoteTypes };
    const record = change(current.id, 'callback.replace', actor, detail, (now) =>
      repos.callbacks.replace(current.id, {
        label: subscribe.label,
        subscribe,
        secrets: null,
        upstreamId,
        updatedAt: now,
      }),
    );
    return answer(record);
  }

  /** The answer to a change; the signing secret and header values are in clear only when this request set them. */
  async function answer(record: CallbackRecord, input?: CallbackInput): Promise<CallbackDto> {
    const masked = await dto(record);
    publish(record.id);
    return input ? dto(record, Boolean(input.signingSecret), input.subscribe) : masked;
  }

  return {
    list: async (): Promise<CallbackDto[]> => Promise.all(repos.callbacks.list().map((r) => dto(r))),

    get: async (id: string): Promise<CallbackDto> => dto(requireRecord(id)),
    /** The callback as every client sees it (masked), null once deleted: for the change feed. */
    view: async (id: string): Promise<CallbackDto | null> => {
      const record = repos.callbacks.get(id);
      return record ? dto(record) : null;
    },

    async create(body: unknown, actor: Actor): Promise<CallbackDto> {
      access.require(actor, 'admin', 'callbacks.write');
      const input = parse(body);
      const id = randomUUID();
      const { stored, headerValues } = sealedSubscribe(input, null);
      const sealed = await seal({
        ...nextSecrets({ signingSecret: null, previousSigningSecret: null, authentication: null }, input),
        headerValues,
      });
      // The receiver secret authenticates the network's deliveries for this callback. The twin upstream is
      // registered first: if the network refuses, nothing is stored and the answer says why.
      const clearSecret = newReceiverSecret();
      const upstreamId = await upstream.register(id, stored, clearSecret);
      const receiverSecret = await secrets.encrypt(clearSecret);
      const record = change(id, 'callback.create', actor, summary(input), (now) =>
        repos.callbacks.insert({
          id,
          label: input.subscribe.label ?? null,
          subscribe: stored,
          status: 'Running',
          secrets: sealed,
          receiverSecret,
          upstreamId,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
        }),
      );
      return answer(record, input);
    },

    /** Full replacement, as the fleet API's PUT: every spec field comes from the body. */
    async replace(id: string, body: unknown, actor: Actor): Promise<CallbackDto> {
      access.require(actor, 'admin', 'callbacks.write', { callbackId: id });
      const current = repos.callbacks.get(id);
      // The built-in takes another body, so it is told apart before the body is read.
      if (current?.builtIn) return replaceBuiltIn(current, body, actor);
      const input = parse(body);
      if (!current) throw notFound('CALLBACK_NOT_FOUND', { id });
      const currentSecrets = await openSecrets(current);
      const { stored, headerValues } = sealedSubscribe(input, {
        subscribe: current.subscribe,
        secrets: currentSecrets,
      });
      const sealed = await seal({ ...nextSecrets(currentSecrets, input), headerValues });
      const upstreamId = await upstream.update(
        current.upstreamId,
        id,
        stored,
        await receiverSecretOf(current),
      );
      // A whole-object PUT is the callback as it should be: after --forget-secrets, it is the secrets entered again.
      const record = change(
        id,
        'callback.replace',
        actor,
        { ...summary(input), ...(current.secretsLost ? { secretsEnteredAgain: true } : {}) },
        (now) =>
          repos.callbacks.replace(id, {
            label: input.subscribe.label ?? null,
            subscribe: stored,
            secrets: sealed,
            upstreamId,
            secretsLost: false,
            updatedAt: now,
          }),
      );
      return answer(record, input);
    },

    async setStatus(id: string, body: unknown, actor: Actor): Promise<CallbackDto> {
      access.require(actor, 'admin', 'callbacks.write', { callbackId: id });
      const parsed = parseCallbackStatusInput(body);
      if (!parsed.ok) throw invalid('errors:invalid.status', parsed.errors);
      const current = requireRecord(id);
      const { status } = parsed.value;
      await upstream.setStatus(current.upstreamId, status);
      const record = change(
        id,
        status === 'Paused' ? 'callback.pause' : 'callback.resume',
        actor,
        null,
        (now) => repos.callbacks.setStatus(id, status, now),
      );
      return answer(record);
    },

    /**
     * A pause the agent decides itself (the outbox, on a 410 Gone), audited under `actor` with `detail`. Stored
     * first, so it holds while the network is unreachable; then the upstream twin is told (if it cannot be, the
     * next start's syncUpstream tells it; `upstreamError` says why). Only a Running callback is paused.
     */
    async pauseBySystem(
      id: string,
      actor: Actor,
      detail: Record<string, unknown>,
    ): Promise<{ paused: boolean; upstreamError: string | null }> {
      if (repos.callbacks.get(id)?.status !== 'Running') return { paused: false, upstreamError: null };
      const record = change(id, 'callback.pause', actor, detail, (now) =>
        repos.callbacks.setStatus(id, 'Paused', now),
      );
      let upstreamError: string | null = null;
      await upstream.setStatus(record.upstreamId, 'Paused').catch((err: unknown) => {
        upstreamError = (err as Error).message;
      });
      await answer(record);
      return { paused: true, upstreamError };
    },

    async remove(id: string, actor: Actor): Promise<void> {
      access.require(actor, 'admin', 'callbacks.write', { callbackId: id });
      const record = requireRecord(id);
      if (record.builtIn) throw builtInRefusal('delete', record.label);
      if (repos.callbacks.hasPendingActions(id)) {
        throw new ServiceError(409, 'CALLBACK_HAS_PENDING_ACTIONS');
      }
      await upstream.remove(repos.callbacks.get(id)?.upstreamId ?? null);
      change(id, 'callback.delete', actor, null, (now) => repos.callbacks.softDelete(id, now));
      publish(id);
    },

    /**
     * At every start, after the key check and before anything is registered upstream: gives the built-in callback
     * its receiver secret, sealed. Migration 008 creates it without one because it cannot seal (the SecretBox is
     * async, a migration runs synchronously in one transaction). Idempotent: true only when it sealed one now.
     */
    async ensureBuiltIn(): Promise<boolean> {
      const record = repos.callbacks.get(BUILT_IN_CALLBACK_ID);
      if (!record?.builtIn || record.receiverSecret) return false;
      const sealed = await secrets.encrypt(newReceiverSecret());
      return unitOfWork(() => repos.callbacks.setBuiltInReceiverSecret(record.id, sealed));
    },

    /**
     * Makes every callback's twin on the network match (at start: the receiver's address may have changed,
     * and the simulator forgets registrations between runs). Failures are reported, not thrown.
     */
    async syncUpstream(): Promise<{ synced: number; failed: { id: string; message: string }[] }> {
      const failed: { id: string; message: string }[] = [];
      let synced = 0;
      for (const record of repos.callbacks.list()) {
        try {
          const upstreamId = await upstream.update(
            record.upstreamId,
            record.id,
            record.subscribe,
            await receiverSecretOf(record),
          );
          await upstream.setStatus(upstreamId, record.status);
          if (upstreamId !== record.upstreamId) {
            unitOfWork(() =>
              repos.callbacks.replace(record.id, {
                label: record.label,
                subscribe: record.subscribe,
                secrets: record.secrets,
                upstreamId,
                updatedAt: clock.nowIso(),
              }),
            );
          }
          synced += 1;
        } catch (err) {
          failed.push({ id: record.id, message: (err as Error).message });
        }
      }
      return { synced, failed };
    },

    /** For the services that need the clear secrets (outbound delivery), header values included. */
    openSecrets: async (id: string) => openSecrets(requireRecord(id)),

    /**
     * The secret Stellantis must send in `x-depot-secret` when delivering to this callback's receiver URL;
     * null when the callback does not exist (or was deleted).
     */
    async openReceiverSecret(id: string): Promise<string | null> {
      const record = repos.callbacks.get(id);
      return record?.receiverSecret ? secrets.decrypt(record.receiverSecret) : null;
    },
    maskSecret,
  };
}
