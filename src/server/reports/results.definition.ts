import type { ResultsAnswer } from '../../contract/results.ts';
import type { Standing } from '../../domain/results.ts';
import type { Lang } from '../http/messages.ts';
import type { ReportDefinition, ReportTable } from './report-definition.ts';
import { computeResults } from './results.ts';

const words = {
  ru: {
    title: 'Успеваемость и качество',
    totals: 'Итоги',
    byClass: 'По классам',
    bySubject: 'По предметам',
    byTeacher: 'По учителям',
    lists: 'Списки учащихся',
    period: 'Период',
    students: 'Учащихся',
    assessed: 'Аттестовано',
    success: 'Успеваемость, %',
    quality: 'Качество, %',
    sou: 'СОУ, %',
    average: 'Средний балл',
    provisional: 'Предварительных отметок',
    unmarked: 'Без отметки',
    className: 'Класс',
    subject: 'Предмет',
    teacher: 'Учитель',
    list: 'Список',
    student: 'Учащийся',
    n5: '«5»',
    n4: '«4»',
    n3: '«3»',
    n2: '«2»',
    nNa: '«н/а»',
  },
  en: {
    title: 'Attainment and quality',
    totals: 'Totals',
    byClass: 'By class',
    bySubject: 'By subject',
    byTeacher: 'By teacher',
    lists: 'Lists of students',
    period: 'Period',
    students: 'Students',
    assessed: 'Assessed',
    success: 'Pass rate, %',
    quality: 'Quality, %',
    sou: 'Learning level (СОУ), %',
    average: 'Mean mark',
    provisional: 'Provisional marks',
    unmarked: 'Without a mark',
    className: 'Class',
    subject: 'Subject',
    teacher: 'Teacher',
    list: 'List',
    student: 'Student',
    n5: '«5»',
    n4: '«4»',
    n3: '«3»',
    n2: '«2»',
    nNa: '«н/а»',
  },
} satisfies Record<Lang, Record<string, string>>;

/** The names of the lists of students, in both languages. */
export const standingNames: Record<Lang, Record<Standing, string>> = {
  ru: {
    excellent: 'Отличники',
    good: 'Хорошисты',
    oneFour: 'С одной «4»',
    oneThree: 'С одной «3»',
    failing: 'Неуспевающие',
    notAssessed: 'Не аттестованы',
  },
  en: {
    excellent: 'Top students (all «5»)',
    good: 'Good students («4» and «5»)',
    oneFour: 'With one «4»',
    oneThree: 'With one «3»',
    failing: 'Failing («2»)',
    notAssessed: 'Not assessed («н/а»)',
  },
};

function figureColumns(w: (typeof words)[Lang]): ReportTable['columns'] {
  return [
    { key: 'assessed', label: w.assessed, kind: 'number' },
    { key: 'successPct', label: w.success, kind: 'percent' },
    { key: 'qualityPct', label: w.quality, kind: 'percent' },
    { key: 'sou', label: w.sou, kind: 'percent' },
    { key: 'average', label: w.average, kind: 'number' },
    { key: 'n5', label: w.n5, kind: 'number' },
    { key: 'n4', label: w.n4, kind: 'number' },
    { key: 'n3', label: w.n3, kind: 'number' },
    { key: 'n2', label: w.n2, kind: 'number' },
    { key: 'nNa', label: w.nNa, kind: 'number' },
    { key: 'provisional', label: w.provisional, kind: 'number' },
  ];
}

/** The results report as export tables: totals, by class, by subject, by teacher, the lists. */
export function resultsTables(a: ResultsAnswer, lang: Lang): ReportTable[] {
  const w = words[lang];
  const figures = figureColumns(w);
  const lists = (Object.keys(a.lists) as Standing[]).flatMap((s) =>
    a.lists[s].map((p) => ({ list: standingNames[lang][s], student: p.name, className: p.className })),
  );
  return [
    {
      title: w.totals,
      columns: [
        { key: 'period', label: w.period },
        { key: 'students', label: w.students, kind: 'number' },
        ...figures,
        { key: 'unmarked', label: w.unmarked, kind: 'number' },
      ],
      rows: [{ ...a.totals, period: a.period.name }],
    },
    {
      title: w.byClass,
      columns: [
        { key: 'className', label: w.className },
        { key: 'students', label: w.students, kind: 'number' },
        ...figures,
      ],
      rows: a.byClass,
    },
    { title: w.bySubject, columns: [{ key: 'subject', label: w.subject }, ...figures], rows: a.bySubject },
    { title: w.byTeacher, columns: [{ key: 'teacher', label: w.teacher }, ...figures], rows: a.byTeacher },
    {
      title: w.lists,
      columns: [
        { key: 'list', label: w.list },
        { key: 'student', label: w.student },
        { key: 'className', label: w.className },
      ],
      rows: lists,
    },
  ];
}

/** The results report of the reports page: JSON, XLSX and PDF. */
export const resultsReport: ReportDefinition<ResultsAnswer> = {
  name: 'results',
  title: { ru: words.ru.title, en: words.en.title },
  options: { classLevel: true },
  compute: (ctx, scope) => computeResults(ctx.db, scope),
  tables: resultsTables,
};
