import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of backups and restore. */
export const messages = defineMessages(
  {
    backupNotConfigured:
      'Резервное копирование не настроено: задайте BACKUP_DIRS (каталоги для копий) и BACKUP_KEY или BACKUP_KEY_FILE (ключ шифрования).',
    backupRunning: 'Резервная копия уже создаётся. Дождитесь её окончания.',
  },
  {
    backupNotConfigured:
      'Backups are not configured: set BACKUP_DIRS (directories for the copies) and BACKUP_KEY or BACKUP_KEY_FILE (the encryption key).',
    backupRunning: 'A backup is already being made. Wait until it finishes.',
  },
);

/** Field labels of backups (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ backupRun: 'Резервная копия' }, { backupRun: 'Backup' });
