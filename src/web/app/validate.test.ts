import { describe, expect, it } from 'vitest';
import { checkLogin, checkNewPassword, requireFilled } from './validate.ts';

const names = { password: 'newPassword', repeat: 'repeat' };

describe('form checks', () => {
  it('requires the listed fields, ignoring blanks', () => {
    expect(requireFilled({ a: 'x', b: '  ', c: '' }, ['a', 'b', 'c', 'd'])).toEqual({
      b: { key: 'validation.required' },
      c: { key: 'validation.required' },
      d: { key: 'validation.required' },
    });
  });

  it('wants a new password of 8 characters typed the same twice', () => {
    expect(checkNewPassword('secret12', 'secret12', names)).toEqual({});
    expect(checkNewPassword('short', 'short', names)).toEqual({
      newPassword: { key: 'validation.tooShort', params: { min: 8 } },
    });
    expect(checkNewPassword('secret12', 'secret13', names)).toEqual({
      repeat: { key: 'validation.mismatch' },
    });
    expect(checkNewPassword('', '', names)).toEqual({
      newPassword: { key: 'validation.required' },
      repeat: { key: 'validation.required' },
    });
  });

  it('accepts logins of Latin letters, digits, dot, dash and underscore', () => {
    expect(checkLogin('ivanov.p-2_a', 'login')).toEqual({});
    expect(checkLogin('иванов', 'login')).toEqual({ login: { key: 'validation.loginFormat' } });
    expect(checkLogin(' ', 'login')).toEqual({ login: { key: 'validation.required' } });
  });
});
