import { describe, expect, it } from 'vitest';
import { ApiError, isRetryable, isUnauthenticated, toApiError } from './api-error.ts';

describe('toApiError', () => {
  it('keeps the code, the translated message and the per-field messages of an API error', () => {
    const error = toApiError(
      400,
      {
        error: 'validation',
        message: 'Проверьте поля: логин.',
        fields: { login: 'Обязательное поле.', n: 3 },
      },
      'fallback',
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Проверьте поля: логин.');
    expect(error.fields).toEqual({ login: 'Обязательное поле.' });
  });

  it('shows the lockout message of a 429', () => {
    const error = toApiError(429, { error: 'locked', message: 'Повторите через 15 мин.' }, 'fallback');
    expect(error.code).toBe('locked');
    expect(error.message).toBe('Повторите через 15 мин.');
    expect(error.fields).toEqual({});
  });

  it('falls back to a general message when the body is not an API error', () => {
    for (const body of [undefined, null, 'Bad Gateway', [], { error: 1 }]) {
      const error = toApiError(502, body, 'Сервер ответил неожиданно.');
      expect(error.code).toBe('unexpected');
      expect(error.message).toBe('Сервер ответил неожиданно.');
    }
  });
});

describe('error kinds', () => {
  it('recognises an ended session', () => {
    expect(isUnauthenticated(new ApiError(401, 'unauthenticated', 'x'))).toBe(true);
    expect(isUnauthenticated(new ApiError(403, 'forbidden', 'x'))).toBe(false);
    expect(isUnauthenticated(new Error('x'))).toBe(false);
  });

  it('retries only lost connections and server failures', () => {
    expect(isRetryable(new ApiError(0, 'network', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(500, 'internal', 'x'))).toBe(true);
    expect(isRetryable(new ApiError(400, 'validation', 'x'))).toBe(false);
    expect(isRetryable(new ApiError(401, 'unauthenticated', 'x'))).toBe(false);
  });
});
