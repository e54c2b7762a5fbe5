// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const controls = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * A multi-line text as stored (homework, lesson plan): line ends made `\n`, control characters
 * other than newline and tab removed, trailing blanks trimmed; an empty text is null. The text is
 * never HTML: the web renders its small formatting subset (see docs/KTP.md) as text nodes.
 */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\r\n?/g, '\n').replace(controls, '').trimEnd();
  return text.trim() === '' ? null : text;
}

/** A one-line text as stored: trimmed; empty is null. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  return text === '' ? null : text;
}
