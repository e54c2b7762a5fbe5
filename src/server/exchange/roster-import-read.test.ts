import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseClassName } from './roster-import-classes.ts';
import { readRosterZip, UnreadableRoster } from './roster-import-read.ts';

describe('reading a OneRoster archive', () => {
  it('reads CSV files inside folders by name, rows numbered from 2, quoted commas, quotes and Cyrillic kept', () => {
    const text = '\uFEFFsourcedId,title\r\nc1,"Английский язык 5А, ""группа 1"""\r\nc2,"две\nстроки"\r\n';
    const { files, texts } = readRosterZip(
      zipSync({ 'roster/classes.csv': new TextEncoder().encode(text), 'readme.txt': new Uint8Array([1]) }),
    );
    expect([...files.keys()]).toEqual(['classes.csv']);
    expect(texts.get('classes.csv')).toBe(text.slice(1));
    expect(files.get('classes.csv')).toEqual({
      headers: ['sourcedId', 'title'],
      rows: [
        { line: 2, values: { sourcedId: 'c1', title: 'Английский язык 5А, "группа 1"' } },
        { line: 3, values: { sourcedId: 'c2', title: 'две\nстроки' } },
      ],
    });
  });

  it('refuses bytes that are not a ZIP, and a CSV that is not UTF-8 or breaks its quotes', () => {
    const reason = (bytes: Uint8Array) => {
      try {
        readRosterZip(bytes);
        return null;
      } catch (error) {
        return error instanceof UnreadableRoster ? [error.reason, error.file ?? null] : error;
      }
    };
    expect(reason(new TextEncoder().encode('sourcedId\r\n'))).toEqual(['notZip', null]);
    expect(reason(zipSync({ 'users.csv': new Uint8Array([0xff, 0xfe, 0x41]) }))).toEqual([
      'csv',
      'users.csv',
    ]);
    expect(reason(zipSync({ 'orgs.csv': new TextEncoder().encode('a,b\r\n"x"y,1\r\n') }))).toEqual([
      'csv',
      'orgs.csv',
    ]);
  });

  it('reads class names as a grade and a capital letter', () => {
    expect(parseClassName('5А')).toEqual({ grade: 5, letter: 'А' });
    expect(parseClassName('10 б')).toEqual({ grade: 10, letter: 'Б' });
    expect(parseClassName('11-В')).toEqual({ grade: 11, letter: 'В' });
    expect(parseClassName('12А')).toBeNull();
    expect(parseClassName('Математика 5А')).toBeNull();
  });
});
