import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is ASCII "12345678901234567890", codes of 8 digits.
const rfcKey = Buffer.from('12345678901234567890');
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(rfcVectors)('gives the RFC 6238 SHA-1 code at %i s', (seconds, code) => {
    expect(hotp(rfcKey, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('gives the RFC 4226 HOTP codes of its appendix D (6 digits)', () => {
    const codes = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(codes.map((_, counter) => hotp(rfcKey, counter))).toEqual(codes);
  });

  it('reads its base32 secret the way an app does: RFC 6238 seed as base32 gives the same 6-digit code', () => {
    const secret = base32Encode(rfcKey);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret.toLowerCase().replace(/(.{4})/g, '$1 '), 59_000)).toBe('287082');
  });

  it('makes 160-bit secrets, a different one each time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });

  it('round-trips any bytes through base32', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('accepts the code of the step before, now and after, nothing further, and never a step already used', () => {
    const secret = newTotpSecret();
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 2 ** 31 - 10 }),
        fc.integer({ min: -3, max: 3 }),
        (step, shift) => {
          const now = step * 30_000 + 12_345;
          const code = totpCode(secret, now + shift * 30_000);
          const match = matchTotp(secret, code, now, null);
          // A different step may share the 6 digits by chance (1 in a million): only the window is checked.
          if (Math.abs(shift) <= 1) expect(match).toBe(step + shift);
          else expect(match === null || Math.abs(match - step) <= 1).toBe(true);
          if (match !== null) expect(matchTotp(secret, code, now, match)).toBeNull();
        },
      ),
    );
  });

  it('refuses anything that is not six digits', () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, 1_000_000_000);
    for (const typed of [`${code} `, code.slice(1), `0${code}`, 'abcdef', ''])
      expect(matchTotp(secret, typed, 1_000_000_000, null)).toBeNull();
  });

  it('builds the otpauth URI an authenticator app reads', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'Отметка: Школа №1', 'ivanov');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(parsed.searchParams.get('issuer')).toBe('Отметка: Школа №1');
    expect(parsed.searchParams.get('period')).toBe('30');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe('/Отметка: Школа №1:ivanov');
  });
});
