import type { SelectHTMLAttributes } from 'react';

/** Props of a labelled select with its error message. */
export type SelectFieldProps = {
  /** The select's id and name (the API body field it fills). */
  name: string;
  label: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

/** A labelled select; its error is tied to it with aria-describedby. */
export function SelectField({ name, label, error, options, ...select }: SelectFieldProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
