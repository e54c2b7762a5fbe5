import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines } from '../../../test/databases.ts';
import { buildPerson, buildSchool, testPassword, unique } from '../../../test/factories.ts';
import { totpCode } from '../auth/totp.ts';
import type { Database } from '../db/database.ts';
import { assembleArchive } from '../print/archive-manifest.ts';

const run = promisify(execFile);
const otmetka = (url: string, args: string[]) =>
  run('node', ['bin/otmetka.js', ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
  });

describe.each(engines())('otmetka CLI on $name', (engine) => {
  let url: string;
  let database: Database;
  beforeAll(async () => {
    url = engine.url();
    await otmetka(url, ['migrate']);
    const { openDatabase } = await import('../db/database.ts');
    database = openDatabase(url, { poolSize: 2 });
  });
  afterAll(() => database.close());

  it('creates a staff member with a temporary password that must be changed, then resets it', async () => {
    const { schoolId } = await buildSchool(database.db);
    const login = unique('cli.');
    const created = await otmetka(url, [
      'user',
      'create',
      '--school',
      String(schoolId),
      '--login',
      login,
      '--last-name',
      'Петрова',
      '--first-name',
      'Ирина',
      '--roles',
      'teacher,deputy',
    ]);
    const password = /Временный пароль: (\S+)/.exec(created.stdout)?.[1];
    expect(password).toMatch(/^\S{10}$/);

    const app = await testApp(database);
    try {
      const client = await signIn(app, login, password);
      const me = (await client.get('/api/me')).json();
      expect(me).toMatchObject({ mustChangePassword: true, roles: ['deputy', 'teacher'] });

      const reset = await otmetka(url, ['user', 'reset-password', '--login', login]);
      const second = /Временный пароль: (\S+)/.exec(reset.stdout)?.[1];
      expect(second).not.toBe(password);
      expect(reset.stdout).not.toContain('Двухфакторный вход');
      expect((await client.get('/api/me')).statusCode).toBe(401);
      await signIn(app, login, second);
    } finally {
      await app.close();
    }
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorKind'])
      .where('schoolId', '=', schoolId)
      .where('action', 'in', ['person.created', 'account.password_reset'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'person.created', actorKind: 'system' },
      { action: 'account.password_reset', actorKind: 'system' },
    ]);
  });

  it('resets the password of an administrator who lost the phone: two-factor login is switched off, and it says so', async () => {
    const { schoolId } = await buildSchool(database.db);
    const admin = await buildPerson(database.db, { schoolId, roles: ['admin'] });
    const app = await testApp(database);
    try {
      const client = await signIn(app, admin.login);
      const begin = await client.send('POST', '/api/two-factor/begin', { password: testPassword });
      const confirm = await client.send('POST', '/api/two-factor/confirm', {
        code: totpCode(begin.json().secret, Date.now()),
      });
      expect(confirm.statusCode).toBe(200);

      const reset = await otmetka(url, ['user', 'reset-password', '--login', admin.login]);
      expect(reset.stdout).toContain('Двухфакторный вход выключен');
      const password = /Временный пароль: (\S+)/.exec(reset.stdout)?.[1];
      expect((await client.get('/api/me')).statusCode).toBe(401);
      // A session at once, no code asked: signIn fails on a second-factor step.
      await signIn(app, admin.login, password);
    } finally {
      await app.close();
    }
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorKind'])
      .where('schoolId', '=', schoolId)
      .where('action', 'in', ['account.twoFactor.reset', 'account.password_reset'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'account.twoFactor.reset', actorKind: 'system' },
      { action: 'account.password_reset', actorKind: 'system' },
    ]);
  });

  it('refuses unknown roles and missing parameters with a Russian message and exit code 1', async () => {
    const bad = otmetka(url, [
      'user',
      'create',
      '--login',
      'x',
      '--last-name',
      'А',
      '--first-name',
      'Б',
      '--roles',
      'king',
    ]);
    await expect(bad).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Неизвестные роли: king'),
    });
    const missing = otmetka(url, ['user', 'create', '--login', 'x']);
    await expect(missing).rejects.toMatchObject({ stderr: expect.stringContaining('--last-name') });
    const badLogin = otmetka(url, [
      'user',
      'create',
      '--school',
      '1',
      '--login',
      'и.петрова',
      '--last-name',
      'А',
      '--first-name',
      'Б',
      '--roles',
      'teacher',
    ]);
    await expect(badLogin).rejects.toMatchObject({
      stderr: expect.stringContaining('Проверьте параметры: --login'),
    });
    const noSchool = otmetka(url, [
      'user',
      'create',
      '--login',
      'x.y',
      '--last-name',
      'А',
      '--first-name',
      'Б',
      '--roles',
      'teacher',
    ]);
    await expect(noSchool).rejects.toMatchObject({ stderr: expect.stringContaining('нужен --school') });
    const noSuchSchool = otmetka(url, [
      'user',
      'create',
      '--school',
      '999999',
      '--login',
      'x.z',
      '--last-name',
      'А',
      '--first-name',
      'Б',
      '--roles',
      'teacher',
    ]);
    await expect(noSuchSchool).rejects.toMatchObject({
      stderr: expect.stringContaining('Школы с номером 999999 нет'),
    });
    const nobody = otmetka(url, ['user', 'reset-password', '--login', 'nobody.at.all']);
    await expect(nobody).rejects.toMatchObject({ stderr: 'Ошибка: Не найдено.\n' });
  });

  it('refuses an archive export without a class or year, or of a class that does not exist', async () => {
    await expect(otmetka(url, ['archive', 'export'])).rejects.toMatchObject({
      code: 1,
      stderr: 'Ошибка: Укажите --class ID или --year ID (одно из двух)\n',
    });
    await expect(otmetka(url, ['archive', 'export', '--class', '999999'])).rejects.toMatchObject({
      stderr: 'Ошибка: Класса с номером 999999 нет\n',
    });
    await expect(otmetka(url, ['archive', 'export', '--year', 'пять'])).rejects.toMatchObject({
      stderr: 'Ошибка: Проверьте параметры: --year\n',
    });
  }, 180_000);

  it('never seeds benchmark data into a database with a real school', async () => {
    await buildSchool(database.db);
    const seeded = otmetka(url, ['seed', '--schools', '1']);
    await expect(seeded).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('настоящая школа'),
    });
  });
});

