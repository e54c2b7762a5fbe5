import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ArchiveMeta, assembleArchive, otmetkaVersion } from './archive-manifest.ts';
import { problemText, verifyArchive } from './archive-verify.ts';

const run = promisify(execFile);

const meta: ArchiveMeta = {
  school: { id: 7, name: 'МБОУ «Школа № 1»' },
  class: { id: 42, name: '5А' },
  academicYear: { id: 3, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
  createdOn: '2027-06-05',
};

const files = [
  { name: 'Классный журнал 5А 2026-2027.pdf', content: Buffer.from('%PDF-1.7 журнал\n'.repeat(200)) },
  { name: 'Сводная ведомость 5А 2026-2027.pdf', content: Buffer.from('%PDF-1.7 ведомость\n') },
  { name: 'Журнал 5А 2026-2027.xlsx', content: Buffer.from([80, 75, 3, 4, 1, 2, 3]) },
];

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The archive's entries, changed by `edit`, packed again (the manifest left as it was). */
function repack(zip: Uint8Array, edit: (entries: Record<string, Uint8Array>) => void): Uint8Array {
  const entries = unzipSync(zip);
  edit(entries);
  return zipSync(entries);
}

describe('the year archive: assembly', () => {
  it('holds the files, a manifest of their sizes and SHA-256, and SHA256SUMS, in a fixed order', () => {
    const zip = assembleArchive(meta, files);
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual([...files.map((f) => f.name), 'manifest.json', 'SHA256SUMS']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toEqual({
      format: 'otmetka-year-archive/1',
      school: { id: 7, name: 'МБОУ «Школа № 1»' },
      class: { id: 42, name: '5А' },
      academicYear: { id: 3, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
      createdOn: '2027-06-05',
      otmetkaVersion,
      files: files.map((f) => ({ name: f.name, size: f.content.byteLength, sha256: hex(f.content) })),
    });
    expect(otmetkaVersion).toMatch(/^\d+\.\d+\.\d+/);
    for (const f of files) expect(Buffer.from(entries[f.name]!)).toEqual(f.content);
    expect(strFromU8(entries.SHA256SUMS!)).toBe(files.map((f) => `${hex(f.content)}  ${f.name}\n`).join(''));
  });

  it('gives the same bytes for the same input, other bytes for another day or file', () => {
    const one = assembleArchive(meta, files);
    expect(assembleArchive(meta, files).equals(one)).toBe(true);
    expect(assembleArchive({ ...meta, createdOn: '2027-06-06' }, files).equals(one)).toBe(false);
    const other = files.map((f, i) => (i === 1 ? { ...f, content: Buffer.from('%PDF-1.7 другая\n') } : f));
    expect(assembleArchive(meta, other).equals(one)).toBe(false);
  });

  it('dates every entry on the day the archive was made', () => {
    const zip = assembleArchive(meta, files);
    let at = 0;
    const days: string[] = [];
    while (zip.readUInt32LE(at) === 0x04034b50) {
      // A local file header: the DOS date at +12 (years since 1980, month, day), sizes at +18.
      const date = zip.readUInt16LE(at + 12);
      days.push(`${1980 + (date >> 9)}-${(date >> 5) & 15}-${date & 31}`);
      at += 30 + zip.readUInt32LE(at + 18) + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    }
    expect(days).toEqual(Array(files.length + 2).fill('2027-6-5'));
  });

  it('refuses a file named like the manifest or twice', () => {
    expect(() => assembleArchive(meta, [{ name: 'manifest.json', content: Buffer.from('x') }])).toThrow();
    expect(() => assembleArchive(meta, [files[0]!, files[0]!])).toThrow();
    expect(() => assembleArchive(meta, [{ name: 'a/b.pdf', content: Buffer.from('x') }])).toThrow();
  });

  it('passes the standard `sha256sum -c SHA256SUMS` once unpacked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otmetka-archive-'));
    for (const [name, bytes] of Object.entries(unzipSync(assembleArchive(meta, files))))
      await writeFile(join(dir, name), bytes);
    const ok = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(ok.stdout).toContain('Классный журнал 5А 2026-2027.pdf: OK');
    expect(ok.stdout.trim().split('\n')).toHaveLength(files.length);
    await writeFile(join(dir, files[1]!.name), 'изменено');
    await expect(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir })).rejects.toMatchObject({
      stdout: expect.stringContaining('Сводная ведомость 5А 2026-2027.pdf: FAILED'),
    });
  });
});

