import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of messages: conversations, announcements, read receipts, attachments. */
export const messages = defineMessages(
  {
    messagesRoleClassTeacher: 'Классный руководитель',
    messagesRoleParent: 'Родитель',
    messagesNotAContact:
      'Написать об этом ученике можно только его классному руководителю и учителям (учителю — родителям).',
    messagesStudentsCannotStart: 'Ученики не начинают переписку: написать учителю может родитель.',
    messagesCannotReply: 'На объявление ответить нельзя: напишите автору отдельное сообщение.',
    messagesNoRecipients: 'Некому отправить: нет ни одного получателя.',
    messagesBadAttachment: 'Прикрепить можно только свои загруженные и ещё не отправленные файлы.',
    messagesFileTooLarge: 'Файл больше {mb} МБ: прикрепите файл поменьше или дайте на него ссылку.',
    messagesFileEmpty: 'Файл пустой.',
  },
  {
    messagesRoleClassTeacher: 'Class teacher',
    messagesRoleParent: 'Parent',
    messagesNotAContact:
      'About this student you can write only to their class teacher and teachers (a teacher: to the parents).',
    messagesStudentsCannotStart: 'Students do not start conversations: a parent can write to the teacher.',
    messagesCannotReply: 'Announcements take no replies: write to the author in a separate message.',
    messagesNoRecipients: 'Nobody to send to: there are no recipients.',
    messagesBadAttachment: 'You can attach only files you uploaded and have not sent yet.',
    messagesFileTooLarge: 'The file is larger than {mb} MB: attach a smaller file or give a link to it.',
    messagesFileEmpty: 'The file is empty.',
  },
);

/**
 * Labels of the module's input fields. Only the names no other module labels differently are
 * registered here; the messages routes name all their fields by `labels` below.
 */
export const fields = defineFields(
  { subject: 'Тема', fileIds: 'Вложения' },
  { subject: 'Subject', fileIds: 'Attachments' },
);

/** How the messages routes name their fields (`to`, `body`, `name` mean other things elsewhere). */
export const labels: Record<'ru' | 'en', Record<string, string>> = {
  ru: {
    to: 'Кому',
    subject: 'Тема',
    body: 'Текст',
    fileIds: 'Вложения',
    classId: 'Класс',
    studentId: 'Ученик',
    name: 'Имя файла',
    toStudents: 'Ученикам',
    id: 'Идентификатор',
  },
  en: {
    to: 'To',
    subject: 'Subject',
    body: 'Text',
    fileIds: 'Attachments',
    classId: 'Class',
    studentId: 'Student',
    name: 'File name',
    toStudents: 'To students',
    id: 'Identifier',
  },
};
