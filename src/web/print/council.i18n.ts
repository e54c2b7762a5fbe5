import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the teachers' council decisions. */
export const dictionary = defineDictionary(
  {
    'council.title': 'Решения педсовета',
    'council.student': 'Ученик',
    'council.decision': 'Решение',
    'council.date': 'Дата решения',
    'council.protocol': 'Номер протокола',
    'council.forAll': 'Для всего класса',
    'council.save': 'Сохранить',
    'council.actions': 'Действия',
    'council.decisionOf': 'Решение: {name}',
    'council.saveOf': 'Сохранить решение: {name}',
    'council.loadFailed': 'Не удалось загрузить список класса.',
  },
  {
    'council.title': 'Council decisions',
    'council.student': 'Student',
    'council.decision': 'Decision',
    'council.date': 'Date of the decision',
    'council.protocol': 'Minutes number',
    'council.forAll': 'For the whole class',
    'council.save': 'Save',
    'council.actions': 'Actions',
    'council.decisionOf': 'Decision: {name}',
    'council.saveOf': 'Save the decision: {name}',
    'council.loadFailed': 'The class list could not be loaded.',
  },
);
