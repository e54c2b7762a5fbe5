import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of backups and restore. */
export const messages = defineMessages(
  {
    backupNotConfigured:
      'Резервное копирование не настроено: задайте BACKUP_DIRS (каталоги для копий) и BACKUP_KEY или BACKUP_KEY_FILE (ключ шифрования).',
    backupRunning: 'Резервная копия уже создаётся. Дождитесь её окончания.',
    backupNoKey:
      'Не задан ключ шифрования (BACKUP_KEY или BACKUP_KEY_FILE): создайте его командой «otmetka backup key».',
    backupNoDirs: 'Не заданы каталоги для копий (BACKUP_DIRS).',
    backupOneDestination:
      'Копии хранятся только в одном месте: добавьте второй каталог (другой диск, USB, сетевая папка).',
    backupKeyInDestination:
      'Файл ключа {file} лежит в каталоге копий {dir}: храните ключ отдельно от копий, иначе копии не защищены.',
    backupBadKey:
      'Ключ шифрования резервных копий (BACKUP_KEY или содержимое BACKUP_KEY_FILE) не подходит: нужны 64 шестнадцатеричные цифры или запись base64 ровно 32 байт. Создайте ключ командой «otmetka backup key».',
  },
  {
    backupNotConfigured:
      'Backups are not configured: set BACKUP_DIRS (directories for the copies) and BACKUP_KEY or BACKUP_KEY_FILE (the encryption key).',
    backupRunning: 'A backup is already being made. Wait until it finishes.',
    backupNoKey:
      'No encryption key is set (BACKUP_KEY or BACKUP_KEY_FILE): make one with «otmetka backup key».',
    backupNoDirs: 'No directories for the copies are set (BACKUP_DIRS).',
    backupOneDestination:
      'Copies are kept in one place only: add a second directory (another disk, a USB stick, a network share).',
    backupKeyInDestination:
      'The key file {file} lies in the backup directory {dir}: keep the key apart from the copies, or they are not protected.',
    backupBadKey:
      'The backup encryption key (BACKUP_KEY or the content of BACKUP_KEY_FILE) cannot be used: it must be 64 hexadecimal digits or the base64 of exactly 32 bytes. Make one with «otmetka backup key».',
  },
);

/** Field labels of backups (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ backupRun: 'Резервная копия' }, { backupRun: 'Backup' });
