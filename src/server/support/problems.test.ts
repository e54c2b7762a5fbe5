import { describe, expect, it } from 'vitest';
import { pathOnly } from './problems.ts';

describe('the page a problem report keeps', () => {
  it('is the path alone: no query, no fragment, no scheme or host', () => {
    expect(pathOnly('/journal/12?student=Петров#row')).toBe('/journal/12');
    expect(pathOnly('https://elsewhere.example/diary/5?token=secret')).toBe('/diary/5');
    expect(pathOnly('/')).toBe('/');
    expect(pathOnly('')).toBe('/');
  });
});
