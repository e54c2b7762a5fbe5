import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of remarks on journal keeping: written by the leadership, fixed by the teacher. */
export const messages = defineMessages(
  {
    remarksLessonOtherCourse: 'Этот урок не из журнала, к которому пишется замечание.',
    remarksCourseArchived: 'Журнал в архиве: замечание к нему уже не записать.',
    remarksNotOpen: 'Замечание уже исправлено или закрыто.',
    remarksAlreadyClosed: 'Замечание уже закрыто.',
    remarksNotFixed: 'Вернуть на доработку можно только исправленное и ещё не закрытое замечание.',
  },
  {
    remarksLessonOtherCourse: 'This lesson is not of the journal the remark is written on.',
    remarksCourseArchived: 'The journal is archived: a remark can no longer be written on it.',
    remarksNotOpen: 'The remark is already fixed or closed.',
    remarksAlreadyClosed: 'The remark is already closed.',
    remarksNotFixed: 'Only a fixed remark that is not closed yet can be sent back.',
  },
);

/** Labels of the remarks' input fields (labels are shared by all modules: `text` stays neutral). */
export const fields = defineFields(
  { text: 'Текст', note: 'Что сделано', lessonId: 'Урок', status: 'Состояние' },
  { text: 'Text', note: 'What was done', lessonId: 'Lesson', status: 'Status' },
);
