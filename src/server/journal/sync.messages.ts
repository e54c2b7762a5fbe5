import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the offline journal's sync: each conflict as the teacher reads it. */
export const messages = defineMessages(
  {
    syncNotTeacher: 'Работа без связи доступна учителям.',
    syncCellChanged: 'Пока вы работали без связи, запись изменили. Выберите, какое значение оставить.',
    syncPeriodClosed: 'Период закрыли, пока вы работали без связи: изменение не внесено.',
    syncStudentMoved: 'Ученик не был в группе в день урока (его перевели): изменение не внесено.',
    syncEditWindow: 'Прошло больше {days} дн. после урока: отправьте изменение снова с причиной исправления.',
    syncForbidden: 'Вы больше не можете изменять этот урок: изменение не внесено.',
    syncLessonGone: 'Урока больше нет в журнале (удалён или отменён): изменение не внесено.',
    syncIdTaken: 'Изменение с таким идентификатором уже получено от другого пользователя.',
  },
  {
    syncNotTeacher: 'Working offline is for teachers.',
    syncCellChanged: 'The entry was changed while you were offline. Choose which value to keep.',
    syncPeriodClosed: 'The period was closed while you were offline: the change was not made.',
    syncStudentMoved: 'The student was not in the group on the lesson date (moved): the change was not made.',
    syncEditWindow:
      'More than {days} days have passed since the lesson: send the change again with a reason.',
    syncForbidden: 'You may no longer change this lesson: the change was not made.',
    syncLessonGone: 'The lesson is no longer in the journal (removed or cancelled): the change was not made.',
    syncIdTaken: 'A change with this id was already received from another user.',
  },
);

/** Field labels of the sync's bodies. */
export const fields = defineFields(
  {
    deviceId: 'Устройство',
    changes: 'Изменения',
    checkpointId: 'Отметка загрузки курса',
  },
  {
    deviceId: 'Device',
    changes: 'Changes',
    checkpointId: 'Course load checkpoint',
  },
);
