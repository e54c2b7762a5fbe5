import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database.ts';
import { columnTypes, journalStamps, withId } from './column-types.ts';

/**
 * The whole domain model of DESIGN.md §2. Foreign keys never cascade: journal data outlives
 * the people, classes and courses it refers to, which are archived instead of deleted.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen in time and must not use the live DB type
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const t = columnTypes(engine);
  const table = (name: string) => withId(engine, db.schema.createTable(name));
  const school = 'integer';

  await table('districts')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await table('schools')
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('archived_at', t.timestamp)
    .execute();

  await table('persons')
    .addColumn('school_id', school, (c) => c.references('schools.id'))
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', t.sortKey, (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('birth_date', t.date)
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('archived_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('persons_school_sort')
    .on('persons')
    .columns(['school_id', 'sort_key'])
    .execute();

  await table('accounts')
    .addColumn('person_id', 'integer', (c) => c.notNull().unique().references('persons.id'))
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', t.timestamp)
    .addColumn('last_login_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('disabled_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('login_throttles')
    .addColumn('login', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttles_updated').on('login_throttles').column('updated_at').execute();

  await table('role_assignments')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('school_id', school, (c) => c.references('schools.id'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('revoked_at', t.timestamp)
    .execute();
  await db.schema.createIndex('role_assignments_person').on('role_assignments').column('person_id').execute();
  await db.schema
    .createIndex('role_assignments_school_role')
    .on('role_assignments')
    .columns(['school_id', 'role'])
    .execute();

  await table('guardianships')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('guardian_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('archived_at', t.timestamp)
    .execute();
  await db.schema.createIndex('guardianships_guardian').on('guardianships').column('guardian_id').execute();
  await db.schema.createIndex('guardianships_student').on('guardianships').column('student_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
    .addColumn('idle_timeout_minutes', 'integer', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('ended_at', t.timestamp)
    .addColumn('end_reason', 'text')
    .execute();
  await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();

  await table('academic_years')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .execute();

  await table('grade_schemes')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addUniqueConstraint('grade_schemes_year_grade', ['academic_year_id', 'grade'])
    .execute();

  await table('periods')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .execute();

  await table('calendar_entries')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date, (c) => c.notNull())
    .addColumn('grade', 'integer')
    .execute();

  await table('classes')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('letter', 'text', (c) => c.notNull())
    .addColumn('class_teacher_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('days_per_week', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('archived_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('classes_school')
    .on('classes')
    .columns(['school_id', 'academic_year_id'])
    .execute();
  await db.schema.createIndex('classes_class_teacher').on('classes').column('class_teacher_id').execute();

  await table('subjects')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', t.timestamp)
    .execute();

  await table('groups')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('class_id', 'integer', (c) => c.references('classes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('archived_at', t.timestamp)
    .execute();
  await db.schema.createIndex('groups_class').on('groups').column('class_id').execute();

  await table('group_memberships')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id'))
    .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('starts_on', t.date, (c) => c.notNull())
    .addColumn('ends_on', t.date)
    .execute();
  await db.schema.createIndex('group_memberships_group').on('group_memberships').column('group_id').execute();
  await db.schema
    .createIndex('group_memberships_student')
    .on('group_memberships')
    .column('student_id')
    .execute();

  await table('courses')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('academic_year_id', 'integer', (c) => c.notNull().references('academic_years.id'))
    .addColumn('subject_id', 'integer', (c) => c.notNull().references('subjects.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('groups.id'))
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('second_teacher_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('hours_per_week', 'double precision', (c) => c.notNull())
    .addColumn('archived_at', t.timestamp)
    .execute();
  await db.schema.createIndex('courses_teacher').on('courses').column('teacher_id').execute();
  await db.schema.createIndex('courses_group').on('courses').column('group_id').execute();

  await table('work_kinds')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('archived_at', t.timestamp)
    .execute();

  await table('bell_schedules')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await table('bell_times')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('bell_schedule_id', 'integer', (c) => c.notNull().references('bell_schedules.id'))
    .addColumn('lesson_number', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();

  await table('timetable_slots')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('lesson_number', 'integer', (c) => c.notNull())
    .addColumn('room', 'text')
    .addColumn('valid_from', t.date, (c) => c.notNull())
    .addColumn('valid_to', t.date)
    .execute();
  await db.schema.createIndex('timetable_slots_course').on('timetable_slots').column('course_id').execute();

  await table('timetable_changes')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('lesson_number', 'integer', (c) => c.notNull())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('substitute_teacher_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('room', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .execute();

  await table('plan_items')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('hours', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('control_kind', 'text')
    .execute();

  await table('lessons')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('date', t.date, (c) => c.notNull())
    .addColumn('lesson_number', 'integer', (c) => c.notNull())
    .addColumn('teacher_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('plan_item_id', 'integer', (c) => c.references('plan_items.id'))
    .addColumn('topic', 'text')
    .addColumn('lesson_kind', 'text')
    .addColumn('plan', 'text')
    .addColumn('homework', 'text')
    .addColumn('homework_due_on', t.date)
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('topic_entered_at', t.timestamp)
    .addColumn('homework_entered_at', t.timestamp)
    .addColumn('attendance_taken_at', t.timestamp)
    .addUniqueConstraint('lessons_course_date_number', ['course_id', 'date', 'lesson_number'])
    .execute();

  await journalStamps(
    table('marks')
      .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
      .addColumn('lesson_id', 'integer', (c) => c.notNull().references('lessons.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('work_kind_id', 'integer', (c) => c.notNull().references('work_kinds.id'))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('comment', 'text'),
    t,
  ).execute();

  await journalStamps(
    table('attendance')
      .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
      .addColumn('lesson_id', 'integer', (c) => c.notNull().references('lessons.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('reason', 'text'),
    t,
  ).execute();

  for (const name of ['marks', 'attendance']) {
    await db.schema.createIndex(`${name}_lesson`).on(name).column('lesson_id').execute();
    await db.schema.createIndex(`${name}_student`).on(name).column('student_id').execute();
  }
  // One live attendance entry per student and lesson (several marks are allowed).
  await db.schema
    .createIndex('attendance_live')
    .on('attendance')
    .columns(['lesson_id', 'student_id'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await journalStamps(
    table('period_marks')
      .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
      .addColumn('student_id', 'integer', (c) => c.notNull().references('persons.id'))
      .addColumn('subject_id', 'integer', (c) => c.notNull().references('subjects.id'))
      .addColumn('course_id', 'integer', (c) => c.references('courses.id'))
      .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
      .addColumn('value', 'text', (c) => c.notNull()),
    t,
  ).execute();
  await db.schema.createIndex('period_marks_student').on('period_marks').column('student_id').execute();
  await db.schema
    .createIndex('period_marks_live')
    .on('period_marks')
    .columns(['student_id', 'subject_id', 'period_id'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await table('remarks')
    .addColumn('school_id', school, (c) => c.notNull().references('schools.id'))
    .addColumn('course_id', 'integer', (c) => c.notNull().references('courses.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('persons.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull().defaultTo(t.now))
    .addColumn('fixed_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .execute();

  await table('audit_events')
    .addColumn('school_id', school, (c) => c.references('schools.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('persons.id'))
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_school_at')
    .on('audit_events')
    .columns(['school_id', 'at'])
    .execute();
}
