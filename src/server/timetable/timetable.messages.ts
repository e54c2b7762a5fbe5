import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the timetable module. */
export const messages = defineMessages(
  {
    timetableTeacherBusy: 'Учитель {teacher} в это время уже ведёт урок: {subject}, {group}.',
    timetableRoomBusy: 'Кабинет {room} в это время занят: {subject}, {group}.',
    timetableGroupBusy: 'У группы «{group}» в это время уже стоит урок: {subject}, {other}.',
    timetableCourseUnknown: 'Такого курса в школе нет.',
    timetableOutsideYear: 'Дата должна быть внутри учебного года курса.',
    timetableNotTeacher: 'Заменять урок может только учитель этой школы.',
    timetableSubstituteBusy: 'Учитель {teacher} в это время сам ведёт урок: {subject}, {group}.',
    timetableSubstituteSame: 'Это учитель самого курса: замена не нужна.',
    timetableMoveTarget: 'Укажите, куда переносится урок: дату и номер урока.',
    timetableNoLesson: 'В этот день у курса нет такого урока по расписанию.',
    timetableRangeOrder: 'Дата окончания раньше даты начала.',
    timetableNotEmpty: 'Черновик составляется только для пустого расписания класса.',
  },
  {
    timetableTeacherBusy: 'Teacher {teacher} already teaches at this time: {subject}, {group}.',
    timetableRoomBusy: 'Room {room} is taken at this time: {subject}, {group}.',
    timetableGroupBusy: 'Group «{group}» already has a lesson at this time: {subject}, {other}.',
    timetableCourseUnknown: 'There is no such course in the school.',
    timetableOutsideYear: 'The date must fall within the course’s academic year.',
    timetableNotTeacher: 'Only a teacher of this school can take the lesson.',
    timetableSubstituteBusy: 'Teacher {teacher} teaches another lesson at this time: {subject}, {group}.',
    timetableSubstituteSame: 'This is the course’s own teacher: no substitution is needed.',
    timetableMoveTarget: 'Give the date and lesson number the lesson moves to.',
    timetableNoLesson: 'The course has no such lesson in the timetable on that day.',
    timetableRangeOrder: 'The end date is before the start date.',
    timetableNotEmpty: 'A draft is made only for a class with an empty timetable.',
  },
);

/** Labels of the timetable module's input fields. */
export const fields = defineFields(
  {
    courseId: 'Курс',
    weekday: 'День недели',
    lessonNumber: 'Номер урока',
    room: 'Кабинет',
    from: 'Действует с',
    to: 'По',
    kind: 'Вид изменения',
    date: 'Дата',
    substituteTeacherId: 'Заменяющий учитель',
    movedToDate: 'Новая дата',
    movedToLessonNumber: 'Новый номер урока',
    reason: 'Причина',
    classId: 'Класс',
  },
  {
    courseId: 'Course',
    weekday: 'Weekday',
    lessonNumber: 'Lesson number',
    room: 'Room',
    from: 'In force from',
    to: 'To',
    kind: 'Kind of change',
    date: 'Date',
    substituteTeacherId: 'Substitute teacher',
    movedToDate: 'New date',
    movedToLessonNumber: 'New lesson number',
    reason: 'Reason',
    classId: 'Class',
  },
);
