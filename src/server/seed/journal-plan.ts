import { bellTimes } from './calendar.ts';
import { controlKindOf, homeworkText, lessonKinds, topicsOf } from './journal-topics.ts';

/** A small fast seeded PRNG (mulberry32): the journal draws hundreds of thousands of numbers. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A float in [from, to). */
  between(from: number, to: number): number {
    return from + (to - from) * this.next();
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  /** A normally distributed float (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

/** A course as the generator needs it. */
export interface SourceCourse {
  id: number;
  subjectId: number;
  subject: string;
  grade: number;
  groupId: number;
  classId: number | null;
  teacherId: number;
  hoursPerWeek: number;
  twoMarks: boolean;
}

/** A held (not cancelled) lesson of the year, in date order within its course. */
export interface SourceLesson {
  id: number;
  courseId: number;
  date: string;
  lessonNumber: number;
  teacherId: number;
}

/** A КТП row before it gets an id. */
export interface PlanItemRow {
  courseId: number;
  position: number;
  section: string;
  topic: string;
  hours: number;
  controlKind: string | null;
  plannedOn: string | null;
}

/** What a past lesson's page holds once its teacher filled it in. */
export interface LessonFill {
  lesson: SourceLesson;
  /** Index into the plan items of all courses. */
  planItem: number;
  topic: string;
  lessonKind: string;
  homework: string | null;
  homeworkDueOn: string | null;
  topicEnteredAt: string;
  homeworkEnteredAt: string | null;
  attendanceTakenAt: string | null;
  /** The work kind name of the lesson's КР-like column, on a control lesson. */
  controlKind: string | null;
}

const msk = 3;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A Moscow wall-clock time on a date as an ISO UTC timestamp (built as text: the seed makes ≈10⁵). */
export function moscowTime(date: string, hhmm: string, plusMinutes = 0): string {
  const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + plusMinutes - msk * 60;
  if (minutes >= 0 && minutes < 24 * 60) {
    return `${date}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;
  }
  return new Date(Date.parse(`${date}T00:00:00Z`) + minutes * 60_000).toISOString();
}

const shifted = new Map<string, string>();

/** The date `days` after an ISO date. */
export function plusDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let out = shifted.get(key);
  if (out === undefined) {
    out = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    shifted.set(key, out);
  }
  return out;
}

/** When the lesson ends (Moscow time, «HH:MM»). */
export function lessonEnd(lessonNumber: number): string {
  return bellTimes.find((b) => b.lessonNumber === lessonNumber)?.endsAt ?? '15:00';
}

/**
 * The КТП of a course: one hour per held lesson of the year, planned on those dates, walking the
 * subject's sections and topics (each topic over several lessons), with a control lesson every
 * 8 + 2 × hours-per-week lessons.
 */
export function planCourse(course: SourceCourse, lessons: readonly SourceLesson[]): PlanItemRow[] {
  const sections = topicsOf(course.subject);
  const flat = sections.flatMap(([section, topics]) => topics.map((topic) => ({ section, topic })));
  const every = 8 + 2 * course.hoursPerWeek;
  const total = Math.max(lessons.length, flat.length);
  const ordinary = total - Math.floor(total / every);
  const perTopic = Math.max(1, Math.ceil(ordinary / flat.length));
  const items: PlanItemRow[] = [];
  let done = 0;
  let controls = 0;
  for (let i = 0; i < total; i++) {
    const current = flat[Math.min(flat.length - 1, Math.floor(done / perTopic))] ?? {
      section: '',
      topic: '',
    };
    const base = { courseId: course.id, position: i + 1, section: current.section, hours: 1 };
    const plannedOn = lessons[i]?.date ?? null;
    if ((i + 1) % every === 0) {
      const controlKind = controlKindOf(course.subject, controls++);
      items.push({ ...base, topic: `${controlKind} по теме «${current.topic}»`, controlKind, plannedOn });
      continue;
    }
    const nth = done % perTopic;
    const topic = nth === 0 ? current.topic : `${current.topic} (урок ${nth + 1})`;
    items.push({ ...base, topic, controlKind: null, plannedOn });
    done++;
  }
  return items;
}

/**
 * How the teacher filled the past lessons of a course: topics from the КТП in order, homework due
 * at the next lesson (none in grade 1), mostly entered on the day, some late, a few lessons left
 * empty (the next one takes the next topic, so the plan shows a lag).
 */
export function fillLessons(
  course: SourceCourse,
  lessons: readonly SourceLesson[],
  items: readonly PlanItemRow[],
  firstItem: number,
  today: string,
  random: Random,
): LessonFill[] {
  const fills: LessonFill[] = [];
  let next = 0;
  lessons.forEach((lesson, i) => {
    if (lesson.date >= today || next >= items.length) return;
    if (random.next() < 0.02) return;
    const item = items[next] as PlanItemRow;
    const end = lessonEnd(lesson.lessonNumber);
    const late = random.next() < 0.08 ? random.int(1, 4) : 0;
    const enteredOn = late && plusDays(lesson.date, late) < today ? plusDays(lesson.date, late) : lesson.date;
    const enteredAt =
      enteredOn === lesson.date
        ? moscowTime(lesson.date, end, random.int(0, 90))
        : moscowTime(enteredOn, '19:00', random.int(0, 120));
    const control = item.controlKind !== null;
    const nextLesson = lessons[i + 1];
    const hasHomework = course.grade > 1 && !control && random.next() < 0.85;
    fills.push({
      lesson,
      planItem: firstItem + next,
      topic: item.topic,
      lessonKind: control
        ? lessonKinds.control
        : item.topic.includes('(урок')
          ? lessonKinds.practice
          : lessonKinds.new,
      homework: hasHomework ? homeworkText(course.subject, next) : null,
      homeworkDueOn: hasHomework ? (nextLesson?.date ?? null) : null,
      topicEnteredAt: enteredAt,
      homeworkEnteredAt: hasHomework ? enteredAt : null,
      attendanceTakenAt: random.next() < 0.96 ? moscowTime(lesson.date, end, -random.int(20, 40)) : null,
      controlKind: item.controlKind,
    });
    next++;
  });
  return fills;
}
