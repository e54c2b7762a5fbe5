import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, dotDate } from './export-cells.ts';
import { fitWidths, renderPdf } from './export-pdf.ts';
import { renderXlsx, sheetNames } from './export-xlsx.ts';
import type { ReportTable } from './report-definition.ts';

const columns: ReportTable['columns'] = [
  { key: 'cls', label: 'Класс' },
  { key: 'teacher', label: 'Учитель' },
  { key: 'lessons', label: 'Уроков', kind: 'number' },
  { key: 'share', label: 'Вовремя, %', kind: 'percent' },
  { key: 'last', label: 'Последний урок', kind: 'date' },
];
const keeping: ReportTable = {
  title: 'Своевременность заполнения журналов по классам',
  columns,
  rows: [
    { cls: '5А', teacher: 'Математикова А. И.', lessons: 34, share: 87.5, last: '2026-11-17' },
    { cls: '6Б', teacher: 'Другова А. И.', lessons: 12, share: 100, last: null },
  ],
};
const title = 'Ведение журналов';
const subtitle = 'МБОУ СОШ № 7 · 01.09.2026 – 29.11.2026';

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function pdfText(buffer: Buffer, layout = true): string {
  const file = join(mkdtempSync(join(tmpdir(), 'otmetka-pdf-')), 'report.pdf');
  writeFileSync(file, buffer);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

function pdfPages(buffer: Buffer): { pages: number; size: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'otmetka-pdf-')), 'report.pdf');
  writeFileSync(file, buffer);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    size: /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '',
  };
}

describe('export cells', () => {
  it('dates as ДД.ММ.ГГГГ, percentages with one decimal and a comma in Russian', () => {
    expect(dotDate('2026-09-01')).toBe('01.09.2026');
    expect(dotDate('2026-11-17T08:00:00.000Z')).toBe('17.11.2026');
    expect(dotDate('1 четверть')).toBe('1 четверть');
    expect(cellText(87.5, 'percent', 'ru')).toBe('87,5');
    expect(cellText(100, 'percent', 'en')).toBe('100.0');
    expect(cellText(2 / 3, 'number', 'ru')).toBe('0,67');
    expect(cellText(34, 'number', 'ru')).toBe('34');
    expect(cellText(null, 'date', 'ru')).toBe('');
    expect(cellText('2026-10-05', 'date', 'ru')).toBe('05.10.2026');
  });
});

