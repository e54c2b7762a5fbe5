import { z } from 'zod';

// Control characters (NUL above all) have no place in names or logins, and PostgreSQL refuses NUL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const noControl = /^[^\u0000-\u001f\u007f]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const noNul = /^[^\u0000]*$/;

/** A line of text: trimmed, within length, without control characters. */
export function line(min: number, max: number) {
  return z.string().trim().min(min).max(max).regex(noControl);
}

/** A secret as typed (not trimmed): within length, without NUL. */
export function secret(min: number, max: number) {
  return z.string().min(min).max(max).regex(noNul);
}

/** Whether a string holds a control character (the validation message then says so). */
export function hasControlCharacters(value: string): boolean {
  return !noControl.test(value);
}
