import ExcelJS from 'exceljs';
import { csvLine } from '../imports/template.ts';
import { planColumns } from './parse-plan.ts';

/** The template's headers (the date column says how to write it). */
const headers = planColumns.map((c) => (c.key === 'plannedOn' ? 'Дата (ДД.ММ.ГГГГ)' : c.ru));

/** Example rows, as in docs/KTP.md. */
const examples = [
  ['1', 'Натуральные числа', 'Ряд натуральных чисел', '1', '', '01.09.2026'],
  ['2', '', 'Сравнение натуральных чисел', '2', 'Самостоятельная работа', '02.09.2026'],
  ['3', 'Дроби', 'Обыкновенные дроби', '1', 'Контрольная работа', ''],
];

/** The CSV template of a КТП: header and example rows, UTF-8 with a BOM and ';' for Russian Excel. */
export function planTemplateCsv(): Buffer {
  const lines = [headers, ...examples].map((cells) => csvLine(cells));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The XLSX template of a КТП: header and example rows, dates as text in ДД.ММ.ГГГГ. */
export async function planTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Отметка';
  const sheet = workbook.addWorksheet('КТП');
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  for (const row of examples)
    sheet.addRow(row.map((cell, i) => ((i === 0 || i === 3) && cell ? Number(cell) : cell || null)));
  const widths = [6, 28, 44, 8, 26, 20];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.getColumn(6).numFmt = '@';
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
