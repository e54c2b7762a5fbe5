import { type ChangeEvent, useState } from 'react';
import type { FormErrors } from '../components/use-form-errors.ts';

/** A form's text values with a binder for `Field`/`Select` (value, error, onChange). */
export function useValues<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const bind = (name: keyof V & string, errors: FormErrors, id: string = name) => ({
    name: id,
    value: values[name],
    error: errors.field(name),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  return { values, setValues, bind };
}

/** Blank text means «none». */
export const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
