// Durable outbound delivery (issue 3): the composition of the dispatcher and the API's use cases.
import type { Repositories, RunUnitOfWork, StoreWriter } from '../db/index.js';
import type { CallbackSecrets } from '../domain/callback/callback-model.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { createDispatcher } from './dispatcher.js';
import type { PauseCallback } from './gone.js';
import { resolveOutboxOptions, type OutboxOptions } from './outbox-options.js';
import { createOutboxService } from './outbox-service.js';

export interface OutboxDeps {
  unitOfWork: RunUnitOfWork;
  repos: Repositories;
  clock: Clock;
  bus: EventBus;
  logger: Logger;
  /** The clear secrets of a callback (callbacks service `openSecrets`): signing secrets and authentication. */
  openSecrets(callbackId: string): Promise<CallbackSecrets>;
  /**
   * Pauses a Running callback on the outbox's own decision (a 410 Gone): the callbacks service, the one writer of a
   * callback's status, audits it and tells the upstream twin (callbacks service `pauseBySystem`).
   */
  pauseCallback: PauseCallback;
  /** For $fleetID; null when unknown (substituted by an empty string). */
  fleetId(): string | null;
  /**
   * Runs the outbox's hot writes (outcomes, claims) in one transaction per pass: a thread with its own connection
   * in the app (db createStoreWriter), so the commits do not hold the event loop. Its owner closes it after stop().
   */
  writer: StoreWriter;
  options?: OutboxOptions;
}

export type Outbox = ReturnType<typeof createOutbox>;

/**
 * New events reach the outbox through `enqueue` (inside the ingest transaction); a changed callback (status,
 * target, secrets, deletion) through `callback.changed` on the bus, which the dispatcher hears once started.
 */
export function createOutbox(deps: OutboxDeps) {
  const options = resolveOutboxOptions(deps.options);
  const dispatcher = createDispatcher({ ...deps, options });
  const service = createOutboxService({ ...deps, queue: dispatcher.queue });
  return {
    /** StoredEventSink for the ingest service: call inside its transaction for every newly stored event. */
    enqueue: dispatcher.enqueue,
    /** Reclaims deliveries left in flight by the previous run and starts dispatching. */
    start: dispatcher.start,
    /** Stops dispatching; waits up to `graceMs` for calls in flight (those still in the air are sent again next start). */
    stop: dispatcher.stop,
    /** Resolves once nothing is left to do now (tests: after advancing the clock). */
    idle: dispatcher.idle,
    /** Holds all outbound delivery until resume() (the desktop tray); calls in the air finish. */
    pause: dispatcher.pause,
    resume: dispatcher.resume,
    isPaused: dispatcher.isPaused,
    /** Use cases behind the deliveries routes. */
    service,
    /** Deliveries and targets as clients see them, for the change feed. */
    views: dispatcher.views,
  };
}