describe('otmetka archive verify', () => {
  const pdf = 'Классный журнал 5А 2026-2027.pdf';
  const xlsx = 'Журнал 5А 2026-2027.xlsx';
  const archive = assembleArchive(
    {
      school: { id: 1, name: 'Школа № 1' },
      class: { id: 2, name: '5А' },
      academicYear: { id: 3, name: '2026/2027', startsOn: '2026-09-01', endsOn: '2027-08-31' },
      createdOn: '2027-06-05',
    },
    [
      { name: pdf, content: Buffer.from('%PDF-1.7 журнал\n'.repeat(50)) },
      { name: xlsx, content: Buffer.from('PK таблица') },
    ],
  );
  const verify = (...files: string[]) => otmetka('/nonexistent/otmetka.db', ['archive', 'verify', ...files]);

  it('says «в порядке» with exit code 0 for untouched archives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otmetka-verify-'));
    const good = join(dir, 'Архив 5А 2026-2027.zip');
    await writeFile(good, archive);
    const ok = await verify(good);
    expect(ok.stdout).toBe(`${good}: в порядке (файлов: 2)\n`);
  }, 180_000);

  it('names a changed PDF and a removed file in Russian, exit code 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'otmetka-verify-'));
    const good = join(dir, 'good.zip');
    const changed = join(dir, 'changed.zip');
    const removed = join(dir, 'removed.zip');
    const garbage = join(dir, 'garbage.zip');
    await writeFile(good, archive);
    const flipped = unzipSync(archive);
    flipped[pdf]![20] = flipped[pdf]![20]! ^ 1;
    await writeFile(changed, zipSync(flipped));
    const less = unzipSync(archive);
    delete less[xlsx];
    await writeFile(removed, zipSync(less));
    await writeFile(garbage, 'не архив');
    const run = verify(good, changed, removed, garbage, join(dir, 'absent.zip'));
    await expect(run).rejects.toMatchObject({ code: 1 });
    const { stdout } = await run.catch((e: { stdout: string }) => e);
    expect(stdout).toContain(`${good}: в порядке`);
    expect(stdout).toContain(`${changed}: есть ошибки\n  «${pdf}» изменён`);
    expect(stdout).toContain(`${removed}: есть ошибки\n  «${xlsx}» отсутствует в архиве.`);
    expect(stdout).toContain(`${garbage}: есть ошибки\n  Файл не читается как ZIP-архив`);
    expect(stdout).toContain(`${join(dir, 'absent.zip')}: файл не найден или не читается`);
  }, 180_000);
});
