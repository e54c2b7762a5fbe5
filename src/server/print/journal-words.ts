import type { Lang } from '../http/messages.ts';
import type { FullName } from './journal-data.ts';
import { englishNumber, pagesWord, russianFeminineNumber } from './journal-numbers.ts';

const ru = {
  title: 'Классный журнал',
  classOf: (grade: number, letter: string) => `${grade} «${letter}» класса`,
  schoolYear: (name: string) => `${name} учебный год`,
  classTeacher: 'Классный руководитель',
  printedPeriod: 'Период',
  wholeYear: 'учебный год',
  printedOn: 'Дата печати',
  contents: 'Оглавление',
  number: '№',
  student: 'Фамилия, имя ученика',
  month: 'Месяц',
  day: 'Число',
  date: 'Дата',
  topic: 'Что пройдено на уроке',
  homework: 'Домашнее задание',
  hours: 'Часы',
  teacher: 'Учитель',
  signature: 'подпись',
  continued: 'продолжение',
  noLessons: 'Уроков не было.',
  general: 'Общие сведения об учащихся',
  fullName: 'Фамилия, имя, отчество',
  birthDate: 'Дата рождения',
  fileNumber: '№ личного дела',
  address: 'Домашний адрес',
  parents: 'Родители: ФИО, место работы, телефон',
  healthGroup: 'Группа здоровья',
  attendance: 'Сводная ведомость посещаемости',
  missed: 'пропущено уроков',
  ofIllness: 'из них по болезни',
  total: 'Всего',
  remarks: 'Замечания по ведению журнала',
  remarkDate: 'Дата',
  course: 'Предмет',
  remark: 'Замечание',
  status: 'Отметка о выполнении',
  open: 'не выполнено',
  fixed: 'исправлено',
  closed: 'снято',
  noRemarks: 'Замечаний нет.',
  certificate: 'Заверительная надпись',
  certify: (n: number) =>
    `В журнале пронумеровано, прошнуровано и скреплено печатью ${n} (${russianFeminineNumber(n)}) ${pagesWord(n)}.`,
  director: 'Директор',
  stamp: 'М.П.',
};

const en: typeof ru = {
  title: 'Class register',
  classOf: (grade, letter) => `of class ${grade} «${letter}»`,
  schoolYear: (name) => `school year ${name}`,
  classTeacher: 'Class teacher',
  printedPeriod: 'Period',
  wholeYear: 'school year',
  printedOn: 'Printed on',
  contents: 'Contents',
  number: 'No.',
  student: 'Student',
  month: 'Month',
  day: 'Day',
  date: 'Date',
  topic: 'Topic of the lesson',
  homework: 'Homework',
  hours: 'Hours',
  teacher: 'Teacher',
  signature: 'signature',
  continued: 'continued',
  noLessons: 'No lessons were held.',
  general: 'General information on the students',
  fullName: 'Full name',
  birthDate: 'Date of birth',
  fileNumber: 'Personal file No.',
  address: 'Home address',
  parents: 'Parents: name, workplace, phone',
  healthGroup: 'Health group',
  attendance: 'Attendance summary',
  missed: 'lessons missed',
  ofIllness: 'of them for illness',
  total: 'Total',
  remarks: 'Remarks on keeping the register',
  remarkDate: 'Date',
  course: 'Subject',
  remark: 'Remark',
  status: 'Done',
  open: 'not done',
  fixed: 'fixed',
  closed: 'withdrawn',
  noRemarks: 'No remarks.',
  certificate: 'Certificate',
  certify: (n) =>
    `In this register ${n} (${englishNumber(n)}) page${n === 1 ? ' is' : 's are'} numbered, laced and sealed.`,
  director: 'Director',
  stamp: 'Seal',
};

/** The printed journal's words in a language. */
export type JournalWords = typeof ru;

/** The printed journal's words in Russian or English. */
export function journalWords(lang: Lang): JournalWords {
  return lang === 'en' ? en : ru;
}

const monthsRu = [
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
];
const monthsEn = [
  'September',
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
];

/** The name of the month of a 'YYYY-MM-DD' date. */
export function monthName(date: string, lang: Lang): string {
  const index = (Number(date.slice(5, 7)) + 3) % 12;
  return (lang === 'en' ? monthsEn : monthsRu)[index]!;
}

/** 'YYYY-MM-DD' → «ДД.ММ.ГГГГ». */
export function dayMonthYear(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** 'YYYY-MM-DD' → «ДД.ММ». */
export function dayMonth(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}`;
}

/** «Иванова Анна Петровна». */
export function fullName(p: FullName): string {
  return [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
}

/** «Иванова А. П.». */
export function initials(p: FullName): string {
  const rest = [p.firstName, p.middleName]
    .filter(Boolean)
    .map((n) => `${n[0]}.`)
    .join(' ');
  return rest ? `${p.lastName} ${rest}` : p.lastName;
}
