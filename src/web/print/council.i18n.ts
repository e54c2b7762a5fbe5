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
    'council.choice.promoted': 'переведён(а) в {grade} класс',
    'council.choice.conditional': 'переведён(а) условно',
    'council.choice.repeat': 'оставлен(а) на повторное обучение',
    'council.choice.graduated': 'выпущен(а)',
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
    'council.choice.promoted': 'promoted to grade {grade}',
    'council.choice.conditional': 'promoted conditionally',
    'council.choice.repeat': 'kept back to repeat the year',
    'council.choice.graduated': 'graduated',
  },
);
