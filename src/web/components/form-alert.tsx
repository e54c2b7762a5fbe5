/** The general message of a failed form, above the form; announced by screen readers. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

/** A calm success or information message. */
export function Notice({ message }: { message: string }) {
  return (
    <div className="alert alert-info" role="status">
      {message}
    </div>
  );
}
