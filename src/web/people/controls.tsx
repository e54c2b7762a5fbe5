import type { ReactNode } from 'react';

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
