import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/database.ts';
import { emptyPostgres, runsOf, seedSchool, tempDir, testBackupConfig } from './backup.test-helpers.ts';
import { backupCommand, restoreCommand } from './backup-command.ts';
import { fileSha256, manifestPathOf, readManifest, writeManifest } from './manifest.ts';
import { holdsData } from './restore.ts';
import { runBackup } from './run-backup.ts';
import { type Snapshot, summarize } from './snapshot.ts';

/** The tables a run itself writes to after its export (they differ by the run's own record). */
const ownTables = new Set(['backup_runs', 'backup_copies']);
const dataOf = (s: Snapshot) => s.tables.filter((t) => !ownTables.has(t.name));

describe.each(engines())('the restore drill ($name)', (engine) => {
  let source: Database;
  let dirs: string[];
  let file: string;
  let restoredUrl: string;
  const restoreTargets: { url: string; drop(): Promise<void> }[] = [];

  /** A new restore target: an absent SQLite file, or an empty PostgreSQL database. */
  async function newTarget() {
    if (engine.name === 'sqlite') {
      const url = join(tempDir(), 'restored.db');
      return { url, drop: async () => {} };
    }
    const target = await emptyPostgres(engine);
    restoreTargets.push(target);
    return target;
  }

  const config = () => ({ ...readConfig({ DATABASE_URL: source.url }), backup: testBackupConfig(dirs) });

  beforeAll(async () => {
    source = await freshDatabase(engine);
    await seedSchool(source.db);
    dirs = [tempDir(), tempDir()];
  }, 30_000);
  afterAll(async () => {
    for (const t of restoreTargets) await t.drop();
    await source.close();
  });

  it('writes a verified copy to both destinations, and a restore gives back every table', async () => {
    const outcome = await runBackup(source, config().backup, 'cli', null);
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('ok');
    expect(outcome.fileName).toMatch(/^otmetka-\d{8}-\d{6}\.otb$/);
    expect(outcome.copies.map((c) => [c.destination, c.status])).toEqual(dirs.map((d) => [d, 'ok']));
    for (const dir of dirs) {
      expect(readdirSync(dir).sort()).toEqual([outcome.fileName, `${outcome.fileName}.manifest.json`]);
    }
    file = join(dirs[1]!, outcome.fileName!);
    const [run] = await runsOf(source);
    expect(run).toMatchObject({ status: 'ok', trigger: 'cli', fileName: outcome.fileName });
    expect(run!.sha256).toBe(await fileSha256(file));
    expect(run!.rowCount).toBeGreaterThan(9 + 3);
    const copies = await source.db.selectFrom('backupCopies').selectAll().execute();
    expect(copies.map((c) => [c.status, c.verifiedAt !== null])).toEqual([
      ['ok', true],
      ['ok', true],
    ]);

    const target = await newTarget();
    restoredUrl = target.url;
    const restored = await restoreCommand(config(), file, { to: target.url });
    expect(restored.text).toContain('совпадают с копией');
    expect(restored.ok).toBe(true);
    const copy = openDatabase(target.url);
    try {
      const expected = dataOf(await summarize(source));
      const actual = dataOf(await summarize(copy));
      expect(actual).toEqual(expected);
      expect(actual.find((t) => t.name === 'marks')?.rows).toBe(9);
      expect(actual.find((t) => t.name === 'attendance')?.rows).toBe(3);
      const left = await copy.db.selectFrom('backupRuns').select('status').execute();
      expect(left.map((r) => r.status)).not.toContain('running');
    } finally {
      await copy.close();
    }
  }, 60_000);

  it('lists what a file holds and refuses a target with data', async () => {
    const listed = await restoreCommand(config(), file, { list: true });
    expect(listed.ok).toBe(true);
    expect(listed.text).toMatch(/Создана: \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(listed.text).toMatch(/marks\s+9/);
    const intoSource = await restoreCommand(config(), file, { to: source.url });
    expect(intoSource.ok).toBe(false);
    expect(intoSource.text).toContain('--replace');
  }, 30_000);

  it('with --replace restores over a database that holds data', async () => {
    const changed = openDatabase(restoredUrl);
    await changed.db.deleteFrom('attendance').execute();
    await changed.close();
    const refused = await restoreCommand(config(), file, { to: restoredUrl });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain('--replace');
    const untouched = openDatabase(restoredUrl);
    try {
      expect(await untouched.db.selectFrom('attendance').select('id').execute()).toEqual([]);
    } finally {
      await untouched.close();
    }
    const replaced = await restoreCommand(config(), file, { to: restoredUrl, replace: true });
    expect(replaced.ok).toBe(true);
    expect(replaced.text).toContain('совпадают с копией');
    const copy = openDatabase(restoredUrl);
    try {
      expect(dataOf(await summarize(copy))).toEqual(dataOf(await summarize(source)));
    } finally {
      await copy.close();
    }
  }, 30_000);

  /** A damaged copy of the good file (with its manifest) in a directory of its own. */
  async function damaged(damage: (path: string) => void): Promise<string> {
    const path = join(tempDir(), basename(file));
    await copyFile(file, path);
    await copyFile(manifestPathOf(file), manifestPathOf(path));
    damage(path);
    return path;
  }

  async function expectRefused(path: string) {
    const target = await newTarget();
    const restored = await restoreCommand(config(), path, { to: target.url });
    expect(restored.ok).toBe(false);
    expect(restored.text).toContain('ничего не восстановлено');
    if (engine.name === 'sqlite') {
      expect(existsSync(target.url)).toBe(false);
      expect(existsSync(`${target.url}.restoring`)).toBe(false);
    } else {
      const left = openDatabase(target.url);
      try {
        expect(await holdsData(left)).toBe(false);
      } finally {
        await left.close();
      }
    }
  }

  const flip = (path: string) => {
    const bytes = readFileSync(path);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(path, bytes);
  };

  it('detects a flipped byte and a truncated file, and restores nothing', async () => {
    const flipped = await damaged(flip);
    const cut = await damaged((path) => truncateSync(path, Math.floor(readFileSync(path).length * 0.7)));
    const verified = await backupCommand(config(), 'verify', [flipped, cut]);
    expect(verified.ok).toBe(false);
    expect(verified.text.match(/НЕИСПРАВНА/g)).toHaveLength(2);
    await expectRefused(flipped);
    await expectRefused(cut);
  }, 60_000);

  it('detects a changed byte even when the manifest was rewritten to match it; a good file passes', async () => {
    const path = await damaged(flip);
    const manifest = await readManifest(path);
    await writeManifest(path, { ...manifest, sha256: await fileSha256(path) });
    const verified = await backupCommand(config(), 'verify', [path, file]);
    expect(verified.ok).toBe(false);
    expect(verified.text).toContain(`${path}: КОПИЯ НЕИСПРАВНА`);
    expect(verified.text).toContain(`${file}: Копия исправна`);
    await expectRefused(path);
  }, 60_000);
});
