import type { PlannedPerson } from './people.ts';

/** The size and naming of a generated school. */
export interface SchoolShape {
  /** The school's number: «СОШ № 2». */
  number: number;
  classesPerGrade: number;
  /** Students per class, inclusive range. */
  classSize: [min: number, max: number];
  /** Prepended to every login of the school (`s12.` in a district, '' for the demo). */
  loginPrefix: string;
  /** Non-teaching pedagogical staff (psychologist, speech therapist…) beside the teachers. */
  specialists: number;
}

/** A class with its whole-class group and students (indexes into the people list). */
export interface PlannedClass {
  grade: number;
  letter: string;
  name: string;
  classTeacher: number | null;
  students: number[];
}

/** A whole-class group or a subgroup of a class. */
export interface PlannedGroup {
  classIndex: number;
  kind: 'class' | 'subgroup';
  name: string;
  /** The subject a subgroup is formed for. */
  subject?: string;
  students: number[];
}

/** A subject taught to a group by a teacher. */
export interface PlannedCourse {
  subject: string;
  group: number;
  teacher: number;
  hours: number;
}

/** A parent or guardian of a student. */
export interface PlannedGuardianship {
  guardian: number;
  student: number;
  kind: 'mother' | 'father' | 'guardian';
}

/** The demo people of a school, as indexes into the people list. */
export interface DemoPeople {
  admin: number;
  director: number;
  deputy: number;
  teacher: number;
  parent: number;
  student: number;
}

/** A whole school planned in memory, ready to be written in one transaction. */
export interface SchoolPlan {
  number: number;
  name: string;
  shortName: string;
  people: PlannedPerson[];
  classes: PlannedClass[];
  groups: PlannedGroup[];
  courses: PlannedCourse[];
  guardianships: PlannedGuardianship[];
  demo: DemoPeople;
}
