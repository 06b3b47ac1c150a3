// Every error leaves the API in one shape: {code, message, params, errors: [{field, message, rule, params}]}. The
// core hands over codes, rules and values (ServiceError, FieldError); the words are rendered here, from the
// `errors` catalog, in the language of the request's Accept-Language (issue 17; English when none is supported).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../../preload/contract/dto.js';
import { codeKey, messageValues, ruleKey } from '../../../preload/contract/error-words.js';
import { SOURCE_LANGUAGE, type Language } from '../../../preload/contract/locales.js';
import { isDiskFull } from '../db/index.js';
import type { ErrorKey, FieldError, MessageParams } from '../domain/field-error.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { ErrorCode } from '../kernel/error-codes.js';
import type { Logger } from '../ports/logger.js';
import { ServiceError } from '../kernel/service-error.js';

let shared: Translator | null = null;
/** One translator for the process, made on first use (the catalogs are bundled, nothing is read from disk). */
const translator = () => (shared ??= createTranslator());

/** The language of a request's answer, from its Accept-Language. */
export const languageOf = (request: Pick<FastifyRequest, 'headers'> | null | undefined): Language =>
  request ? translator().fromAcceptLanguage(request.headers['accept-language']) : SOURCE_LANGUAGE;

/** "a, b or c": British English has no comma before the last item, as the messages always had. */
const listLocale = (language: Language) => (language === 'en' ? 'en-GB' : language);

/** A catalog message with its values, in `language`. */
export function renderMessage(language: Language, key: string, params?: MessageParams): string {
  // Keys come from the core as data (ErrorKey, rules, codes): a missing one renders as the key itself.
  const t = translator().for(language) as unknown as (key: string, values: object) => string;
  const translate = (k: string, values: Record<string, string | number>) => t(k, values);
  const formatList = (items: readonly string[], type: 'conjunction' | 'disjunction') =>
    new Intl.ListFormat(listLocale(language), { style: 'long', type }).format(items);
  return translate(key, messageValues(params, translate, formatList));
}

/** A field error as it leaves: the message in `language`, the rule and its values for clients that word it. */
export function renderFieldError(language: Language, error: FieldError): ErrorBody['errors'][number] {
  return {
    field: error.field,
    message: renderMessage(language, ruleKey(error.rule), error.params),
    rule: error.rule,
    ...(error.params && Object.keys(error.params).length > 0 ? { params: { ...error.params } } : {}),
  };
}

export interface ErrorBodyOptions {
  params?: MessageParams;
  errors?: FieldError[];
  /** The message when not `errors:code.<code>` (a code with several messages). */
  key?: ErrorKey | null;
}

/** The body of an error answer, worded in the request's language (English without a request). */
export function errorBody(
  request: Pick<FastifyRequest, 'headers'> | null,
  code: ErrorCode,
  { params, errors = [], key }: ErrorBodyOptions = {},
): ErrorBody {
  const language = languageOf(request);
  return {
    code,
    message: renderMessage(language, key ?? codeKey(code), params),
    ...(params && Object.keys(params).length > 0 ? { params: { ...params } } : {}),
    errors: errors.map((e) => renderFieldError(language, e)),
  };
}

/** A ServiceError as an answer's body, in `language`. */
export function serviceErrorBody(language: Language, error: ServiceError): ErrorBody {
  const { code, params, errors, key } = error;
  return {
    code,
    message: renderMessage(language, key ?? codeKey(code), params),
    ...(Object.keys(params).length > 0 ? { params: { ...params } } : {}),
    errors: errors.map((e) => renderFieldError(language, e)),
  };
}

function fieldOf(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  // Body fields are named as in the body (like the domain's errors); query and path ones say where.
  const where = context === 'querystring' ? 'query' : context === 'params' ? 'path' : '';
  return [where, path].filter(Boolean).join('.');
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof ServiceError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply.status(error.status).send(serviceErrorBody(languageOf(request), error));
    }
    if (isDiskFull(error)) {
      // 507 Insufficient Storage: nothing was changed, and the same request succeeds once space is freed (not
      // logged per request: the log is on that full disk; the storage health logs the episode once).
      return reply.status(507).send(errorBody(request, 'DISK_FULL'));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      // A route's own schema (query, path): zod's account of the problem is quoted as the rule's detail.
      const errors = error.validation.map((v): FieldError => ({
        field: fieldOf(error.validationContext, v.instancePath),
        rule: 'request.schema',
        params: { detail: v.message ?? '' },
      }));
      return reply.status(400).send(errorBody(request, 'VALIDATION_FAILED', { errors }));
    }
    if (isResponseSerializationError(error)) {
      logger.error('response did not match its schema', { url: request.url, error: String(error.cause) });
      return reply.status(500).send(errorBody(request, 'INTERNAL', { key: 'errors:code.INTERNAL.answer' }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      logger.error('request failed', { method: request.method, url: request.url, error: error.message });
      return reply.status(500).send(errorBody(request, 'INTERNAL'));
    }
    const code =
      status === 413 ? 'BODY_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
    const key: ErrorKey | null =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'errors:code.BAD_REQUEST.json'
        : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'errors:code.BAD_REQUEST.empty'
          : null;
    // Otherwise Fastify's own account of the 4xx it raised, quoted as the message's detail.
    const params: MessageParams = key !== null || status === 415 ? {} : { detail: error.message };
    return reply.status(status).send(errorBody(request, code, { key, params }));
  };
}
