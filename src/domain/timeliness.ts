/** The school's rules of when journal entries are due (`settings.timeliness`). */
export interface TimelinessRules {
  /** The topic is due on the day of the lesson. */
  topicSameDay: boolean;
  /** Attendance is due on the day of the lesson. */
  attendanceSameDay: boolean;
  /** Homework is due this many hours after the end of the class's last lesson that day. */
  homeworkHoursAfterLastLesson: number;
  /** Marks for a written work are due by the end of the day this many days after the lesson. */
  writtenWorkMarksDays: number;
}

/** An entry of a lesson the rules judge. */
export type Entry = 'topic' | 'homework' | 'attendance' | 'marks';

/** How an entry stands against its rule. */
export type EntryState =
  /** Nothing entered. */
  | { state: 'missing' }
  /** Entered, and no rule applies to it (the rule is switched off). */
  | { state: 'unruled' }
  /** Entered by the deadline. */
  | { state: 'onTime' }
  /** Entered after the deadline, by so many whole minutes (at least 1). */
  | { state: 'late'; minutes: number };

const minute = 60_000;
const hour = 60 * minute;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether a string is a time zone `Intl` knows (an IANA name such as 'Europe/Moscow'). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The local date 'YYYY-MM-DD' and time 'HH:MM:SS' of an instant in a time zone. */
export function localDateTime(at: number | string, timeZone: string): { date: string; time: string } {
  const parts = formatter(timeZone).formatToParts(typeof at === 'number' ? at : Date.parse(at));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '00';
  return {
    date: `${p('year')}-${p('month')}-${p('day')}`,
    time: `${p('hour')}:${p('minute')}:${p('second')}`,
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds (Moscow: +3 h). */
function offsetAt(at: number, timeZone: string): number {
  const { date, time } = localDateTime(at, timeZone);
  const asUtc = Date.parse(`${date}T${time}Z`);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** Memo by zone, then date, then one more key: three lookups, no key strings built per call. */
type Memo<K> = Map<string, Map<string, Map<K, number>>>;

function memoOf<K>(memo: Memo<K>, timeZone: string, date: string): Map<K, number> {
  let byDate = memo.get(timeZone);
  if (!byDate) {
    byDate = new Map();
    memo.set(timeZone, byDate);
  }
  let entries = byDate.get(date);
  if (!entries) {
    // A report asks for the same few hundred days over and over; bound the memo all the same.
    if (byDate.size > 20_000) byDate.clear();
    entries = new Map();
    byDate.set(date, entries);
  }
  return entries;
}

const instants: Memo<string> = new Map();

/** The instant (ms since the epoch) of a local date and time 'HH:MM' in a time zone. */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const memo = memoOf(instants, timeZone, date);
  const known = memo.get(time);
  if (known !== undefined) return known;
  const naive = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  const first = naive - offsetAt(naive, timeZone);
  // Around a change of the offset the first guess may sit on the other side of it.
  const instant = naive - offsetAt(first, timeZone);
  memo.set(time, instant);
  return instant;
}

const endsOfDays: Memo<number> = new Map();

/** The instant a local day ends: the next day's midnight in the zone (memoized: reports ask per lesson). */
function endOfDay(date: string, days: number, timeZone: string): number {
  const memo = memoOf(endsOfDays, timeZone, date);
  const known = memo.get(days);
  if (known !== undefined) return known;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days + 1);
  const end = zonedInstant(d.toISOString().slice(0, 10), '00:00', timeZone);
  memo.set(days, end);
  return end;
}

/** Where a lesson is: its date, the end of its class's last lesson that day, the school's zone. */
export interface LessonTime {
  /** The lesson's date 'YYYY-MM-DD' (a local date of the school). */
  date: string;
  /** 'HH:MM': the end of the class's last lesson that day; null when the bells do not say. */
  lastLessonEnd: string | null;
  timeZone: string;
}

/**
 * The deadline of an entry as an instant, or null when no rule applies:
 * - topic, attendance (when their «same day» rule is on): the end of the lesson's local day;
 * - homework: the end of the class's last lesson that day + N hours (without bell times: the end
 *   of the lesson's local day + N hours);
 * - marks of a written work: the end of the local day `lessonDate + writtenWorkMarksDays`.
 */
export function deadlineOf(entry: Entry, rules: TimelinessRules, lesson: LessonTime): number | null {
  switch (entry) {
    case 'topic':
      return rules.topicSameDay ? endOfDay(lesson.date, 0, lesson.timeZone) : null;
    case 'attendance':
      return rules.attendanceSameDay ? endOfDay(lesson.date, 0, lesson.timeZone) : null;
    case 'homework': {
      const end =
        lesson.lastLessonEnd === null
          ? endOfDay(lesson.date, 0, lesson.timeZone)
          : zonedInstant(lesson.date, lesson.lastLessonEnd, lesson.timeZone);
      return end + rules.homeworkHoursAfterLastLesson * hour;
    }
    case 'marks':
      return endOfDay(lesson.date, rules.writtenWorkMarksDays, lesson.timeZone);
  }
}

/** How an entry made at `enteredAt` (ISO UTC; null: not made) stands against its deadline. */
export function judgeEntry(enteredAt: string | null, deadline: number | null): EntryState {
  if (enteredAt === null) return { state: 'missing' };
  if (deadline === null) return { state: 'unruled' };
  const at = Date.parse(enteredAt);
  if (at < deadline) return { state: 'onTime' };
  return { state: 'late', minutes: Math.max(1, Math.floor((at - deadline) / minute)) };
}

/** Judges one entry of a lesson: its deadline by the rules, then the time it was made. */
export function judge(entry: Entry, rules: TimelinessRules, lesson: LessonTime, enteredAt: string | null) {
  return judgeEntry(enteredAt, deadlineOf(entry, rules, lesson));
}

/**
 * The ordering figure of a journal: problems per held lesson, where a problem is a missing or
 * late topic, homework or attendance, or a lesson with late written-work marks.
 * `score = problems / held`, 0 when nothing was held.
 */
export function keepingScore(problems: number, held: number): number {
  return held > 0 ? problems / held : 0;
}

/** A share as a percentage 0–100 with one decimal; null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
