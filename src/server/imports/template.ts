import ExcelJS from 'exceljs';
import type { Lang } from '../http/messages.ts';
import { columns, templateHeader } from './columns.ts';

/** One CSV line: cells quoted when they hold the separator, a quote or a line break. */
export function csvLine(cells: string[], separator = ';'): string {
  return cells
    .map((c) => (c.includes(separator) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
    .join(separator);
}

/** The CSV template: the header line, in UTF-8 with a BOM and ';' so that Russian Excel opens it right. */
export function templateCsv(): Buffer {
  return Buffer.from(`\uFEFF${csvLine(columns.map(templateHeader))}\r\n`, 'utf8');
}

const explanations: Record<string, { ru: string; en: string }> = {
  lastName: { ru: 'Обязательно.', en: 'Required.' },
  firstName: { ru: 'Обязательно.', en: 'Required.' },
  fileNumber: {
    ru: 'Обязательно, не повторяется. По нему повторная загрузка находит ученика.',
    en: 'Required, unique. A repeated import finds the student by it.',
  },
  birthDate: { ru: 'ДД.ММ.ГГГГ или дата Excel.', en: 'DD.MM.YYYY or an Excel date.' },
  sex: { ru: 'м или ж.', en: 'м (male) or ж (female).' },
  phone: { ru: 'Например, +7 916 123-45-67.', en: 'E.g. +7 916 123-45-67.' },
};

/** The XLSX template: the columns on the first sheet, what to write in each on the second. */
export async function templateXlsx(lang: Lang): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Отметка';
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Students' : 'Ученики');
  sheet.addRow(columns.map(templateHeader));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.max(14, templateHeader(c).length + 2);
    if (c.kind === 'phone') col.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const help = workbook.addWorksheet(lang === 'en' ? 'How to fill in' : 'Пояснения');
  help.addRow(lang === 'en' ? ['Column', 'What to write'] : ['Столбец', 'Что писать']);
  help.getRow(1).font = { bold: true };
  for (const c of columns) {
    const base = c.key.split('.').at(-1) ?? c.key;
    const parentRequired = c.key.includes('.') && c.required;
    const forParent =
      lang === 'en' ? 'Required when the parent is given.' : 'Обязательно, если родитель указан.';
    const note = parentRequired ? forParent : (explanations[base]?.[lang] ?? '');
    help.addRow([templateHeader(c), note]);
  }
  help.getColumn(1).width = 48;
  help.getColumn(2).width = 70;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
