import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { engines } from '../../../test/databases.ts';
import type { Database } from '../db/database.ts';
import { archiveExportCommand, archiveVerifyCommand } from './archive-command.ts';
import { sha256 } from './archive-manifest.ts';
import { verifyArchive } from './archive-verify.ts';
import type { JournalPrint } from './print-request.ts';
import { pdfText, summaryFixture } from './summary-fixture.test-helpers.ts';
import { buildYearArchive } from './year-archive.ts';

const names = {
  journal: 'Классный журнал 5А 2026-2027.pdf',
  summary: 'Сводная ведомость 5А 2026-2027.pdf',
  journalXlsx: 'Журнал 5А 2026-2027.xlsx',
  summaryXlsx: 'Сводная ведомость 5А 2026-2027.xlsx',
};

/** Every cell of every sheet of an XLSX as text, one line per row. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const lines: string[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => {
      lines.push((row.values as unknown[]).map((v) => (v == null ? '' : String(v))).join('\t'));
    });
  return lines.join('\n');
}

describe.each(engines())('the year archive of a class on $name', (engine) => {
  let database: Database;
  let f: Awaited<ReturnType<typeof summaryFixture>>;
  let print: JournalPrint;

  beforeAll(async () => {
    database = await engine.open();
    const db = database.db;
    f = await summaryFixture(db);
    const kind = await db
      .selectFrom('workKinds')
      .select('id')
      .where('schoolId', '=', f.s.schoolId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const lessons = await db
      .selectFrom('lessons')
      .select(['id', 'courseId', 'date'])
      .where('courseId', 'in', [f.courses.math, f.courses.rus])
      .where('cancelledAt', 'is', null)
      .orderBy('date')
      .orderBy('id')
      .execute();
    const mark = (lessonId: number, studentId: number, value: string) =>
      db
        .insertInto('marks')
        .values({
          schoolId: f.s.schoolId,
          lessonId,
          studentId,
          workKindId: kind.id,
          value,
          createdBy: f.people.mathT.id,
        })
        .execute();
    await mark(lessons[0]!.id, f.students.borisov, '5');
    await mark(lessons[1]!.id, f.students.yakovleva, '4');
    await mark(lessons[2]!.id, f.students.abramov, '3');
    print = {
      schoolId: f.s.schoolId,
      classId: f.c5.classId,
      academicYearId: f.s.yearId,
      periodId: null,
      courseIds: null,
      printedOn: '2027-06-30',
      lang: 'ru',
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('holds the journal and the сводная ведомость as PDF and XLSX, the manifest and SHA256SUMS', async () => {
    const calls: [number, number][] = [];
    const zip = await buildYearArchive(database.db, print, (done, total) => {
      calls.push([done, total]);
    });
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual([
      names.journal,
      names.summary,
      names.journalXlsx,
      names.summaryXlsx,
      'manifest.json',
      'SHA256SUMS',
    ]);

    const check = verifyArchive(zip);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.files.map((x) => x.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toMatchObject({
      format: 'otmetka-year-archive/1',
      school: { id: f.s.schoolId },
      class: { id: f.c5.classId, name: '5А' },
      academicYear: { id: f.s.yearId, startsOn: '2026-09-01', endsOn: '2027-08-31' },
      createdOn: '2027-06-30',
    });
    expect(manifest.files[0]).toEqual({
      name: names.journal,
      size: entries[names.journal]!.byteLength,
      sha256: sha256(entries[names.journal]!),
    });

    const journal = pdfText(Buffer.from(entries[names.journal]!));
    expect(journal).toContain('Классный журнал');
    expect(journal).toContain('Абрамов');
    expect(journal).toContain('Яковлева');
    const summary = pdfText(Buffer.from(entries[names.summary]!));
    expect(summary).toContain('Борисов');
    expect(summary).toContain('переведён в 6 класс');

    const journalXlsx = await xlsxText(entries[names.journalXlsx]!);
    expect(journalXlsx).toContain('Абрамов');
    expect(journalXlsx).toContain('Математика');
    expect(journalXlsx).toMatch(/Абрамов[^\n]*\t3(\t|$)/m);
    const summaryXlsx = await xlsxText(entries[names.summaryXlsx]!);
    expect(summaryXlsx).toContain('Борисов');
    expect(summaryXlsx).toContain('переведён в 6 класс');

    expect(calls.length).toBeGreaterThan(2);
    const total = calls.at(-1)![1];
    expect(calls.at(-1)).toEqual([total, total]);
    expect(calls.every(([, t]) => t === total || t < total)).toBe(true);
    for (let i = 1; i < calls.length; i += 1) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    expect(calls.every(([done, t]) => done >= 0 && done <= t)).toBe(true);
  });

  it('gives the same bytes for the same data and day whenever it is built, other bytes for another day', async () => {
    const one = await buildYearArchive(database.db, print);
    const two = await buildYearArchive(database.db, print);
    expect(two.equals(one)).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() + 3 * 24 * 3600 * 1000 + 7000));
      const days = await buildYearArchive(database.db, print);
      expect(days.equals(one)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const xlsx = unzipSync(unzipSync(one)[names.journalXlsx]!);
    expect(Object.keys(xlsx)).toContain('[Content_Types].xml');
    const later = await buildYearArchive(database.db, { ...print, printedOn: '2027-07-01' });
    expect(later.equals(one)).toBe(false);
  });

  it('in English: the files named in English, the check fine', async () => {
    const zip = await buildYearArchive(database.db, { ...print, lang: 'en' });
    const check = verifyArchive(zip);
    expect(check.ok).toBe(true);
    expect(check.files.map((x) => x.name)).toEqual([
      'Class journal 5А 2026-2027.pdf',
      'Summary sheet 5А 2026-2027.pdf',
      'Journal 5А 2026-2027.xlsx',
      'Summary sheet 5А 2026-2027.xlsx',
    ]);
    const journal = pdfText(Buffer.from(unzipSync(zip)['Class journal 5А 2026-2027.pdf']!));
    expect(journal).toContain('Абрамов');
    expect(journal).not.toContain('Классный журнал');
  });

  it('`otmetka archive export` (--class, then --year) writes the ZIP into --out, and `verify` finds it «в порядке»', async () => {
    const out = await mkdtemp(join(tmpdir(), 'otmetka-g-export-'));
    const written = await archiveExportCommand(database.db, {
      classId: String(f.c5.classId),
      out,
      on: '2027-06-30',
    });
    expect(written).toEqual([join(out, 'Архив 5А 2026-2027.zip')]);
    expect(await readdir(out)).toEqual(['Архив 5А 2026-2027.zip']);
    const bytes = await readFile(written[0]!);
    expect(bytes.equals(await buildYearArchive(database.db, print))).toBe(true);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'entity', 'entityId'])
      .where('schoolId', '=', f.s.schoolId)
      .where('action', '=', 'archive.exported')
      .execute();
    expect(audit).toEqual([{ action: 'archive.exported', entity: 'class', entityId: String(f.c5.classId) }]);
    const verdict = await archiveVerifyCommand(written);
    expect(verdict).toEqual({ ok: true, text: `${written[0]}: в порядке (файлов: 4)\n` });
    const byYear = await archiveExportCommand(database.db, {
      yearId: String(f.s.yearId),
      out: join(out, 'год'),
      on: '2027-06-30',
    });
    expect(byYear).toEqual([join(out, 'год', 'Архив 5А 2026-2027.zip')]);
    expect((await readFile(byYear[0]!)).equals(bytes)).toBe(true);
  }, 60_000);
});
