import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';

// Each command loads only what it needs: `migrate` should not load the web server, PDF and XLSX.
const backups = () => import('../backup/backup-command.ts');
const server = () => import('../main.ts');
const archives = () => import('../print/archive-command.ts');
const audits = () => import('./audit.ts');
const seeding = () => import('./seed.ts');
const users = () => import('./user.ts');

const usage = `Отметка — электронный классный журнал

  otmetka serve                      запустить сервер (DATABASE_URL, PORT, HOST)
  otmetka migrate                    обновить схему базы данных
  otmetka demo                       запустить демо-школу (отдельная база DEMO_DATABASE_URL)
  otmetka seed --schools N [--until today]   заполнить базу данными N школ (для нагрузочных тестов):
                                     журналы за весь учебный год, с --until today — по сегодняшний день
  otmetka user create --school ID --login L --last-name Ф --first-name И [--middle-name О] --roles admin,teacher
  otmetka user reset-password --login L   новый временный пароль: все сеансы завершаются,
                                     двухфакторный вход выключается (потерянный телефон)
  otmetka archive export --class ID [--out ПАПКА]   архив класса за год (ZIP: PDF, XLSX, контрольные суммы)
  otmetka archive export --year ID [--out ПАПКА]    архивы всех классов учебного года, по файлу на класс
  otmetka archive verify ФАЙЛ...                    проверить архивы по manifest.json и SHA256SUMS
  otmetka audit verify [--school ID]  проверить историю изменений: цепочку событий и журнал (код 1 при нарушениях)
  otmetka backup                     резервная копия сейчас: во все каталоги BACKUP_DIRS, с проверкой
  otmetka backup list                копии в каждом каталоге и последняя удачная
  otmetka backup verify ФАЙЛ...      проверить копию: SHA-256, ключ, восстановление в черновую базу
  otmetka backup key                 создать новый ключ шифрования (BACKUP_KEY)
  otmetka restore ФАЙЛ --list        показать, что в копии
  otmetka restore ФАЙЛ --to АДРЕС [--replace]   восстановить в новую базу (в базу с данными — только с --replace)
  otmetka migrate-to-postgres --to postgres://…  перенести данные из SQLite в PostgreSQL и сверить
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      schools: { type: 'string' },
      until: { type: 'string' },
      school: { type: 'string' },
      district: { type: 'string' },
      login: { type: 'string' },
      'last-name': { type: 'string' },
      'first-name': { type: 'string' },
      'middle-name': { type: 'string' },
      roles: { type: 'string' },
      class: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      to: { type: 'string' },
      replace: { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub] = positionals;
  const config = readConfig();
  if (values.help || !command) {
    process.stdout.write(usage);
    return;
  }
  if (command === 'serve') {
    const running = await (await server()).serve(config);
    running.app.log.info(`Отметка работает: ${running.url}`);
    return;
  }
  if (command === 'demo') return (await seeding()).startDemo(config);
  const done = (result: { text: string; ok: boolean }) => {
    process.stdout.write(result.text);
    if (!result.ok) process.exitCode = 1;
  };
  if (command === 'backup')
    return done(await (await backups()).backupCommand(config, sub, positionals.slice(2)));
  if (command === 'restore')
    return done(
      await (await backups()).restoreCommand(config, sub, {
        to: values.to,
        replace: values.replace,
        list: values.list,
      }),
    );
  if (command === 'migrate-to-postgres')
    return done(
      await (await import('../backup/move-command.ts')).moveToPostgresCommand(config.databaseUrl, values.to),
    );
  if (command === 'archive' && sub === 'verify') {
    const result = await (await archives()).archiveVerifyCommand(positionals.slice(2));
    process.stdout.write(result.text);
    if (!result.ok) process.exitCode = 1;
    return;
  }
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    if (command === 'migrate') {
      process.stdout.write('Схема базы данных обновлена.\n');
    } else if (command === 'seed') {
      await (await seeding()).seedDatabase(database, Number(values.schools ?? '1'), values.until);
    } else if (command === 'user' && sub === 'create') {
      const required = ['login', 'last-name', 'first-name', 'roles'] as const;
      const missing = required.filter((k) => !values[k]);
      if (missing.length)
        throw new Error(`Не хватает параметров: ${missing.map((m) => `--${m}`).join(', ')}`);
      const password = await (await users()).createUserCommand(database.db, {
        school: values.school,
        district: values.district,
        login: values.login!,
        lastName: values['last-name']!,
        firstName: values['first-name']!,
        middleName: values['middle-name'],
        roles: values.roles!,
      });
      process.stdout.write(`Учётная запись ${values.login} создана. Временный пароль: ${password}\n`);
    } else if (command === 'user' && sub === 'reset-password') {
      if (!values.login) throw new Error('Не хватает параметра --login');
      const reset = await (await users()).resetPasswordCommand(database.db, values.login);
      process.stdout.write(`Пароль ${values.login} сброшен. Временный пароль: ${reset.password}\n`);
      if (reset.twoFactorReset) {
        process.stdout.write(
          'Двухфакторный вход выключен: приложение и коды восстановления больше не действуют.\n',
        );
      }
    } else if (command === 'audit' && sub === 'verify') {
      done(await (await audits()).auditVerifyCommand(database.db, values.school));
    } else if (command === 'archive' && sub === 'export') {
      const written = await (await archives()).archiveExportCommand(database.db, {
        classId: values.class,
        yearId: values.year,
        out: values.out,
      });
      process.stdout.write(written.map((path) => `Архив записан: ${path}\n`).join(''));
    } else {
      process.stdout.write(usage);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? [
          translate('ru', error.messageKey, error.params),
          ...Object.values(error.fields ?? {}).map((k) => translate('ru', k)),
        ]
          .filter((m, i, all) => all.indexOf(m) === i)
          .join(' ')
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`Ошибка: ${message}\n`);
  process.exit(1);
});
