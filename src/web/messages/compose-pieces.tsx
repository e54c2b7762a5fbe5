import type { TextareaHTMLAttributes } from 'react';

/** A labelled multi-line text field with its error, tied by aria-describedby. */
export function TextAreaField({
  name,
  label,
  error,
  ...area
}: { name: string; label: string; error?: string | undefined } & Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'name' | 'id'
>) {
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        className="msg-textarea"
        rows={6}
        maxLength={10_000}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        {...area}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Whether the key press is Ctrl+Enter (or ⌘+Enter), which sends a message. */
export function isSendKey(event: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}
