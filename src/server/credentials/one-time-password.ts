import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another on paper: no 0/O/o, 1/l/I. */
export const passwordAlphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Length of a one-time password: 56^10 ≈ 3·10^17 possibilities. */
export const passwordLength = 10;

/** A one-time password from the readable alphabet, drawn with a cryptographic random source. */
export function oneTimePassword(random: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < passwordLength; i++) out += passwordAlphabet[random(passwordAlphabet.length)];
  return out;
}