describe('sheet names', () => {
  it('drop the characters Excel refuses, keep 31 characters and never repeat', () => {
    const names = sheetNames(
      [
        'Своевременность заполнения журналов по классам',
        'Своевременность заполнения журналов по учителям',
        'Итоги: 1/2 [четверть]?',
        '',
        'итоги  1 2  четверть',
      ],
      'ru',
    );
    // 'Своевременность заполнения журналов' cut to 31 characters: 'Своевременность заполнения журн'.
    expect(names[0]).toBe('Своевременность заполнения журн');
    // The second is the same for its first 31 characters, so it gets ' (2)' within the 31.
    expect(names[1]).toBe('Своевременность заполнения (2)');
    expect(names[2]).toBe('Итоги 1 2 четверть');
    expect(names[3]).toBe('Лист 4');
    // Excel compares sheet names without case.
    expect(names[4]).toBe('итоги 1 2 четверть (2)');
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('PDF column widths', () => {
  it('keep natural widths when they fit and share the lack in proportion otherwise', () => {
    expect(fitWidths([100, 50], 200)).toEqual([100, 50]);
    // 100 + 30 = 130 fits 130 exactly: nothing changes.
    expect(fitWidths([100, 30], 130)).toEqual([100, 30]);
    // 200 + 100 + 20 = 320 in 180: floors 40 + 40 + 20 = 100; share = (180 − 100) / (320 − 100)
    // = 80 / 220; the first 40 + 160 × 80/220 = 98.18…, the second 40 + 60 × 80/220 = 61.81…
    const [a, b, c] = fitWidths([200, 100, 20], 180);
    expect(a).toBeCloseTo(40 + (160 * 80) / 220, 6);
    expect(b).toBeCloseTo(40 + (60 * 80) / 220, 6);
    expect(c).toBe(20);
    expect(a! + b! + c!).toBeCloseTo(180, 6);
    // Too many columns even for the floors: every floor scaled by 100 / 120.
    expect(fitWidths([50, 50, 50], 100)).toEqual([100 / 3, 100 / 3, 100 / 3]);
  });
});

describe('renderXlsx', () => {
  it('one sheet per table: title, subtitle and printing date above a bold frozen header, figures as numbers', async () => {
    const other: ReportTable = { title: 'По учителям', columns: columns.slice(1), rows: [] };
    const buffer = await renderXlsx(title, subtitle, [keeping, other], 'ru', '2026-11-29');
    const workbook = await workbookOf(buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Своевременность заполнения журн',
      'По учителям',
    ]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(title);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe(subtitle);
    expect(sheet.getCell('A3').value).toBe('Дата печати: 29.11.2026');
    expect(sheet.getCell('A4').value).toBe(keeping.title);
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      'Класс',
      'Учитель',
      'Уроков',
      'Вовремя, %',
      'Последний урок',
    ]);
    expect(sheet.getRow(5).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getRow(6).values).toEqual([undefined, '5А', 'Математикова А. И.', 34, 87.5, '17.11.2026']);
    // An empty cell stays empty: 6Б has no last lesson.
    expect(sheet.getRow(7).values).toEqual([undefined, '6Б', 'Другова А. И.', 12, 100]);
    expect(sheet.getCell('D6').numFmt).toBe('0.0');
    expect(typeof sheet.getCell('C6').value).toBe('number');
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Математикова А. И.'.length);
    const empty = workbook.worksheets[1]!;
    expect(empty.getCell('A6').value).toBe('Нет данных');
    expect(workbook.created.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('in English: the printing line and an empty report still open', async () => {
    const workbook = await workbookOf(await renderXlsx('Keeping', 'School 7', [], 'en', '2026-11-29'));
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect([1, 2, 3, 4].map((r) => sheet.getCell(`A${r}`).value)).toEqual([
      'Keeping',
      'School 7',
      'Printed on: 29.11.2026',
      'No data',
    ]);
  });
});

describe('renderPdf', () => {
  it('writes Cyrillic text, dates, figures and «Стр. 1 из 1»; the same input gives the same bytes', async () => {
    const first = await renderPdf(title, subtitle, [keeping], 'ru', '2026-11-29');
    const again = await renderPdf(title, subtitle, [keeping], 'ru', '2026-11-29');
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(first, again)).toBe(0);
    const text = pdfText(first);
    expect(text).toContain(title);
    expect(text).toContain(subtitle);
    expect(text).toContain('Дата печати: 29.11.2026');
    expect(text).toContain(keeping.title);
    expect(text).toMatch(/5А\s+Математикова А\. И\.\s+34\s+87,5\s+17\.11\.2026/);
    expect(text).toMatch(/6Б\s+Другова А\. И\.\s+12\s+100,0/);
    expect(text).toContain('Стр. 1 из 1');
    expect(pdfPages(first)).toEqual({ pages: 1, size: '595.28 x 841.89 pts (A4)' });
    const otherDay = await renderPdf(title, subtitle, [keeping], 'ru', '2026-11-30');
    expect(Buffer.compare(first, otherDay)).not.toBe(0);
  });

  it('runs a long table over pages with the header repeated and «Стр. N из M» on each', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      cls: `${(i % 11) + 1}А`,
      teacher: `Учителева ${i + 1}`,
      lessons: i,
      share: i / 3,
      last: '2026-10-05',
    }));
    const pdf = await renderPdf(title, subtitle, [{ ...keeping, rows }], 'ru', '2026-11-29');
    const { pages } = pdfPages(pdf);
    expect(pages).toBeGreaterThan(3);
    const text = pdfText(pdf);
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Стр. ${i + 1} из ${pages}`);
      expect(page, `page ${i + 1}`).toMatch(/Класс\s+Учитель\s+Уроков\s+Вовремя, %\s+Последний урок/);
    });
    expect(perPage[1]).toContain(`${keeping.title} (продолжение)`);
    // Every row is somewhere: the last one on the last page (300 / 3 = 100,0).
    expect(perPage.at(-1)).toMatch(/Учителева 300\s+299\s+99,7/);
  });

  it('turns to landscape when a table is too wide for portrait, in English with its words', async () => {
    const wide: ReportTable = {
      title: 'Wide',
      columns: Array.from({ length: 14 }, (_, i) => ({ key: `c${i}`, label: `Column number ${i + 1}` })),
      rows: [Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`c${i}`, `value ${i + 1}`]))],
    };
    const pdf = await renderPdf('Report', 'School 7', [wide], 'en', '2026-11-29');
    expect(pdfPages(pdf)).toEqual({ pages: 1, size: '841.89 x 595.28 pts (A4)' });
    const text = pdfText(pdf, false);
    expect(text).toContain('Printed on: 29.11.2026');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('value 14');
  });

  it('says there is no data for an empty table', async () => {
    const text = pdfText(await renderPdf(title, subtitle, [{ ...keeping, rows: [] }], 'ru', '2026-11-29'));
    expect(text).toContain('Нет данных');
  });
});
