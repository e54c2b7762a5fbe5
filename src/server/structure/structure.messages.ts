import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the structure module. */
export const messages = defineMessages(
  {
    structureNoYear: 'В школе ещё нет учебного года. Сначала создайте его в календаре.',
    structureClassTaken: 'Такой класс уже есть в этом учебном году.',
    structureNotTeacher: 'Этот человек не учитель школы.',
    structureSameTeacher: 'Второй учитель должен отличаться от первого.',
    structureSubjectTaken: 'Предмет с таким названием уже есть.',
    structureUnknownSubject: 'Такого предмета нет в школе.',
    structureUnknownGroup: 'Такой группы нет в школе.',
    structureOtherYear: 'Группа относится к другому учебному году.',
    structureCourseExists:
      'Этот предмет у этой группы уже есть в нагрузке; второго учителя укажите в том же курсе.',
    structureArchived: 'Запись в архиве: её нельзя изменить.',
    structureNotInClass: 'Обучающийся не состоит в классе на эту дату.',
    structureTwiceInSplit: 'Обучающийся указан в двух подгруппах сразу.',
    structureNotStudent: 'Это не обучающийся школы.',
    structureSubgroupsExist: 'У класса уже есть подгруппы по этому предмету.',
    structureMoveSameGroup: 'Выберите другую группу.',
    structureMoveIncompatible:
      'Переводить можно только между подгруппами одного класса и предмета или между группами одного предмета.',
    structureMoveArchived: 'Эта группа в архиве.',
    structureMoveNotMember: 'Обучающийся не состоит в этой группе на дату перевода.',
    structureMoveBeforeStart: 'Дата перевода раньше, чем обучающийся пришёл в эту группу.',
    structureMoveAlreadyMember: 'Обучающийся уже состоит в этой группе на эти даты.',
    structureMoveOutsideYear: 'Дата перевода вне учебного года группы.',
  },
  {
    structureNoYear: 'The school has no academic year yet. Create one in the calendar first.',
    structureClassTaken: 'This class already exists in this academic year.',
    structureNotTeacher: 'This person is not a teacher of the school.',
    structureSameTeacher: 'The second teacher must differ from the first.',
    structureSubjectTaken: 'A subject with this name already exists.',
    structureUnknownSubject: 'There is no such subject in the school.',
    structureUnknownGroup: 'There is no such group in the school.',
    structureOtherYear: 'The group belongs to another academic year.',
    structureCourseExists:
      'This group already has this subject in the load; add a second teacher to that course.',
    structureArchived: 'The record is archived and cannot be changed.',
    structureNotInClass: 'The student is not in the class on this date.',
    structureTwiceInSplit: 'The student is listed in two subgroups at once.',
    structureNotStudent: 'This is not a student of the school.',
    structureSubgroupsExist: 'The class already has subgroups for this subject.',
    structureMoveSameGroup: 'Choose another group.',
    structureMoveIncompatible:
      'Students can only move between subgroups of one class and subject, or between groups of one subject.',
    structureMoveArchived: 'This group is archived.',
    structureMoveNotMember: 'The student is not in this group on the date of the move.',
    structureMoveBeforeStart: 'The move date is before the student joined this group.',
    structureMoveAlreadyMember: 'The student is already in this group on these dates.',
    structureMoveOutsideYear: 'The move date is outside the group’s academic year.',
  },
);

const groupFieldsRu = Object.fromEntries(
  [0, 1, 2, 3].flatMap((i) => [
    [`groups.${i}.name`, `Название подгруппы ${i + 1}`],
    [`groups.${i}.teacherId`, `Учитель подгруппы ${i + 1}`],
    [`groups.${i}.hoursPerWeek`, `Часов в неделю подгруппы ${i + 1}`],
    [`groups.${i}.studentIds`, `Состав подгруппы ${i + 1}`],
  ]),
);
const groupFieldsEn = Object.fromEntries(
  [0, 1, 2, 3].flatMap((i) => [
    [`groups.${i}.name`, `Subgroup ${i + 1} name`],
    [`groups.${i}.teacherId`, `Subgroup ${i + 1} teacher`],
    [`groups.${i}.hoursPerWeek`, `Subgroup ${i + 1} hours per week`],
    [`groups.${i}.studentIds`, `Subgroup ${i + 1} members`],
  ]),
);

/** Labels of the structure module's input fields. */
export const fields = defineFields(
  {
    grade: 'Параллель',
    letter: 'Литера',
    classTeacherId: 'Классный руководитель',
    daysPerWeek: 'Дней в неделю',
    subjectName: 'Название предмета',
    shortName: 'Краткое название',
    sortOrder: 'Порядок',
    subjectId: 'Предмет',
    groupId: 'Группа',
    teacherId: 'Учитель',
    secondTeacherId: 'Второй учитель',
    hoursPerWeek: 'Часов в неделю',
    groups: 'Подгруппы',
    groupName: 'Название группы',
    studentIds: 'Состав группы',
    startsOn: 'Дата начала',
    studentId: 'Обучающийся',
    toGroupId: 'Куда перевести',
    moveDate: 'Дата перевода',
    on: 'Дата',
    schoolId: 'Школа',
    ...groupFieldsRu,
  },
  {
    grade: 'Grade',
    letter: 'Letter',
    classTeacherId: 'Class teacher',
    daysPerWeek: 'Days per week',
    subjectName: 'Subject name',
    shortName: 'Short name',
    sortOrder: 'Order',
    subjectId: 'Subject',
    groupId: 'Group',
    teacherId: 'Teacher',
    secondTeacherId: 'Second teacher',
    hoursPerWeek: 'Hours per week',
    groups: 'Subgroups',
    groupName: 'Group name',
    studentIds: 'Group members',
    startsOn: 'Start date',
    studentId: 'Student',
    toGroupId: 'Move to',
    moveDate: 'Move date',
    on: 'Date',
    schoolId: 'School',
    ...groupFieldsEn,
  },
);
