import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { unzipSync, zipSync } from 'fflate';
import { z } from 'zod';

/** The format written in every manifest; a reader refuses any other. */
export const archiveFormat = 'otmetka-year-archive/1';

/** The names of the archive's own files, which the manifest does not list. */
export const manifestName = 'manifest.json';
export const sumsName = 'SHA256SUMS';

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One archived file as the manifest lists it. */
export const manifestFile = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** The manifest of a year archive (`manifest.json`). */
export const archiveManifest = z.object({
  format: z.literal(archiveFormat),
  school: z.object({ id: z.number().int(), name: z.string() }),
  class: z.object({ id: z.number().int(), name: z.string() }),
  academicYear: z.object({ id: z.number().int(), name: z.string(), startsOn: dateOnly, endsOn: dateOnly }),
  createdOn: dateOnly,
  otmetkaVersion: z.string(),
  files: z.array(manifestFile),
});

/** The manifest of a year archive. */
export type ArchiveManifest = z.infer<typeof archiveManifest>;

/** What the manifest says of the archive besides its files. */
export type ArchiveMeta = Omit<ArchiveManifest, 'format' | 'files' | 'otmetkaVersion'>;

/** A file to put in the archive. */
export interface ArchiveEntry {
  name: string;
  content: Uint8Array;
}

/** The running version of Otmetka, from package.json. */
export const otmetkaVersion: string = (
  createRequire(import.meta.url)('../../../package.json') as { version: string }
).version;

/** The SHA-256 of some bytes, in lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `SHA256SUMS` in the format `sha256sum -c` reads: the hash, two spaces, the name. */
export function sumsText(files: readonly { name: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
}

/**
 * The date of `createdOn` as a local date, so that the ZIP's (local, DOS) timestamps read that day
 * whatever the server's time zone: the same files and day give the same bytes.
 */
function zipStamp(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

/**
 * A ZIP (an XLSX) packed again with every entry dated `day`, in the same order: exceljs dates its
 * entries at the moment of writing, so the same workbook written a second later has other bytes.
 */
export function redateZip(zip: Uint8Array, day: string): Buffer {
  const mtime = zipStamp(day);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [name, content] of Object.entries(unzipSync(zip))) entries[name] = [content, { mtime }];
  return Buffer.from(zipSync(entries, { level: 6 }));
}

/**
 * The year archive as a ZIP: the files in the order given, then `manifest.json` (their sizes and
 * SHA-256) and `SHA256SUMS`; every entry dated `createdOn`. The same input gives the same bytes.
 */
export function assembleArchive(meta: ArchiveMeta, files: readonly ArchiveEntry[]): Buffer {
  const names = new Set<string>();
  for (const f of files) {
    if (f.name === manifestName || f.name === sumsName || names.has(f.name) || /[\\/\n]/.test(f.name))
      throw new Error(`assembleArchive: bad or repeated file name «${f.name}»`);
    names.add(f.name);
  }
  const listed = files.map((f) => ({ name: f.name, size: f.content.byteLength, sha256: sha256(f.content) }));
  const manifest: ArchiveManifest = {
    format: archiveFormat,
    school: { id: meta.school.id, name: meta.school.name },
    class: { id: meta.class.id, name: meta.class.name },
    academicYear: {
      id: meta.academicYear.id,
      name: meta.academicYear.name,
      startsOn: meta.academicYear.startsOn,
      endsOn: meta.academicYear.endsOn,
    },
    createdOn: meta.createdOn,
    otmetkaVersion,
    files: listed,
  };
  const mtime = zipStamp(meta.createdOn);
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [f.content, { mtime }];
  entries[manifestName] = [Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), { mtime }];
  entries[sumsName] = [Buffer.from(sumsText(listed), 'utf8'), { mtime }];
  return Buffer.from(zipSync(entries, { level: 6 }));
}
