// Reading a callback's spec-form `subscribe` object for display.
import type { CallbackDto } from '../../../../preload/contract/dto.js';
import { t } from '../../i18n/index.js';

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
export const newCallbackTitle = (): string => t('callbacks:page.new.title');

/**
 * English only, read once: kept for renderer/src/app/Routes.tsx until it calls newCallbackTitle() (issue 17).
 * @deprecated use newCallbackTitle().
 */
export const NEW_CALLBACK_TITLE = 'New callback';

/** The name the built-in callback is given when the agent creates it (migration 008): the reader's words for it. */
const BUILT_IN_DEFAULT_NAME = 'This workstation';

export function callbackTitle(callback: CallbackDto): string {
  const name = callbackName(callback.subscribe);
  // Renamed, it is the depot's own name; as created, it is the product's, said in the reader's language.
  if (callback.builtIn && name === BUILT_IN_DEFAULT_NAME) return t('callbacks:builtIn.defaultName');
  return name ?? callback.id;
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
export const builtInWhere = (): string => t('callbacks:builtIn.where');

/**
 * English only, read once: kept for renderer/src/features/remotes/CallbackPicker.tsx until it has its own words
 * (issue 17).
 * @deprecated use builtInWhere().
 */
export const BUILT_IN_WHERE = 'Notifications stay on this workstation';
