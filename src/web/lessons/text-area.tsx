/** A labelled multi-line text field with its hint and error. */
export function TextArea({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  rows,
}: {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  rows: number;
}) {
  const describedBy =
    [hint && `${name}-hint`, error && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={name}
        name={name}
        rows={rows}
        value={value}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        maxLength={4000}
      />
      {error && (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
