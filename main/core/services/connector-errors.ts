// A failure of the vehicle network, as the API answers it: what happened, and what support needs.
import type { FieldError } from '../domain/field-error.js';
import { ConnectorError } from '../connector/connector.js';
import { ServiceError } from '../kernel/service-error.js';

export function asConnectorError(err: unknown): ConnectorError {
  return err instanceof ConnectorError
    ? err
    : new ConnectorError('unreachable', (err as Error)?.message || 'The network did not answer.');
}

export function connectorFailure(e: ConnectorError, errors: FieldError[] = []): ServiceError {
  const ref = e.details.reference ? ` Reference for support: ${e.details.reference}.` : '';
  const code = e.details.code ? ` (code ${e.details.code})` : '';
  switch (e.kind) {
    case 'unreachable':
      return new ServiceError(
        503,
        'NETWORK_UNREACHABLE',
        `The vehicle network cannot be reached: ${e.message}`,
        errors,
      );
    case 'rate-limited':
      return new ServiceError(
        429,
        'NETWORK_RATE_LIMITED',
        `The vehicle network's rate limit is reached${e.details.retryAfterSeconds ? `; retry in ${e.details.retryAfterSeconds} s` : ''}.`,
        errors,
      );
    case 'authentication':
      return new ServiceError(
        502,
        'NETWORK_AUTHENTICATION',
        `The vehicle network refused our credentials: ${e.message}`,
        errors,
      );
    default:
      return new ServiceError(
        502,
        'NETWORK_REFUSED',
        `The vehicle network refused it${code}: ${e.message}.${ref}`,
        errors,
      );
  }
}
