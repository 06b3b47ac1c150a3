// Reading a callback's spec-form `subscribe` object for display.
import type { CallbackDto } from '../../../../preload/contract/dto.js';

interface SubscribeView {
  label?: string;
  callback?: {
    webhook?: { target?: string; name?: string; attributes?: { type: string; key: string; value: string }[] };
  };
  retryPolicy?: { policy?: string; retryNumber?: number; retryDelay?: number };
  batchNotify?: { size?: number; timeWindow?: number };
  remoteTypes?: string[];
}

export function subscribeOf(callback: Pick<CallbackDto, 'subscribe'> | undefined): SubscribeView {
  return (callback?.subscribe ?? {}) as SubscribeView;
}

export function callbackName(subscribe: Record<string, unknown> | undefined): string | undefined {
  if (!subscribe) return undefined;
  const s = subscribe as SubscribeView;
  return s.label || s.callback?.webhook?.name || undefined;
}

/** The title of the form that creates one (and of its page). */
export const NEW_CALLBACK_TITLE = 'New callback';

export function callbackTitle(callback: CallbackDto): string {
  return callbackName(callback.subscribe) ?? callback.id;
}

export function remoteTypesOf(callback: CallbackDto): string[] {
  return subscribeOf(callback).remoteTypes ?? [];
}

export function targetOf(callback: CallbackDto): string {
  return subscribeOf(callback).callback?.webhook?.target ?? '';
}

/** The built-in callback ("This workstation"): no webhook, only its name and status change, never deleted. */
export const isBuiltIn = (callback: Pick<CallbackDto, 'builtIn'> | undefined): boolean =>
  callback?.builtIn === true;

/** Where the built-in callback's notifications go, said where a site callback shows its webhook. */
export const BUILT_IN_WHERE = 'Notifications stay on this workstation';
