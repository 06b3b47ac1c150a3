// The client over HTTP + server-sent events: a browser against the headless agent's /api/v1.
import type {
  AuditQuery,
  CallbackBodyInput,
  DeliveryListQuery,
  DepotRemoteClient,
  HealthDto,
  PageDto,
  QuarantineListQuery,
  RemoteListQuery,
  RemotePostResponseDto,
  SettingsDto,
  VehicleListQuery,
} from '../../../preload/contract/client.js';
import { ClientError } from '../../../preload/contract/client.js';
import type {
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  DeliveryRetryAllDto,
  DeliveryTargetsDto,
  TestNotificationDto,
} from '../../../preload/contract/deliveries.js';
import type {
  AuditEntryDto,
  CallbackDto,
  RemoteActionDto,
  VehicleDto,
} from '../../../preload/contract/dto.js';
import type { QuarantinePageDto } from '../../../preload/contract/quarantine.js';
import { createEventStream } from './event-stream.js';
import { createRequester, headerValue, type Requester } from './http-request.js';

export interface HttpClientOptions {
  /** '' for the page's own origin (web mode). */
  baseUrl?: string;
  /** Called when the agent answers 401: the session cookie expired or the token changed. */
  onUnauthorized?: () => void;
  fetchImpl?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

const enc = encodeURIComponent;

function actorHeaders(operator?: string, reason?: string): Record<string, string> {
  return {
    ...(operator?.trim() ? { 'x-depot-operator': headerValue(operator.trim()) } : {}),
    ...(reason?.trim() ? { 'x-depot-reason': headerValue(reason.trim()) } : {}),
  };
}

export function createHttpClient(options: HttpClientOptions = {}): DepotRemoteClient {
  const baseUrl = options.baseUrl ?? '';
  const unauthorized = () => options.onUnauthorized?.();
  const request: Requester = createRequester(baseUrl, unauthorized, options.fetchImpl);

  async function hasSession(): Promise<boolean> {
    try {
      await request('/vehicles', { query: { limit: 1 } });
      return true;
    } catch (error) {
      if (error instanceof ClientError && error.status === 401) return false;
      throw error;
    }
  }

  const stream = createEventStream({
    url: `${baseUrl}/api/v1/events`,
    sessionStillValid: () => hasSession(),
    onSessionEnded: unauthorized,
    ...(options.createEventSource ? { createSource: options.createEventSource } : {}),
  });

  return {
    transport: 'http',
    hasSession,
    async login(token) {
      await request('/session', { method: 'POST', body: { token: token.trim() } });
    },
    async logout() {
      stream.stop();
      await request('/session', { method: 'DELETE' });
    },
    health: () => request<HealthDto>('/health'),

    listVehicles: (query: VehicleListQuery = {}) =>
      request<PageDto<VehicleDto>>('/vehicles', { query: { ...query } }),
    getVehicle: (vehicle) => request<VehicleDto>(`/vehicles/${enc(vehicle)}`),

    listCallbacks: () => request<{ items: CallbackDto[]; total: number }>('/callbacks'),
    getCallback: (id) => request<CallbackDto>(`/callbacks/${enc(id)}`),
    createCallback: (body: CallbackBodyInput, operator) =>
      request<CallbackDto>('/callbacks', { method: 'POST', body, headers: actorHeaders(operator) }),
    replaceCallback: (id, body, operator) =>
      request<CallbackDto>(`/callbacks/${enc(id)}`, { method: 'PUT', body, headers: actorHeaders(operator) }),
    setCallbackStatus: (id, status, operator) =>
      request<CallbackDto>(`/callbacks/${enc(id)}/status`, {
        method: 'PUT',
        body: { status },
        headers: actorHeaders(operator),
      }),
    deleteCallback: (id, operator) =>
      request<void>(`/callbacks/${enc(id)}`, { method: 'DELETE', headers: actorHeaders(operator) }),
    sendTestNotification: (id, operator) =>
      request<TestNotificationDto>(`/callbacks/${enc(id)}/test-notification`, {
        method: 'POST',
        headers: actorHeaders(operator),
      }),

    sendRemote: ({ vehicle, callbackId, body, operator, reason }) =>
      request<RemotePostResponseDto>(`/vehicles/${enc(vehicle)}/callbacks/${enc(callbackId)}/remotes`, {
        method: 'POST',
        body,
        headers: actorHeaders(operator, reason),
      }),
    listRemotes: (query: RemoteListQuery = {}) =>
      request<PageDto<RemoteActionDto>>('/remotes', { query: { ...query } }),
    getRemote: (id) => request<RemoteActionDto>(`/remotes/${enc(id)}`),

    listDeliveries: (query: DeliveryListQuery = {}) =>
      request<DeliveryPageDto>('/deliveries', { query: { ...query } }),
    getDelivery: (id) => request<DeliveryDetailDto>(`/deliveries/${enc(id)}`),
    listDeliveryTargets: () => request<DeliveryTargetsDto>('/deliveries/targets'),
    retryDelivery: (id, operator) =>
      request<DeliveryDto>(`/deliveries/${enc(id)}/retry`, {
        method: 'POST',
        headers: actorHeaders(operator),
      }),
    retryCallbackDeliveries: (id, operator) =>
      request<DeliveryRetryAllDto>(`/callbacks/${enc(id)}/deliveries/retry`, {
        method: 'POST',
        headers: actorHeaders(operator),
      }),

    listQuarantine: ({ unresolved, ...page }: QuarantineListQuery = {}) =>
      request<QuarantinePageDto>('/quarantine', {
        query: { ...page, unresolved: unresolved === undefined ? undefined : String(unresolved) },
      }),

    getSettings: () => request<SettingsDto>('/settings'),
    putSettings: (settings) => request<SettingsDto>('/settings', { method: 'PUT', body: settings }),

    listAudit: (query: AuditQuery = {}) =>
      request<{ items: AuditEntryDto[] }>('/audit', { query: { ...query } }),

    subscribe: (listener) => stream.subscribe(listener),
    onConnection: (listener) => stream.onConnection(listener),
  };
}
