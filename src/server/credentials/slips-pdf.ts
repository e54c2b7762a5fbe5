import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Lang } from '../http/messages.ts';
import { slipText } from './slip-text.ts';

const require = createRequire(import.meta.url);
const regular = require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf');
const bold = require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf');

/** One slip: who, what they are to the school, and how they sign in. */
export interface Slip {
  name: string;
  role: string;
  login: string;
  password: string;
}

const page = { width: 595.28, height: 841.89, margin: 28 };
const columns = 2;
const pad = 12;

/** Slips per page: four rows in Russian; three when the English twin of the instructions needs room. */
export function slipsPerPage(lang: Lang): number {
  return columns * (lang === 'en' ? 3 : 4);
}

/**
 * One A4 PDF of credential slips in a fixed grid with dashed cut lines, PT Sans embedded (Cyrillic).
 * The same slips always land in the same places.
 */
export function renderSlips(
  slips: readonly Slip[],
  options: { siteUrl: string; lang: Lang },
): Promise<Buffer> {
  const { lang, siteUrl } = options;
  const ru = slipText.ru;
  const t = slipText[lang];
  const rows = slipsPerPage(lang) / columns;
  const cellW = (page.width - 2 * page.margin) / columns;
  const cellH = (page.height - 2 * page.margin) / rows;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: t.title, Creator: 'Otmetka' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const cutLines = (count: number) => {
    const usedRows = Math.ceil(count / columns);
    doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#888888');
    for (let r = 0; r <= usedRows; r++) {
      const y = page.margin + r * cellH;
      doc
        .moveTo(page.margin, y)
        .lineTo(page.width - page.margin, y)
        .stroke();
    }
    for (let c = 0; c <= columns; c++) {
      const x = page.margin + c * cellW;
      doc
        .moveTo(x, page.margin)
        .lineTo(x, page.margin + usedRows * cellH)
        .stroke();
    }
    doc.restore();
  };

  const slip = (s: Slip, x: number, y: number) => {
    const w = cellW - 2 * pad;
    const left = x + pad;
    const line = (font: string, size: number, text: string, top: number, height: number, color = '#000000') =>
      doc
        .font(font)
        .fontSize(size)
        .fillColor(color)
        .text(text, left, y + top, { width: w, height, ellipsis: true });
    const pair = (label: string, value: string, top: number) => {
      doc
        .font('regular')
        .fontSize(8)
        .fillColor('#444444')
        .text(`${label}:`, left, y + top + 4, { width: 90 });
      // A long login shrinks to fit its line rather than running into the next slip.
      const room = w - 92;
      const size = Math.max(
        7,
        Math.min(13, (13 * room) / doc.font('bold').fontSize(13).widthOfString(value)),
      );
      doc
        .font('bold')
        .fontSize(size)
        .fillColor('#000000')
        .text(value, left + 92, y + top + (13 - size) / 2, { width: room, lineBreak: false });
    };
    line('regular', 8, t.title, 10, 11, '#444444');
    line('bold', 12, s.name, 23, 34);
    line('regular', 8, s.role, 58, 22);
    pair(t.login, s.login, 82);
    pair(t.password, s.password, 101);
    line('regular', 8, `${t.address}: ${siteUrl}`, 124, 20);
    line('regular', 7.5, ru.instructions, 144, 30);
    if (lang === 'en') line('regular', 7.5, slipText.en.instructions, 178, 30);
  };

  const perPage = slipsPerPage(lang);
  for (let start = 0; start < slips.length; start += perPage) {
    const onPage = slips.slice(start, start + perPage);
    doc.addPage({ size: 'A4', margin: 0 });
    cutLines(onPage.length);
    onPage.forEach((s, i) => {
      slip(s, page.margin + (i % columns) * cellW, page.margin + Math.floor(i / columns) * cellH);
    });
  }
  doc.end();
  return done;
}
