import { describe, expect, it } from 'vitest';
import { phoneKey } from './phone.ts';

describe('phoneKey', () => {
  it('reads the usual ways of writing one Russian mobile number as the same number', () => {
    const forms = ['+7 (912) 345-67-89', '8 912 345 67 89', '89123456789', '9123456789', '+79123456789'];
    expect(new Set(forms.map(phoneKey))).toEqual(new Set(['79123456789']));
  });

  it('keeps other numbers apart and has no key for an empty phone', () => {
    expect(phoneKey('+7 912 345-67-80')).not.toBe(phoneKey('+7 912 345-67-89'));
    expect(phoneKey('')).toBeNull();
    expect(phoneKey(null)).toBeNull();
    expect(phoneKey(' - ')).toBeNull();
  });
});
