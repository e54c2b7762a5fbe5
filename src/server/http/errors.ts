import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '../../contract/errors.ts';
import { AppError, statusOf } from './app-error.ts';
import { fieldNames, type Lang, langOf, type MessageKey, translate } from './messages.ts';
import { requestIdHeader } from './request-id.ts';
import { fieldProblems, InputError } from './validation.ts';

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, body: Omit<ErrorBody, 'error'>) {
  return reply
    .code(statusOf[code])
    .header(requestIdHeader, String(request.id))
    .type('application/json; charset=utf-8')
    .send({ error: code, ...body, requestId: String(request.id) });
}

function inputErrorBody(lang: Lang, error: InputError): Omit<ErrorBody, 'error'> {
  const fields: Record<string, string> = {};
  for (const [path, problem] of fieldProblems(error))
    fields[path] = translate(lang, problem.key, problem.params);
  return {
    message: translate(lang, 'validation', { fields: fieldNames(lang, Object.keys(fields)) }),
    fields,
  };
}

function appErrorBody(lang: Lang, error: AppError): Omit<ErrorBody, 'error'> {
  if (!error.fields) return { message: translate(lang, error.messageKey, error.params) };
  // Field problems are told beside each field; the message above the form only names them.
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([name, key]) => [name, translate(lang, key)]),
  );
  return {
    message: translate(lang, 'validation', { fields: fieldNames(lang, Object.keys(fields)) }),
    fields,
  };
}

/** Fastify's own client errors by their code (matched on codes, never on messages). */
const fastifyCodes: Record<string, [ErrorCode, MessageKey]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', 'unsupportedMediaType'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['validation', 'invalidJson'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['validation', 'invalidJson'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['validation', 'invalidJson'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', 'payloadTooLarge'],
};

/** Renders every error as `{error, message, fields?}`; unknown errors become a logged 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = langOf(request.headers['accept-language']);
    if (error instanceof InputError) return send(reply, request, 'validation', inputErrorBody(lang, error));
    if (error instanceof AppError) return send(reply, request, error.code, appErrorBody(lang, error));
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, request, known[0], { message: translate(lang, known[1]) });
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return send(reply, request, 'validation', { message: translate(lang, 'invalidJson') });
    }
    if (error.statusCode === 429)
      return send(reply, request, 'rate_limited', { message: translate(lang, 'rateLimited') });
    request.log.error({ err: error, requestId: request.id }, 'unexpected error');
    return send(reply, request, 'internal', { message: translate(lang, 'internal') });
  });
}

/** Unknown API routes answer a JSON 404; other GETs get the web app, which routes itself. */
export function registerNotFound(app: FastifyInstance, hasWeb: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    // A missing built file (an old tab asking for a replaced chunk) is a 404, never the page.
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      !request.url.startsWith('/assets/') &&
      hasWeb;
    if (isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    const lang = langOf(request.headers['accept-language']);
    return send(reply, request, 'not_found', { message: translate(lang, 'routeNotFound') });
  });
}

/** Errors Fastify meets before routing (a malformed URL): the same JSON shape, translated. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request.headers['accept-language']);
  // A malformed address or an absurdly long path parameter is the client's mistake, not ours.
  if (error.code === 'FST_ERR_BAD_URL' || error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return send(reply, request, 'validation', { message: translate(lang, 'badUrl') });
  request.log.error({ err: error, requestId: request.id }, 'unexpected framework error');
  return send(reply, request, 'internal', { message: translate(lang, 'internal') });
}
