import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { systemCtx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { DB } from '../db/schema.ts';
import { sha256 } from './archive-manifest.ts';
import { problemText, verifyArchive } from './archive-verify.ts';
import { buildYearArchive, loadArchiveMeta, yearArchiveName } from './year-archive.ts';

/** Options of `otmetka archive export`: one class, or every class of a year. */
export interface ArchiveExportOptions {
  classId?: string;
  yearId?: string;
  out?: string;
  /** The day written in the archives ('YYYY-MM-DD'); today by default. */
  on?: string;
}

function positiveId(value: string, option: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`Проверьте параметры: ${option}`);
  return id;
}

async function classesToExport(db: Kysely<DB>, o: ArchiveExportOptions) {
  if ((o.classId === undefined) === (o.yearId === undefined))
    throw new Error('Укажите --class ID или --year ID (одно из двух)');
  const query = db
    .selectFrom('classes')
    .select(['id', 'schoolId', 'academicYearId'])
    .orderBy('grade')
    .orderBy('letter')
    .orderBy('id');
  if (o.classId !== undefined) {
    const id = positiveId(o.classId, '--class');
    const rows = await query.where('id', '=', id).execute();
    if (rows.length === 0) throw new Error(`Класса с номером ${id} нет`);
    return rows;
  }
  const id = positiveId(o.yearId!, '--year');
  const year = await db.selectFrom('academicYears').select('id').where('id', '=', id).executeTakeFirst();
  if (!year) throw new Error(`Учебного года с номером ${id} нет`);
  const rows = await query.where('academicYearId', '=', id).execute();
  if (rows.length === 0) throw new Error(`В учебном году ${id} нет классов`);
  return rows;
}

/**
 * `otmetka archive export`: writes the year archive of a class (or of every class of a year) into
 * a folder, one ZIP per class, and records each export in the audit trail. Returns the paths.
 */
export async function archiveExportCommand(db: Kysely<DB>, o: ArchiveExportOptions): Promise<string[]> {
  const classes = await classesToExport(db, o);
  const dir = o.out ?? '.';
  await mkdir(dir, { recursive: true });
  const printedOn = o.on ?? today();
  const written: string[] = [];
  for (const c of classes) {
    const print = {
      schoolId: c.schoolId,
      classId: c.id,
      academicYearId: c.academicYearId,
      periodId: null,
      courseIds: null,
      printedOn,
      lang: 'ru' as const,
    };
    const zip = await buildYearArchive(db, print);
    const path = join(dir, yearArchiveName(await loadArchiveMeta(db, print), 'ru'));
    await writeFile(path, zip);
    await db.transaction().execute((trx) =>
      recordAudit(trx, systemCtx(db), {
        schoolId: c.schoolId,
        action: 'archive.exported',
        entity: 'class',
        entityId: c.id,
        after: { size: zip.byteLength, sha256: sha256(zip), printedOn },
      }),
    );
    written.push(path);
  }
  return written;
}

/**
 * `otmetka archive verify`: checks each archive file and says, in Russian, «в порядке» or each
 * problem found. `ok` is false when any file has a problem or cannot be read.
 */
export async function archiveVerifyCommand(paths: readonly string[]): Promise<{ ok: boolean; text: string }> {
  if (paths.length === 0) throw new Error('Укажите файлы архивов: otmetka archive verify ФАЙЛ...');
  let ok = true;
  const lines: string[] = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      ok = false;
      lines.push(`${path}: файл не найден или не читается`);
      continue;
    }
    const check = verifyArchive(bytes);
    if (check.ok) {
      lines.push(`${path}: в порядке (файлов: ${check.files.length})`);
      continue;
    }
    ok = false;
    lines.push(`${path}: есть ошибки`);
    for (const problem of check.problems) lines.push(`  ${problemText('ru', problem)}`);
  }
  return { ok, text: `${lines.join('\n')}\n` };
}
