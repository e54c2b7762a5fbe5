import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Problems, requireFilled } from '../app/validate.ts';
import { useFormErrors } from '../components/use-form-errors.ts';
import type { useT } from '../i18n/use-t.ts';
import type { Week } from './timetable-api.ts';

/**
 * A timetable form's values and sending: `submit(required)` checks the blank required fields
 * before the server is asked, and the server's refusal lands beside its field. `other` is a
 * second action of the same form (removing): its refusal shows the same way.
 */
export function useTimetableForm<V extends Record<string, string>, R>(
  initial: V,
  send: (values: V) => Promise<R>,
  onSuccess?: () => unknown,
  other?: { error: unknown; reset: () => void },
) {
  const [values, setValues] = useState<V>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const run = useMutation({ mutationFn: send, ...(onSuccess && { onSuccess }) });
  const errors = useFormErrors(problems, run.error ?? other?.error);
  const submit = (required: readonly string[]) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = requireFilled(values, required);
    setProblems(found);
    run.reset();
    other?.reset();
    if (Object.keys(found).length === 0) run.mutate(values);
  };
  const set = (name: keyof V) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));
  /** A field's value, error and change handler, to spread on it. */
  const bind = (name: keyof V & string) => ({
    value: values[name],
    error: errors.field(name),
    onChange: set(name),
  });
  return { values, setValues, set, bind, run, errors, submit };
}

/** The class's courses as select options after «Выберите»: subject (subgroup) — teacher. */
export function courseOptions(week: Week, t: ReturnType<typeof useT>) {
  return [
    { value: '', label: t('timetable.choose') },
    ...week.courses.map((c) => ({
      value: String(c.id),
      label: `${c.subject}${c.groupKind === 'class' ? '' : ` (${c.group})`} — ${c.teacher}`,
    })),
  ];
}
