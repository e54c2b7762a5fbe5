import { ApiError } from '../app/api-error.ts';
import type { Problems } from '../app/validate.ts';
import { useT } from '../i18n/use-t.ts';

/** The messages a form shows: its own problems first, else the server's answer. */
export type FormErrors = {
  /** The general message above the form, if any. */
  general: string | undefined;
  /** The message next to a field, if any. */
  field: (name: string) => string | undefined;
};

/** Combines the form's own problems (translated now, so they follow the language) and the API error. */
export function useFormErrors(problems: Problems, error: unknown): FormErrors {
  const t = useT();
  const hasProblems = Object.keys(problems).length > 0;
  const apiError = error instanceof ApiError ? error : undefined;
  let general: string | undefined;
  if (hasProblems) general = t('form.checkFields');
  else if (apiError) general = apiError.message;
  else if (error) general = t('error.unexpected');
  return {
    general,
    field: (name) => {
      const problem = problems[name];
      if (problem) return t(problem.key, problem.params);
      return hasProblems ? undefined : apiError?.fields[name];
    },
  };
}
