import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the diary: weeks, marks, acknowledgements, absence notices, calendar feeds. */
export const messages = defineMessages(
  {
    diaryWeekNotMonday: 'Неделя начинается с понедельника: укажите дату понедельника.',
    diaryWeekInFuture: 'Эта неделя ещё не началась: ознакомиться можно с начавшейся неделей.',
    diaryNoSuchPeriod: 'Такого периода нет в учебном году ученика: выберите период из списка.',
    diaryNoticeOrder: 'Последний день раньше первого: проверьте даты.',
    diaryNoticeTooLong:
      'Сообщение об отсутствии — не длиннее 30 дней: для долгого отсутствия обратитесь к классному руководителю.',
    diaryNoticeTooOld:
      'Первый день — не раньше чем 14 дней назад: о давних пропусках напишите классному руководителю.',
    diaryNoticeTooFar: 'Последний день — не позже чем через 90 дней.',
    diaryNoticePast: 'Эти дни уже прошли: отменить сообщение нельзя.',
  },
  {
    diaryWeekNotMonday: 'A week starts on Monday: give the date of a Monday.',
    diaryWeekInFuture: 'This week has not begun yet: you can acknowledge a week that has begun.',
    diaryNoSuchPeriod: "There is no such period in the student's school year: choose one from the list.",
    diaryNoticeOrder: 'The last day is before the first one: check the dates.',
    diaryNoticeTooLong:
      'A notice of absence covers at most 30 days: for a long absence contact the class teacher.',
    diaryNoticeTooOld:
      'The first day may be at most 14 days ago: tell the class teacher about older absences.',
    diaryNoticeTooFar: 'The last day may be at most 90 days ahead.',
    diaryNoticePast: 'These days have passed: the notice can no longer be cancelled.',
  },
);

/** Labels of the module's input fields. */
export const fields = defineFields(
  {
    weekStart: 'Неделя',
    fromDate: 'С какого дня',
    toDate: 'По какой день',
    reason: 'Причина',
    comment: 'Комментарий',
    date: 'Дата',
    periodId: 'Период',
    from: 'С какого дня',
    fileId: 'Файл',
    noticeId: 'Сообщение об отсутствии',
    token: 'Адрес календаря',
  },
  {
    weekStart: 'Week',
    fromDate: 'From',
    toDate: 'To',
    reason: 'Reason',
    comment: 'Comment',
    date: 'Date',
    periodId: 'Period',
    from: 'From',
    fileId: 'File',
    noticeId: 'Notice of absence',
    token: 'Calendar address',
  },
);
