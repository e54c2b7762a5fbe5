import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { hasControlCharacters } from '../../contract/fields.ts';
import type { MessageKey } from './messages.ts';

type Issue = z.core.$ZodIssue;

/** Input that failed its schema: carries the issues for the error handler to translate. */
export class InputError extends Error {
  constructor(
    readonly issues: Issue[],
    readonly input: unknown,
  ) {
    super('invalid input');
    this.name = 'InputError';
  }
}

/** Validates every route's body, query and params with its zod schema. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: new InputError(result.error.issues, data) };
  };

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** A field's message key and parameters. */
export interface FieldProblem {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Translates zod issues into one problem per field path (the first issue of a field wins). */
export function fieldProblems(error: InputError): Map<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  const add = (path: PropertyKey[], key: MessageKey, params: Record<string, string | number> = {}) => {
    const name = path.map(String).join('.') || 'body';
    if (!out.has(name)) out.set(name, { key, params });
  };
  for (const issue of error.issues) {
    const value = valueAt(error.input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        add(issue.path, value === undefined || value === null ? 'required' : 'invalidType');
        break;
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') {
          add(issue.path, value === '' || min <= 1 ? 'required' : 'tooShort', { min });
        } else if (issue.origin === 'array') add(issue.path, 'tooShort', { min });
        else add(issue.path, issue.inclusive === false ? 'greaterThan' : 'tooSmall', { min });
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') add(issue.path, 'tooLong', { max });
        else add(issue.path, issue.inclusive === false ? 'lessThan' : 'tooBig', { max });
        break;
      }
      case 'invalid_format':
        if (typeof value === 'string' && hasControlCharacters(value)) add(issue.path, 'controlCharacters');
        else add(issue.path, issue.path.at(-1) === 'login' ? 'invalidLogin' : 'invalidFormat');
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) add([...issue.path, key], 'unknownField');
        break;
      default:
        add(issue.path, 'invalidValue');
    }
  }
  return out;
}
