import type { Text } from './navigation.ts';

/** Problems found in a form before sending it: field name → message. */
export type Problems = Record<string, Text>;

/** The least length of a new password (the contract's `newPasswordField`). */
export const minPasswordLength = 8;

/** A «fill in this field» problem for each listed field that is blank. */
export function requireFilled(values: Readonly<Record<string, string>>, names: readonly string[]): Problems {
  const problems: Problems = {};
  for (const name of names) {
    if (!values[name]?.trim()) problems[name] = { key: 'validation.required' };
  }
  return problems;
}

/** Problems of a new password typed twice: too short, or the repeat differs. */
export function checkNewPassword(
  password: string,
  repeat: string,
  names: { password: string; repeat: string },
): Problems {
  const problems: Problems = {};
  if (!password) problems[names.password] = { key: 'validation.required' };
  else if (password.length < minPasswordLength) {
    problems[names.password] = { key: 'validation.tooShort', params: { min: minPasswordLength } };
  }
  if (!repeat) problems[names.repeat] = { key: 'validation.required' };
  else if (password && repeat !== password) problems[names.repeat] = { key: 'validation.mismatch' };
  return problems;
}

/** Problems of a login: Latin letters, digits, dot, dash, underscore (as the contract's `loginField`). */
export function checkLogin(login: string, name: string): Problems {
  if (!login.trim()) return { [name]: { key: 'validation.required' } };
  return /^[a-zA-Z0-9._-]+$/.test(login.trim()) ? {} : { [name]: { key: 'validation.loginFormat' } };
}
