import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the background print jobs. */
export const messages = defineMessages(
  {
    printJobsPeriodNotOfYear:
      'Этот период не относится к учебному году класса: выберите четверть (триместр) класса или весь год',
    printJobsNotReady: 'Файл ещё не готов: дождитесь окончания печати',
    printJobsFailedFile: 'Печать не удалась: файла нет. Сформируйте документ заново',
    printJobsPurged: 'Файл хранился 7 дней и удалён. Сформируйте документ заново',
    printJobsRenderFailed:
      'Не удалось сформировать документ. Попробуйте ещё раз; если ошибка повторится, сообщите администратору',
    printJobsInterrupted: 'Печать прервалась: сервер перезапускался. Сформируйте документ заново',
  },
  {
    printJobsPeriodNotOfYear:
      "This period is not of the class's academic year: choose a term of the class or the whole year",
    printJobsNotReady: 'The file is not ready yet: wait for the print to finish',
    printJobsFailedFile: 'The print failed: there is no file. Make the document again',
    printJobsPurged: 'The file was kept for 7 days and deleted. Make the document again',
    printJobsRenderFailed:
      'The document could not be made. Try again; if it fails again, tell the administrator',
    printJobsInterrupted: 'The print was interrupted: the server restarted. Make the document again',
  },
);

/** Field labels of the background print jobs (labels are shared by all modules: keep them neutral). */
export const fields = defineFields({ courseIds: 'Предметы' }, { courseIds: 'Subjects' });
