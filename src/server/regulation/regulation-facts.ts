import { parseSchoolSettings } from '../../contract/settings.ts';
import type { Ctx } from '../access/actor.ts';
import type { BackupConfig } from '../config.ts';

/** What the regulation's text is generated from: the school's settings and how it keeps backups. */
export interface RegulationFacts {
  schoolName: string;
  markScale: 'five' | 'pass';
  usePlusMinus: boolean;
  editWindowDays: number;
  idleMinutesStaff: number;
  idleMinutesFamily: number;
  topicSameDay: boolean;
  attendanceSameDay: boolean;
  homeworkHoursAfterLastLesson: number;
  writtenWorkMarksDays: number;
  timeZone: string;
  /** The period schemes the school's grade levels follow this year (quarters when none is set). */
  schemes: ('quarters' | 'trimesters' | 'halves')[];
  backup: { at: string | null; destinations: number; keep: BackupConfig['keep'] };
}

/** The facts of one school as they stand now. */
export async function regulationFacts(
  ctx: Pick<Ctx, 'db'>,
  schoolId: number,
  backup: BackupConfig,
): Promise<RegulationFacts> {
  const school = await ctx.db
    .selectFrom('schools')
    .select(['name', 'settings'])
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  const schemeRows = await ctx.db
    .selectFrom('gradeSchemes')
    .select('scheme')
    .distinct()
    .where('schoolId', '=', schoolId)
    .orderBy('scheme')
    .execute();
  const s = parseSchoolSettings(school.settings);
  return {
    schoolName: school.name,
    markScale: s.markScale,
    usePlusMinus: s.usePlusMinus,
    editWindowDays: s.editWindowDays,
    idleMinutesStaff: s.idleTimeoutMinutesStaff,
    idleMinutesFamily: s.idleTimeoutMinutesFamily,
    topicSameDay: s.timeliness.topicSameDay,
    attendanceSameDay: s.timeliness.attendanceSameDay,
    homeworkHoursAfterLastLesson: s.timeliness.homeworkHoursAfterLastLesson,
    writtenWorkMarksDays: s.timeliness.writtenWorkMarksDays,
    timeZone: s.timeZone,
    schemes: schemeRows.length ? schemeRows.map((r) => r.scheme) : ['quarters'],
    backup: { at: backup.at, destinations: backup.dirs.length, keep: backup.keep },
  };
}
