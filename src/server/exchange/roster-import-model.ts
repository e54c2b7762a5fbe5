import type { Role } from '../../domain/roles.ts';
import type { GuardianKind } from '../db/schema.ts';
import type { MessageKey } from '../http/messages.ts';
import type { OneRosterProblem } from './oneroster-validate.ts';
import type { CsvFile, CsvRow } from './roster-import-read.ts';

/** What importing a row does. */
export type RowOutcome = 'create' | 'match' | 'skip' | 'error';

/** A problem in one cell of a row, or a note on a skipped row. */
export interface CellProblem {
  column: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** One row of the report as the plan builds it. */
export interface RowDraft {
  file: string;
  line: number;
  sourcedId: string;
  label: string;
  outcome: RowOutcome;
  problems: CellProblem[];
  /** A note on a skipped row (why it is left out). */
  note?: CellProblem;
}

/** A problem with the whole archive or a whole file (or one the OneRoster validator found). */
export interface ArchiveProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** The validator's problem, told with its file, row and column. */
  oneRoster?: OneRosterProblem;
}

/** A person of users.csv and what importing them does. */
export interface PlannedPerson {
  draft: RowDraft;
  sourcedId: string;
  kind: 'student' | 'staff' | 'parent';
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string | null;
  sex: 'm' | 'f' | null;
  fileNumber: string | null;
  roles: Role[];
  /** The matched person, or after applying the created one. */
  localId: number | null;
}

/** A homeroom class of classes.csv. */
export interface PlannedClass {
  draft: RowDraft;
  sourcedId: string;
  grade: number;
  letter: string;
  classTeacher: PlannedPerson | null;
  localId: number | null;
  groupId: number | null;
  /** The sourcedIds of the students enrolled in it. */
  students: Set<string>;
}

/** Who a scheduled class is taught to. */
export type GroupChoice =
  | { kind: 'class'; of: PlannedClass }
  | { kind: 'subgroup'; of: PlannedClass; name: string }
  | { kind: 'cross'; name: string };

/** A scheduled class of classes.csv: an Otmetka course. */
export interface PlannedCourse {
  draft: RowDraft;
  sourcedId: string;
  title: string;
  subjectName: string;
  hoursPerWeek: number;
  teacher: PlannedPerson | null;
  secondTeacher: PlannedPerson | null;
  group: GroupChoice | null;
  localId: number | null;
  groupId: number | null;
}

/** A student's membership of a group (a homeroom's class group, a subgroup or a cross-class group). */
export interface PlannedMembership {
  draft: RowDraft;
  sourcedId: string;
  student: PlannedPerson;
  target: { homeroom: PlannedClass } | { course: PlannedCourse };
  startsOn: string;
  endsOn: string | null;
  localId: number | null;
}

/** A parent linked to a child by agentSourcedIds. */
export interface PlannedGuardianship {
  guardian: PlannedPerson;
  student: PlannedPerson;
  kind: GuardianKind;
}

/** Everything the archive asks for, matched against the school, before anything is written. */
export interface RosterPlan {
  schoolId: number;
  yearId: number;
  yearStartsOn: string;
  files: Map<string, RowDraft[]>;
  notes: Map<string, ArchiveProblem>;
  problems: ArchiveProblem[];
  orgSourcedIds: string[];
  people: PlannedPerson[];
  classes: PlannedClass[];
  courses: PlannedCourse[];
  memberships: PlannedMembership[];
  guardianships: PlannedGuardianship[];
  /** Guardianships that already exist (not created again). */
  existingLinks: number;
}

/** The archive as read: its CSV files by name. */
export type RosterFiles = Map<string, CsvFile>;

/** A new report row for a CSV row. */
export function draftOf(file: string, row: CsvRow, label: string): RowDraft {
  return {
    file,
    line: row.line,
    sourcedId: row.values.sourcedId ?? '',
    label,
    outcome: 'create',
    problems: [],
  };
}

/** Marks a row as wrong in a column. */
export function fail(draft: RowDraft, column: string, key: MessageKey, params?: CellProblem['params']): void {
  draft.problems.push({ column, key, params });
  draft.outcome = 'error';
}

/** Whether a value is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Splits a comma-separated list of ids or strings. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A person's name folded for matching (case, ё/е, spaces). */
export function nameKey(last: string, first: string, middle: string): string {
  return [last, first, middle].map((s) => s.trim().toLowerCase().replaceAll('ё', 'е')).join('|');
}
