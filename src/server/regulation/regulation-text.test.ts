import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../print/summary-fixture.test-helpers.ts';
import type { RegulationFacts } from './regulation-facts.ts';
import { regulationDocumentXml, regulationDocx, regulationPdf } from './regulation-files.ts';
import { regulationSections, regulationTitle, sectionKeys } from './regulation-text.ts';

const facts: RegulationFacts = {
  schoolName: 'МБОУ СОШ № 7',
  markScale: 'five',
  usePlusMinus: true,
  editWindowDays: 7,
  idleMinutesStaff: 30,
  idleMinutesFamily: 10080,
  topicSameDay: true,
  attendanceSameDay: true,
  homeworkHoursAfterLastLesson: 2,
  writtenWorkMarksDays: 5,
  timeZone: 'Europe/Moscow',
  schemes: ['quarters'],
  backup: { at: '02:30', destinations: 2, keep: { daily: 14, weekly: 8, monthly: 12 } },
};
const text = (f: RegulationFacts, lang: 'ru' | 'en' = 'ru') =>
  regulationSections(f, lang)
    .map((s) => `${s.title}\n${s.text}`)
    .join('\n');

describe('the regulation generated from the settings', () => {
  it('has every section, with the school’s own deadlines, edit window, backups and scale', () => {
    const sections = regulationSections(facts, 'ru');
    expect(sections.map((s) => s.key)).toEqual([...sectionKeys]);
    const all = text(facts);
    expect(all).toContain('через 2 часа после последнего урока');
    expect(all).toContain('в течение 5 дней после проведения работы');
    expect(all).toContain('в течение 7 дней после урока');
    expect(all).toContain('ежедневно в 02:30');
    expect(all).toContain('за 14 дней');
    expect(all).toContain('четверти');
    expect(all).toContain('с плюсами и минусами');
    expect(all).toContain('МБОУ СОШ № 7');
  });

  it('follows the settings when they change', () => {
    const changed = {
      ...facts,
      homeworkHoursAfterLastLesson: 1,
      writtenWorkMarksDays: 10,
      editWindowDays: 3,
      topicSameDay: false,
      schemes: ['trimesters' as const],
      backup: { ...facts.backup, at: null },
    };
    const all = text(changed);
    expect(all).toContain('через 1 час после');
    expect(all).toContain('в течение 10 дней после проведения работы');
    expect(all).toContain('в течение 3 дней после урока');
    expect(all).toContain('тема урока — не позднее окончания окна исправлений');
    expect(all).toContain('триместры');
    expect(all).toContain('не настроено');
    expect(all).not.toContain('через 2 часа');
  });

  it('has an English twin, and the director’s wording replaces a section', () => {
    expect(text(facts, 'en')).toContain('within 5 days after the work');
    expect(regulationTitle('en')).toBe('Regulation on keeping the electronic class journal');
    const edited = regulationSections(facts, 'ru', { responsibility: 'Своя формулировка.' });
    expect(edited.find((s) => s.key === 'responsibility')?.text).toBe('Своя формулировка.');
  });

  it('writes a PDF whose text poppler reads back', async () => {
    const head = { title: regulationTitle('ru'), approval: 'УТВЕРЖДЕНО 29.11.2026, директор Иванова А. П.' };
    const pdf = await regulationPdf(head, regulationSections(facts, 'ru'), 'ru', '2026-11-29');
    const read = pdfText(pdf).replace(/\s+/g, ' ');
    expect(read).toContain('Положение о ведении электронного классного журнала');
    expect(read).toContain('УТВЕРЖДЕНО 29.11.2026');
    expect(read).toContain('3. Сроки заполнения журнала');
    expect(read).toContain('через 2 часа после последнего урока');
  });

  it('writes a DOCX package: content types, relationships and a document with headings and paragraphs', () => {
    const head = { title: regulationTitle('ru'), approval: null };
    const sections = regulationSections(facts, 'ru', { general: 'Текст с <знаками> & «кавычками»' });
    const files = unzipSync(new Uint8Array(regulationDocx(head, sections)));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(strFromU8(files['[Content_Types].xml'] as Uint8Array)).toContain('/word/document.xml');
    expect(strFromU8(files['_rels/.rels'] as Uint8Array)).toContain('Target="word/document.xml"');
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(xml).toBe(regulationDocumentXml(head, sections));
    expect(xml).toContain(
      '<w:b/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">1. Общие положения</w:t>',
    );
    expect(xml).toContain('Текст с &lt;знаками&gt; &amp; «кавычками»');
    expect(xml).toContain('в течение 5 дней после проведения работы');
    expect(xml.match(/<w:p>/g)?.length).toBeGreaterThan(sections.length * 2);
    expect(balanced(xml)).toBe(true);
  });
});

/** A well-formedness check: every opened element is closed, in order. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of xml.matchAll(/<(\/?)([\w:]+)[^>?]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}
