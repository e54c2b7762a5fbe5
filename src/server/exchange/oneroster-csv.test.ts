import { describe, expect, it } from 'vitest';
import { csvField, parseCsv, splitList, writeCsv } from './oneroster-csv.ts';

describe('OneRoster CSV text', () => {
  it('round-trips commas, quotes, line breaks and Cyrillic', () => {
    const header = ['sourcedId', 'title', 'comment'];
    const rows = [
      ['a-1', 'Математика, 5 класс', 'Сказал: "молодец"'],
      ['a-2', 'Английский язык 5А (группа 1)', 'первая строка\nвторая строка'],
      ['a-3', '', ' пробел по краям '],
    ];
    const text = writeCsv(header, rows);
    const parsed = parseCsv(text);
    expect(parsed).toEqual({ ok: true, records: [header, ...rows] });
  });

  it('writes CRLF line ends, no byte order mark, and quotes only when needed', () => {
    const text = writeCsv(['a', 'b'], [['x', 'y,z']]);
    expect(text).toBe('a,b\r\nx,"y,z"\r\n');
    expect(csvField('5А')).toBe('5А');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\r\nb')).toBe('"a\nb"');
  });

  it('reads LF files, a leading BOM and a missing final line end', () => {
    expect(parseCsv('\uFEFFa,b\nc,d')).toEqual({
      ok: true,
      records: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    });
    expect(parseCsv('a,b\r\n\r\nc,\r\n')).toEqual({
      ok: true,
      records: [
        ['a', 'b'],
        ['c', ''],
      ],
    });
  });

  it('refuses broken quotes and names the record', () => {
    expect(parseCsv('a,b\r\n"x,y\r\n')).toEqual({ ok: false, record: 2 });
    expect(parseCsv('a,b\r\nx"y,z\r\n')).toEqual({ ok: false, record: 2 });
    expect(parseCsv('a,b\r\n"x"y,z\r\n')).toEqual({ ok: false, record: 2 });
  });

  it('splits list fields', () => {
    expect(splitList('05, 06,')).toEqual(['05', '06']);
    expect(splitList('')).toEqual([]);
  });
});
