import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../imports/read-table.ts';
import { parsePlan, planDate, planHours } from './parse-plan.ts';

const year = { startsOn: '2026-09-01', endsOn: '2027-08-31' };

describe('parsing a КТП file', () => {
  it('reads the documented example (docs/KTP.md) as three topics, the section carried down', () => {
    const parsed = parsePlan(readCsv(readFileSync('test/fixtures/ktp-example.csv')), year);
    expect(parsed.missingColumns).toEqual([]);
    expect(parsed.unknownColumns).toEqual([]);
    expect(parsed.rows.map((r) => r.record)).toEqual([
      {
        section: 'Натуральные числа',
        topic: 'Ряд натуральных чисел',
        hours: 1,
        controlKind: null,
        plannedOn: '2026-09-01',
      },
      {
        section: 'Натуральные числа',
        topic: 'Сравнение натуральных чисел',
        hours: 2,
        controlKind: 'Самостоятельная работа',
        plannedOn: '2026-09-02',
      },
      {
        section: 'Дроби',
        topic: 'Обыкновенные дроби',
        hours: 1,
        controlKind: 'Контрольная работа',
        plannedOn: null,
      },
    ]);
  });

  it('understands header variants and Windows-1251, and reports unknown columns', () => {
    const text = 'Тема урока;Кол-во часов;Дата по плану;Примечание\nДроби;2;1.9.2026;x\n';
    const bytes = Buffer.from(new TextEncoder().encode(text));
    const cp1251 = new Uint8Array(
      [...text].map((ch) => {
        const code = ch.charCodeAt(0);
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
        return code;
      }),
    );
    for (const file of [bytes, cp1251]) {
      const parsed = parsePlan(readCsv(file), year);
      expect(parsed.unknownColumns).toEqual(['Примечание']);
      expect(parsed.rows[0]?.record).toEqual({
        section: null,
        topic: 'Дроби',
        hours: 2,
        controlKind: null,
        plannedOn: '2026-09-01',
      });
    }
  });

  it('names every bad cell: required topic, hours, dates (format, existence, year), number', () => {
    const parsed = parsePlan(
      readCsv(Buffer.from('№;Тема;Часы;Дата\n0;;0;2026-13-01\nx;Тема;101;31.08.2026\n')),
      year,
    );
    expect(parsed.rows.map((r) => r.problems.map((p) => `${p.column}:${p.message}`))).toEqual([
      [
        'topic:required',
        'number:lessonsKtpBadNumber',
        'hours:lessonsKtpBadHours',
        'plannedOn:lessonsKtpBadDate',
      ],
      ['number:lessonsKtpBadNumber', 'hours:lessonsKtpBadHours', 'plannedOn:lessonsKtpDateOutsideYear'],
    ]);
    expect(parsed.rows.every((r) => r.record === null)).toBe(true);
    expect(parsePlan(readCsv(Buffer.from('Раздел;Часы\nА;1\n')), year).missingColumns).toEqual(['topic']);
  });

  it('hours and dates', () => {
    expect([
      planHours(null),
      planHours(''),
      planHours('1,5'),
      planHours(2),
      planHours('0,4'),
      planHours('два'),
    ]).toEqual([1, 1, 1.5, 2, undefined, undefined]);
    expect([
      planDate('05.10.2026'),
      planDate('29.02.2027'),
      planDate(new Date(Date.UTC(2026, 9, 5))),
      planDate(''),
      planDate('5 октября'),
    ]).toEqual(['2026-10-05', undefined, '2026-10-05', null, undefined]);
  });
});
