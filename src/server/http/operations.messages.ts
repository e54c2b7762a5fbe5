import { defineFields, defineMessages } from './define-messages.ts';

/** Messages of the operations endpoints (readiness, metrics). */
export const messages = defineMessages(
  {
    migrationsPending:
      'Схема базы данных устарела: не применены миграции {names}. Выполните «otmetka migrate» или перезапустите сервер.',
    readReplicaUnavailable:
      'Реплика для чтения (DATABASE_READ_URL) недоступна: дневник и отчёты не могут быть показаны.',
    metricsToken: 'Для /metrics нужен заголовок Authorization: Bearer с токеном METRICS_TOKEN.',
  },
  {
    migrationsPending:
      'The database schema is out of date: migrations {names} are not applied. Run “otmetka migrate” or restart the server.',
    readReplicaUnavailable:
      'The read replica (DATABASE_READ_URL) is unavailable: the diary and reports cannot be shown.',
    metricsToken: '/metrics requires an Authorization: Bearer header with the METRICS_TOKEN token.',
  },
);

/** Field labels of the operations endpoints: none. */
export const fields = defineFields({}, {});
