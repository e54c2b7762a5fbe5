import { strToU8, zipSync } from 'fflate';
import type { Lang } from '../http/messages.ts';
import { a4, addPage, openPaper, paperMargin } from '../print/paper-doc.ts';
import type { RegulationSection } from './regulation-text.ts';

/** What heads the document: its title and, once approved, the date and approver. */
export interface RegulationHead {
  title: string;
  /** E.g. «Утверждено 29.11.2026, директор Иванова А. П.»; null for a draft. */
  approval: string | null;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

/** The regulation as an A4 PDF in PT Sans; `printedOn` ('YYYY-MM-DD') fixes its bytes. */
export async function regulationPdf(
  head: RegulationHead,
  sections: RegulationSection[],
  lang: Lang,
  printedOn: string,
): Promise<Buffer> {
  const { paper, finish } = openPaper(head.title, lang, printedOn);
  addPage(paper);
  const { doc } = paper;
  const width = a4.short - paperMargin.left - paperMargin.right - 28;
  doc.x = paperMargin.left + 14;
  doc.y = paperMargin.top + 20;
  doc.page.margins.bottom = paperMargin.bottom + 14;
  if (head.approval)
    doc.font('regular').fontSize(10).text(head.approval, { width, align: 'right' }).moveDown();
  doc.font('bold').fontSize(15).text(head.title, { width, align: 'center' }).moveDown();
  sections.forEach((section, i) => {
    doc
      .font('bold')
      .fontSize(12)
      .text(`${i + 1}. ${section.title}`, { width })
      .moveDown(0.4);
    for (const p of paragraphs(section.text))
      doc.font('regular').fontSize(11).text(p, { width, align: 'justify' }).moveDown(0.4);
    doc.moveDown(0.4);
  });
  return finish();
}

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function para(text: string, opts: { bold?: boolean; size?: number; align?: string } = {}): string {
  const props = [opts.align ? `<w:jc w:val="${opts.align}"/>` : '', '<w:spacing w:after="120"/>'].join('');
  const run = [
    '<w:rFonts w:ascii="PT Sans" w:hAnsi="PT Sans" w:cs="PT Sans"/>',
    opts.bold ? '<w:b/>' : '',
    `<w:sz w:val="${(opts.size ?? 11) * 2}"/>`,
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr><w:r><w:rPr>${run}</w:rPr><w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;
}

/** The WordprocessingML body of the regulation (exported for tests). */
export function regulationDocumentXml(head: RegulationHead, sections: RegulationSection[]): string {
  const body = [
    head.approval ? para(head.approval, { align: 'right' }) : '',
    para(head.title, { bold: true, size: 15, align: 'center' }),
    ...sections.flatMap((s, i) => [
      para(`${i + 1}. ${s.title}`, { bold: true, size: 12 }),
      ...paragraphs(s.text).map((p) => para(p, { align: 'both' })),
    ]),
  ].join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** The regulation as a DOCX package (one document part, no styles: formatting is direct). */
export function regulationDocx(head: RegulationHead, sections: RegulationSection[]): Buffer {
  const fixed = new Date('2000-01-01T00:00:00Z');
  const zip = zipSync(
    {
      '[Content_Types].xml': strToU8(contentTypes),
      '_rels/.rels': strToU8(rels),
      'word/document.xml': strToU8(regulationDocumentXml(head, sections)),
    },
    { mtime: fixed },
  );
  return Buffer.from(zip);
}
