/** Who teaches a subject: a department of subject teachers, the primary class teacher or the deputy. */
export type Department =
  | 'primary'
  | 'russian'
  | 'math'
  | 'english'
  | 'informatics'
  | 'history'
  | 'geography'
  | 'biology'
  | 'chemistry'
  | 'physics'
  | 'music'
  | 'art'
  | 'pe'
  | 'safety'
  | 'deputy';

/** A subject of the curriculum with its weekly hours per grade. */
export interface SubjectPlan {
  name: string;
  shortName: string;
  /** Weekly hours for grades 1–11 (index 0 = grade 1); 0 where the subject is not taught. */
  hours: readonly number[];
  /** Who teaches it in grades 5–11; in grades 1–4 the class teacher, unless `specialist`. */
  department: Department;
  /** Taught in grades 1–4 by a specialist of its department, not by the class teacher. */
  specialist?: true;
  /** Taught in two subgroups (foreign language). */
  split?: true;
}

// Weekly hours after the federal curricula (ФОП НОО, ООО, СОО, 5-day week, universal profile).
/** The subjects of the school in the order the journal lists them. */
export const curriculum: readonly SubjectPlan[] = [
  {
    name: 'Русский язык',
    shortName: 'Рус. яз.',
    hours: [5, 5, 5, 5, 5, 6, 4, 3, 3, 2, 2],
    department: 'russian',
  },
  { name: 'Литературное чтение', shortName: 'Лит. чт.', hours: [4, 4, 4, 3], department: 'primary' },
  {
    name: 'Литература',
    shortName: 'Лит-ра',
    hours: [0, 0, 0, 0, 3, 3, 2, 2, 3, 3, 3],
    department: 'russian',
  },
  {
    name: 'Иностранный язык (английский)',
    shortName: 'Англ. яз.',
    hours: [0, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3],
    department: 'english',
    specialist: true,
    split: true,
  },
  { name: 'Математика', shortName: 'Матем.', hours: [4, 4, 4, 4, 5, 5], department: 'math' },
  { name: 'Алгебра', shortName: 'Алгебра', hours: [0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3], department: 'math' },
  { name: 'Геометрия', shortName: 'Геом.', hours: [0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2], department: 'math' },
  {
    name: 'Вероятность и статистика',
    shortName: 'Вер. и стат.',
    hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
    department: 'math',
  },
  {
    name: 'Информатика',
    shortName: 'Информ.',
    hours: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
    department: 'informatics',
  },
  { name: 'История', shortName: 'История', hours: [0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2], department: 'history' },
  {
    name: 'Обществознание',
    shortName: 'Общество',
    hours: [0, 0, 0, 0, 0, 1, 1, 1, 1],
    department: 'history',
  },
  // In grades 10–11 the deputy teaches it: a deputy who also teaches is common, and the demo needs one.
  {
    name: 'Обществознание',
    shortName: 'Общество',
    hours: [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2],
    department: 'deputy',
  },
  { name: 'ОДНКНР', shortName: 'ОДНКНР', hours: [0, 0, 0, 0, 1, 1], department: 'history' },
  {
    name: 'География',
    shortName: 'Геогр.',
    hours: [0, 0, 0, 0, 1, 1, 2, 2, 2, 1, 1],
    department: 'geography',
  },
  { name: 'Биология', shortName: 'Биол.', hours: [0, 0, 0, 0, 1, 1, 1, 2, 2, 1, 1], department: 'biology' },
  { name: 'Физика', shortName: 'Физика', hours: [0, 0, 0, 0, 0, 0, 2, 2, 3, 2, 2], department: 'physics' },
  { name: 'Химия', shortName: 'Химия', hours: [0, 0, 0, 0, 0, 0, 0, 2, 2, 1, 1], department: 'chemistry' },
  { name: 'Окружающий мир', shortName: 'Окр. мир', hours: [2, 2, 2, 2], department: 'primary' },
  { name: 'ОРКСЭ', shortName: 'ОРКСЭ', hours: [0, 0, 0, 1], department: 'primary' },
  { name: 'Изобразительное искусство', shortName: 'ИЗО', hours: [1, 1, 1, 1, 1, 1, 1], department: 'art' },
  {
    name: 'Музыка',
    shortName: 'Музыка',
    hours: [1, 1, 1, 1, 1, 1, 1, 1],
    department: 'music',
    specialist: true,
  },
  { name: 'Труд (технология)', shortName: 'Труд', hours: [1, 1, 1, 1, 2, 2, 2, 1, 1], department: 'art' },
  {
    name: 'Физическая культура',
    shortName: 'Физ-ра',
    hours: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
    department: 'pe',
    specialist: true,
  },
  { name: 'ОБЗР', shortName: 'ОБЗР', hours: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], department: 'safety' },
  {
    name: 'Индивидуальный проект',
    shortName: 'Инд. проект',
    hours: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
    department: 'deputy',
  },
];

/** Distinct subject names in journal order: the rows of `subjects`. */
export const subjectNames: readonly { name: string; shortName: string }[] = curriculum
  .filter((s, i) => curriculum.findIndex((o) => o.name === s.name) === i)
  .map(({ name, shortName }) => ({ name, shortName }));

/** Weekly hours of a subject in a grade. */
export function hoursIn(subject: SubjectPlan, grade: number): number {
  return subject.hours[grade - 1] ?? 0;
}

/** Who teaches a subject in a grade. */
export function departmentIn(subject: SubjectPlan, grade: number): Department {
  return grade <= 4 && !subject.specialist ? 'primary' : subject.department;
}

/** Teaching hours a subject teacher aims at (a full-time load is 18 hours a week). */
export const fullLoad = 18;
