// Errors the simulated network answers, shaped like the fleet API's (stellantis-api-notes.md N8): five-digit
// `code` (HTTP status + two API digits) and a `uuid` reference for support, carried by the port's ConnectorError.
import { ConnectorError, type ConnectorErrorKind } from '../connector.js';

export const NETWORK_ERRORS = {
  /** 400: the body breaks the API's rules. */
  invalidBody: { kind: 'invalid', code: '40000' },
  /** 400: the callback subscription is invalid. */
  invalidCallback: { kind: 'invalid', code: '40001' },
  /** 400: DELETE of a callback that still has a pending remote (stellantis-api-notes.md N2). */
  callbackHasPendingRemote: { kind: 'refused', code: '40003' },
  /** 400: the remote's type is not in the callback's remoteTypes (the spec names no code). */
  typeNotSubscribed: { kind: 'refused', code: '40004' },
  /** 403: no access to this vehicle (usually a wrong vehicle id, stellantis-api-notes.md N8). */
  unknownVehicle: { kind: 'refused', code: '40300' },
  /** 404: no such callback. */
  unknownCallback: { kind: 'refused', code: '40400' },
} as const satisfies Record<string, { kind: ConnectorErrorKind; code: string }>;

export type NetworkErrorName = keyof typeof NETWORK_ERRORS;

/** The error, with a fresh support reference formatted as a UUID. */
export function networkError(name: NetworkErrorName, message: string, referenceHex: string): ConnectorError {
  const { kind, code } = NETWORK_ERRORS[name];
  const h = referenceHex.padEnd(32, '0');
  const reference = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return new ConnectorError(kind, message, { code, reference });
}