describe('the year archive: verifyArchive', () => {
  const zip = assembleArchive(meta, files);

  it('finds an untouched archive fine, every file ok', () => {
    const check = verifyArchive(zip);
    expect(check.ok).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.files).toEqual(files.map((f) => ({ name: f.name, status: 'ok' })));
    expect(check.manifest?.class.name).toBe('5А');
  });

  it('names a changed file, a missing one and an extra one', () => {
    const tampered = repack(zip, (e) => {
      const pdf = e[files[0]!.name]!;
      pdf[100] = pdf[100]! ^ 0xff;
      delete e[files[2]!.name];
      e['вирус.exe'] = new Uint8Array([1, 2, 3]);
    });
    const check = verifyArchive(tampered);
    expect(check.ok).toBe(false);
    expect(check.files).toEqual([
      { name: files[0]!.name, status: 'changed' },
      { name: files[1]!.name, status: 'ok' },
      { name: files[2]!.name, status: 'missing' },
      { name: 'вирус.exe', status: 'extra' },
    ]);
    expect(check.problems.map((p) => problemText('ru', p))).toEqual([
      '«Классный журнал 5А 2026-2027.pdf» изменён: размер или контрольная сумма SHA-256 не совпадают с manifest.json.',
      '«Журнал 5А 2026-2027.xlsx» отсутствует в архиве.',
      '«вирус.exe» — лишний файл: его нет в manifest.json.',
    ]);
    expect(problemText('en', check.problems[1]!)).toBe(
      '«Журнал 5А 2026-2027.xlsx» is missing from the archive.',
    );
  });

  it('catches a file and the manifest changed together when SHA256SUMS still says otherwise', () => {
    const tampered = repack(zip, (e) => {
      const changed = new TextEncoder().encode('подменённый журнал');
      e[files[1]!.name] = changed;
      const manifest = JSON.parse(strFromU8(e['manifest.json']!));
      manifest.files[1] = { name: files[1]!.name, size: changed.byteLength, sha256: hex(changed) };
      e['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    });
    const check = verifyArchive(tampered);
    expect(check.files.every((f) => f.status === 'ok')).toBe(true);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([{ code: 'sumsDisagree', file: files[1]!.name }]);
  });

  it('reports a missing or unreadable manifest and missing SHA256SUMS', () => {
    const noManifest = verifyArchive(repack(zip, (e) => delete e['manifest.json']));
    expect(noManifest.problems.map((p) => p.code)).toEqual(['noManifest']);
    const badManifest = verifyArchive(
      repack(zip, (e) => {
        e['manifest.json'] = new TextEncoder().encode('{"format": "что-то другое"');
      }),
    );
    expect(badManifest.ok).toBe(false);
    expect(badManifest.problems.map((p) => p.code)).toEqual(['badManifest']);
    const noSums = verifyArchive(repack(zip, (e) => delete e.SHA256SUMS));
    expect(noSums.problems).toEqual([{ code: 'noSums' }]);
    expect(problemText('ru', { code: 'noSums' })).toBe('В архиве нет SHA256SUMS.');
  });

  it('never throws on garbage, a truncated ZIP or a byte flipped in the packed data', () => {
    for (const bytes of [new Uint8Array(), Buffer.from('это не zip'), zip.subarray(0, zip.length - 30)]) {
      const check = verifyArchive(bytes);
      expect(check.ok).toBe(false);
      expect(check.problems).toEqual([{ code: 'notZip' }]);
    }
    expect(problemText('ru', { code: 'notZip' })).toBe(
      'Файл не читается как ZIP-архив: он повреждён или это не архив.',
    );
    const flipped = Buffer.from(zip);
    const at = flipped.indexOf(Buffer.from(files[0]!.name)) + Buffer.byteLength(files[0]!.name) + 10;
    flipped[at] = flipped[at]! ^ 0x55;
    const check = verifyArchive(flipped);
    expect(check.ok).toBe(false);
    expect(check.files[0]).toEqual({ name: files[0]!.name, status: 'changed' });
    expect(check.files.slice(1).every((f) => f.status === 'ok')).toBe(true);
  });
});
