import type { ReactNode, SelectHTMLAttributes } from 'react';

/** Props of a labelled select with its error message. */
export type SelectProps = {
  name: string;
  label: string;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

/** A labelled select; its error is tied to it with aria-describedby. */
export function Select({ name, label, error, options, ...select }: SelectProps) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        className="people-select"
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

/** A labelled checkbox. */
export function Checkbox({
  name,
  label,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="people-check">
      <input
        id={name}
        name={name}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}

/** A group of checkboxes under a legend, with one error for the group. */
export function CheckGroup({
  name,
  legend,
  error,
  children,
}: {
  name: string;
  legend: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={error ? 'people-checks field-invalid' : 'people-checks'}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="people-check-row">{children}</div>
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A status badge whose text carries the meaning (colour only repeats it). */
export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'off' | 'info'; children: ReactNode }) {
  return <span className={`people-badge people-badge-${tone}`}>{children}</span>;
}
