import type { Db } from '../access/actor.ts';
import { validateOneRoster } from './oneroster-validate.ts';
import { planClasses, planEnrollments } from './roster-import-classes.ts';
import { type Existing, loadExisting } from './roster-import-existing.ts';
import { planGroups } from './roster-import-groups.ts';
import { draftOf, fail, type RosterFiles, type RosterPlan, type RowDraft } from './roster-import-model.ts';
import { planGuardianships, planPeople } from './roster-import-people.ts';

/** The files the import reads and the columns it needs in each. */
export const neededColumns: Record<string, string[]> = {
  'orgs.csv': ['sourcedId', 'name', 'type'],
  'academicSessions.csv': ['sourcedId', 'type', 'schoolYear'],
  'courses.csv': ['sourcedId', 'title'],
  'classes.csv': ['sourcedId', 'title', 'courseSourcedId', 'classType', 'schoolSourcedId'],
  'users.csv': ['sourcedId', 'givenName', 'familyName', 'identifier'],
  'roles.csv': ['userSourcedId', 'role'],
  'enrollments.csv': ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
};

/** Files of marks, read by nobody here: said so on the page. */
export const notImportedFiles = ['categories.csv', 'lineItems.csv', 'results.csv'];
/** Files read when present. */
const optionalFiles = ['manifest.csv', 'demographics.csv'];

/** The target year as the plan needs it. */
export interface TargetYear {
  schoolId: number;
  yearId: number;
  startsOn: string;
  endsOn: string;
}

function planOrgs(files: RosterFiles, drafts: Map<string, RowDraft[]>): Set<string> {
  const schools = new Set<string>();
  const rows: RowDraft[] = [];
  for (const row of files.get('orgs.csv')?.rows ?? []) {
    const draft = draftOf('orgs.csv', row, row.values.name ?? '');
    draft.outcome = row.values.type === 'school' && schools.size === 0 ? 'match' : 'skip';
    if (draft.outcome === 'match') schools.add(row.values.sourcedId ?? '');
    rows.push(draft);
  }
  drafts.set('orgs.csv', rows);
  return schools;
}

function planSessions(files: RosterFiles, year: TargetYear, drafts: Map<string, RowDraft[]>): boolean {
  const rows: RowDraft[] = [];
  let found = false;
  const expected = year.endsOn.slice(0, 4);
  for (const row of files.get('academicSessions.csv')?.rows ?? []) {
    const draft = draftOf('academicSessions.csv', row, row.values.title ?? '');
    rows.push(draft);
    if (row.values.type !== 'schoolYear') {
      draft.outcome = 'skip';
      continue;
    }
    found = true;
    draft.outcome = 'match';
    const schoolYear = row.values.schoolYear ?? '';
    if (schoolYear !== expected) {
      fail(draft, 'schoolYear', 'rosterImportWrongYear', {
        found: schoolYear ? `${Number(schoolYear) - 1}/${schoolYear}` : '—',
        expected: `${Number(expected) - 1}/${expected}`,
      });
    }
  }
  drafts.set('academicSessions.csv', rows);
  return found;
}

/** Reads the archive against the school and its year: every row's outcome and problem; writes nothing. */
export async function planRoster(
  db: Db,
  year: TargetYear,
  files: RosterFiles,
): Promise<RosterPlan & { existing: Existing }> {
  const existing = await loadExisting(db, year.schoolId, year.yearId);
  const plan: RosterPlan & { existing: Existing } = {
    schoolId: year.schoolId,
    yearId: year.yearId,
    yearStartsOn: year.startsOn,
    files: new Map(),
    notes: new Map(),
    problems: [],
    orgSourcedIds: [],
    people: [],
    classes: [],
    courses: [],
    memberships: [],
    guardianships: [],
    existingLinks: 0,
    existing,
  };
  for (const [file, columns] of Object.entries(neededColumns)) {
    const csv = files.get(file);
    if (!csv) {
      plan.problems.push({ key: 'rosterImportMissingFile', params: { file } });
      continue;
    }
    for (const column of columns) {
      if (!csv.headers.includes(column))
        plan.problems.push({ key: 'rosterImportMissingColumn', params: { file, column } });
    }
  }
  for (const file of files.keys()) {
    if (notImportedFiles.includes(file)) plan.notes.set(file, { key: 'rosterImportNotImported' });
    else if (!(file in neededColumns) && !optionalFiles.includes(file))
      plan.notes.set(file, { key: 'rosterImportNotUsed' });
  }
  if (plan.problems.length > 0) return plan;
  const schoolOrgs = planOrgs(files, plan.files);
  plan.orgSourcedIds = [...schoolOrgs];
  if (!planSessions(files, year, plan.files)) plan.problems.push({ key: 'rosterImportNoYear' });
  plan.people = planPeople(files, existing, plan.files);
  const links = planGuardianships(files, plan.people, existing);
  plan.guardianships = links.guardianships;
  plan.existingLinks = links.existingLinks;
  const { classes, courses } = planClasses(files, existing, schoolOrgs, plan.files);
  plan.classes = classes;
  plan.courses = courses;
  plan.memberships = planEnrollments(files, plan.people, classes, courses, year.startsOn, plan.files);
  planGroups(classes, courses, plan.memberships, existing, (name) =>
    existing.subjectsByName.get(name.toLowerCase()),
  );
  return plan;
}

/**
 * Adds the OneRoster validator's findings: a problem in a row the plan reads marks that row (unless
 * the plan already found one in that column); the others are the archive's problems.
 */
export function addValidation(plan: RosterPlan, texts: ReadonlyMap<string, string>): void {
  for (const problem of validateOneRoster(texts)) {
    const draft =
      problem.row === null ? undefined : plan.files.get(problem.file)?.find((d) => d.line === problem.row);
    if (draft && problem.column !== null) {
      if (!draft.problems.some((p) => p.column === problem.column))
        fail(draft, problem.column, problem.key, problem.params);
    } else plan.problems.push({ key: problem.key, params: problem.params, oneRoster: problem });
  }
}

/** Whether anything in the plan is wrong: then nothing may be written. */
export function planHasErrors(plan: RosterPlan): boolean {
  return (
    plan.problems.length > 0 ||
    [...plan.files.values()].some((rows) => rows.some((r) => r.outcome === 'error'))
  );
}
