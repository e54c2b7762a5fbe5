import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, statusOf } from '../http/app-error.ts';
import { fieldLabel, type Lang, langOf, translate } from '../http/messages.ts';
import { fieldProblems, InputError } from '../http/validation.ts';
import { labels } from './messages.messages.ts';

/** This module's label of a field (an element of a list by its list's), else the application's. */
function label(lang: Lang, field: string): string {
  return labels[lang][field] ?? labels[lang][field.replace(/(\.\d+)+$/, '')] ?? fieldLabel(lang, field);
}

/**
 * The messages routes' error handler: bad input is told field by field with this module's labels
 * («Кому», «Текст», «Имя файла» — names other modules label differently); any other error goes on
 * to the application's handler.
 */
export function messagesErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(request.headers['accept-language']);
  let fields: Record<string, string> | undefined;
  let code: 'validation' | AppError['code'] = 'validation';
  // A body that is not an object at all is the application's «Тело запроса», not a field of ours.
  if (error instanceof InputError && error.issues.every((i) => i.path.length > 0)) {
    fields = {};
    for (const [path, problem] of fieldProblems(error))
      fields[path] = translate(lang, problem.key, problem.params);
  } else if (error instanceof AppError && error.fields) {
    code = error.code;
    fields = Object.fromEntries(
      Object.entries(error.fields).map(([name, key]) => [name, translate(lang, key)]),
    );
  }
  if (!fields) throw error;
  const names = [...new Set(Object.keys(fields).map((p) => `«${label(lang, p)}»`))];
  return reply
    .code(statusOf[code])
    .type('application/json; charset=utf-8')
    .send({
      error: code,
      message: translate(lang, 'validation', { fields: names.join(', ') }),
      fields,
      requestId: String(request.id),
    });
}
