// One JSON request to /api/v1 with the session cookie (or one answered in text: a CSV report); every failure becomes
// a ClientError with the API's {code, message, errors} (or a plain-words one when the agent could not be reached or
// did not answer JSON).
import { ClientError } from '../../../preload/contract/client.js';
import { currentLanguage } from '../i18n/index.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  /** The answer is text of these types (a CSV report, an export), returned as the text itself; errors are JSON. */
  text?: string;
}

export type Requester = <T>(path: string, options?: RequestOptions) => Promise<T>;

/** Header values must be Latin-1: names with accents (Jérôme) are URI-encoded; the API decodes them. */
export function headerValue(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodeURIComponent(text);
}

export function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createRequester(
  baseUrl: string,
  onUnauthorized: () => void,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): Requester {
  return async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const accept = options.text ? `${options.text}, application/json` : 'application/json';
    // The agent words its errors in the interface's language (issue 17).
    const headers: Record<string, string> = {
      accept,
      'accept-language': currentLanguage(),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/v1${path}${queryString(options.query)}`, {
        method: options.method ?? 'GET',
        headers,
        body,
        credentials: 'same-origin',
      });
    } catch {
      throw new ClientError({
        status: 0,
        code: 'AGENT_UNREACHABLE',
        message: 'The agent does not answer. Check that it is running, then try again.',
        errors: [],
      });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (response.ok && options.text) return text as T;
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: handled below
    }
    if (response.ok) return json as T;
    const e = (json ?? {}) as { code?: unknown; message?: unknown; errors?: unknown; params?: unknown };
    // Only the session's own refusal ends it: a wrong PIN (a sign-in, or a supervisor's approval of one command)
    // is a 401 too, answered to the form that sent it.
    const sessionEnded = e.code === undefined || e.code === 'UNAUTHORIZED';
    if (response.status === 401 && sessionEnded && !path.startsWith('/session')) onUnauthorized();
    throw new ClientError({
      status: response.status,
      code: typeof e.code === 'string' ? e.code : `HTTP_${response.status}`,
      message:
        typeof e.message === 'string'
          ? e.message
          : `The agent answered ${response.status} ${response.statusText}.`,
      errors: Array.isArray(e.errors) ? (e.errors as ClientError['errors']) : [],
      // The message's values, as the desktop bridge passes them: the page words the code itself with them.
      ...(e.params !== null && typeof e.params === 'object' && !Array.isArray(e.params)
        ? { params: e.params as NonNullable<ClientError['params']> }
        : {}),
    });
  };
}
