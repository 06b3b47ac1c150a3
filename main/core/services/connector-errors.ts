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
  // `detail` is the connector's own account of the failure (the network's words, or a log-style line), quoted as is.
  const detail = e.message;
  switch (e.kind) {
    case 'unreachable':
      return new ServiceError(503, 'NETWORK_UNREACHABLE', { params: { detail }, errors });
    case 'rate-limited':
      return e.details.retryAfterSeconds
        ? new ServiceError(429, 'NETWORK_RATE_LIMITED', {
            params: { seconds: e.details.retryAfterSeconds },
            errors,
            key: 'errors:code.NETWORK_RATE_LIMITED.retryIn',
          })
        : new ServiceError(429, 'NETWORK_RATE_LIMITED', { errors });
    case 'authentication':
      return new ServiceError(502, 'NETWORK_AUTHENTICATION', { params: { detail }, errors });
    default:
      return new ServiceError(502, 'NETWORK_REFUSED', {
        params: {
          detail,
          hasCode: e.details.code ? 'yes' : 'no',
          networkCode: e.details.code ?? '',
          hasReference: e.details.reference ? 'yes' : 'no',
          reference: e.details.reference ?? '',
        },
        errors,
      });
  }
}
