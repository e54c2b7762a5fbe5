import { unzipSync } from 'fflate';
import { type Lang, translate } from '../http/messages.ts';
import { type ArchiveManifest, archiveManifest, manifestName, sha256, sumsName } from './archive-manifest.ts';

/** What became of one file: as listed, changed, not in the archive, or not listed. */
export type ArchiveFileStatus = 'ok' | 'changed' | 'missing' | 'extra';

/** Something wrong with an archive; `file` names the file it concerns. */
export interface ArchiveProblem {
  code: 'notZip' | 'noManifest' | 'badManifest' | 'noSums' | 'sumsDisagree' | 'changed' | 'missing' | 'extra';
  file?: string;
}

/** The check of a year archive: fine or not, each file's status, and every problem found. */
export interface ArchiveCheck {
  ok: boolean;
  /** The manifest when it could be read. */
  manifest: ArchiveManifest | null;
  files: { name: string; status: ArchiveFileStatus }[];
  problems: ArchiveProblem[];
}

const own = new Set([manifestName, sumsName]);

/** The names of a ZIP's entries (from its directory, nothing unpacked); null when it is no ZIP. */
function entryNames(zip: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(zip, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

/** One entry unpacked on its own, so one damaged entry does not hide the others; null if unreadable. */
function unpack(zip: Uint8Array, name: string): Uint8Array | null {
  try {
    return unzipSync(zip, { filter: (f) => f.name === name })[name] ?? null;
  } catch {
    return null;
  }
}

function readManifest(bytes: Uint8Array | null): ArchiveManifest | null {
  if (!bytes) return null;
  try {
    const parsed = archiveManifest.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `SHA256SUMS` as name → hash; a line that is not «hash, space, mode, name» is kept as unreadable. */
function readSums(text: string): { sums: Map<string, string>; unreadable: number } {
  const sums = new Map<string, string>();
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (m?.[1] && m[2]) sums.set(m[2], m[1].toLowerCase());
    else unreadable += 1;
  }
  return { sums, unreadable };
}

/**
 * Checks a year archive: every file in `manifest.json` present with its size and SHA-256, no file
 * it does not list (besides itself and `SHA256SUMS`), and `SHA256SUMS` saying the same as the
 * manifest. A damaged ZIP or manifest is a problem reported, never an exception.
 */
export function verifyArchive(zip: Uint8Array): ArchiveCheck {
  const names = entryNames(zip);
  if (names === null) return { ok: false, manifest: null, files: [], problems: [{ code: 'notZip' }] };
  const problems: ArchiveProblem[] = [];
  const manifestBytes = names.includes(manifestName) ? unpack(zip, manifestName) : null;
  if (!names.includes(manifestName)) problems.push({ code: 'noManifest' });
  const manifest = readManifest(manifestBytes);
  if (names.includes(manifestName) && !manifest) problems.push({ code: 'badManifest' });
  const files: ArchiveCheck['files'] = [];
  for (const listed of manifest?.files ?? []) {
    if (!names.includes(listed.name)) {
      files.push({ name: listed.name, status: 'missing' });
      problems.push({ code: 'missing', file: listed.name });
      continue;
    }
    const bytes = unpack(zip, listed.name);
    const same = bytes !== null && bytes.byteLength === listed.size && sha256(bytes) === listed.sha256;
    files.push({ name: listed.name, status: same ? 'ok' : 'changed' });
    if (!same) problems.push({ code: 'changed', file: listed.name });
  }
  const listedNames = new Set(manifest?.files.map((f) => f.name));
  for (const name of names) {
    if (own.has(name) || listedNames.has(name) || !manifest) continue;
    files.push({ name, status: 'extra' });
    problems.push({ code: 'extra', file: name });
  }
  const sumsBytes = names.includes(sumsName) ? unpack(zip, sumsName) : null;
  if (!sumsBytes) problems.push({ code: 'noSums' });
  else if (manifest) {
    const { sums, unreadable } = readSums(Buffer.from(sumsBytes).toString('utf8'));
    const disagree = manifest.files.filter((f) => sums.get(f.name) !== f.sha256).map((f) => f.name);
    for (const name of sums.keys()) if (!listedNames.has(name)) disagree.push(name);
    for (const file of disagree) problems.push({ code: 'sumsDisagree', file });
    if (unreadable > 0) problems.push({ code: 'sumsDisagree' });
  }
  return { ok: problems.length === 0, manifest, files, problems };
}

const keys = {
  notZip: 'archiveNotZip',
  noManifest: 'archiveNoManifest',
  badManifest: 'archiveBadManifest',
  noSums: 'archiveNoSums',
  sumsDisagree: 'archiveSumsDisagree',
  changed: 'archiveFileChanged',
  missing: 'archiveFileMissing',
  extra: 'archiveFileExtra',
} as const satisfies Record<ArchiveProblem['code'], string>;

/** A problem of an archive in words, in Russian or English. */
export function problemText(lang: Lang, problem: ArchiveProblem): string {
  if (problem.code === 'sumsDisagree' && problem.file === undefined)
    return translate(lang, 'archiveSumsUnreadable');
  return translate(lang, keys[problem.code], { file: problem.file ?? '' });
}
