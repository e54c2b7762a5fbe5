import type { HeatmapAnswer, KeepingAnswer, KeepingEntry } from '../../contract/report-keeping.ts';
import type { TFunction } from '../i18n/use-t.ts';

type Cell = HeatmapAnswer['teachers'][number]['cells'][number];
type CourseRow = KeepingAnswer['courses'][number];
type LessonRow = KeepingAnswer['lessons'][number];

/** How bad a cell is, 0–3, by the share of its lessons with a problem (the colour; the text says the same). */
export function heatLevel(c: Pick<Cell, 'held' | 'missing' | 'late'>): number {
  if (c.held === 0) return 0;
  const share = Math.min(1, (c.missing + c.late) / c.held);
  if (share === 0) return 0;
  return share <= 0.25 ? 1 : share <= 0.5 ? 2 : 3;
}

/**
 * The words of a cell: «н2 о1» (2 lessons not filled in, 1 late; in English «m2 l1»), «✓» when all
 * is well, nothing without lessons.
 */
export function heatText(c: Pick<Cell, 'held' | 'missing' | 'late'>, lang: 'ru' | 'en' = 'ru'): string {
  if (c.held === 0) return '';
  const [missing, late] = lang === 'ru' ? ['н', 'о'] : ['m', 'l'];
  const parts = [c.missing > 0 ? `${missing}${c.missing}` : '', c.late > 0 ? `${late}${c.late}` : ''].filter(
    Boolean,
  );
  return parts.length ? parts.join(' ') : '✓';
}

/** «5А Математика», with the group when it is not the whole class. */
export function journalName(c: Pick<CourseRow, 'className' | 'group' | 'subject'>): string {
  if (c.className === null) return `${c.group} ${c.subject}`;
  return c.group === c.className ? `${c.className} ${c.subject}` : `${c.className} ${c.subject} (${c.group})`;
}

/** What is wrong with a lesson, in words: «нет темы, домашнее задание внесено с опозданием». */
export function lessonWords(l: Pick<LessonRow, 'missing' | 'late' | 'lateMarks'>, t: TFunction): string {
  const words = [
    ...l.missing.map((e: KeepingEntry) => t(`keeping.missing.${e}`)),
    ...l.late.map((e: KeepingEntry) => t(`keeping.late.${e}`)),
    ...(l.lateMarks > 0 ? [t('keeping.late.marks', { n: l.lateMarks })] : []),
  ];
  return words.join(', ');
}
