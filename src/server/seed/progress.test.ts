import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, columns: 60, write: (text: string) => writes.push(text) } };
}

describe('progressBar', () => {
  it('redraws one line on a terminal and ends it when done', () => {
    const { writes, stream } = fakeStream(true);
    const report = progressBar(stream);
    for (let i = 1; i <= 5; i++) report(i, 5, `шаг ${i}`);
    expect(writes).toHaveLength(5);
    expect(writes.every((w) => w.startsWith('\r'))).toBe(true);
    expect(writes.slice(0, 4).some((w) => w.includes('\n'))).toBe(false);
    expect(writes[4]).toMatch(/100% шаг 5 *\n$/);
  });

  it('prints a line every 10 % elsewhere', () => {
    const { writes, stream } = fakeStream(false);
    const report = progressBar(stream);
    for (let i = 1; i <= 200; i++) report(i, 200, 'школа');
    expect(writes.length).toBeLessThanOrEqual(11);
    expect(writes.at(-1)).toBe('100% школа\n');
    expect(writes.every((w) => !w.includes('\r'))).toBe(true);
  });
});

describe('progressBar on a narrow terminal', () => {
  it('keeps the percentage and cuts the label', () => {
    const writes: string[] = [];
    const report = progressBar({ isTTY: true, columns: 30, write: (text: string) => writes.push(text) });
    report(1, 2, 'очень длинная подпись шага, которая не помещается');
    expect(writes[0]).toContain('50%');
    expect(writes[0]?.length).toBeLessThanOrEqual(30);
  });
});
