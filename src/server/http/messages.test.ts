import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldNames, langOf, translate } from './messages.ts';

describe('langOf', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['en;q=0.1, ru', 'ru'],
    ['ru;q=0.5, en', 'en'],
    ['de-DE, fr;q=0.9', 'ru'],
    ['de, en;q=0.3', 'en'],
    ['en, ru', 'ru'],
    ['en;q=0.5, ru;q=0.5', 'ru'],
  ])('%s → %s', (header, lang) => {
    expect(langOf(header)).toBe(lang);
  });
});

describe('translate', () => {
  it('fills parameters in both languages', () => {
    expect(translate('ru', 'locked', { minutes: 3 })).toBe(
      'Слишком много неудачных попыток входа. Повторите через 3 мин.',
    );
    expect(translate('en', 'tooLong', { max: 64 })).toBe('At most 64 characters.');
  });
});

describe('fieldLabel', () => {
  it.each([
    ['written', 'Письменная работа', 'Written work'],
    ['assessment', 'Оценочная процедура', 'Assessment procedure'],
    ['prefs.digest', 'Ежедневная сводка', 'Daily digest'],
    // An element of a list of ids is named as the list.
    ['personIds.1', 'Кому выдать доступ', 'Whom to issue access'],
    ['studentIds.3', 'Состав группы', 'Group members'],
    ['markedGrades.2', 'Классы с отметками', 'Grades with marks'],
    // Inside a list of objects: the item's own label, else the field's, else the list's.
    ['groups.0.studentIds.2', 'Состав подгруппы 1', 'Subgroup 1 members'],
    ['groups.1.teacherId', 'Учитель подгруппы 2', 'Subgroup 2 teacher'],
    ['groups.9.studentIds.0', 'Состав группы', 'Group members'],
    ['groups.0.zzz', 'Подгруппы', 'Subgroups'],
  ])('%s → «%s», «%s»', (path, ru, en) => {
    expect(fieldLabel('ru', path)).toBe(ru);
    expect(fieldLabel('en', path)).toBe(en);
  });

  it('names a key the client made up as sent', () => {
    expect(fieldLabel('ru', 'unknownField')).toBe('unknownField');
    expect(fieldLabel('en', 'deep.0.deeper')).toBe('deep.0.deeper');
  });

  it('names each field of a message once', () => {
    expect(fieldNames('ru', ['personIds.1', 'personIds.3', 'reactivate'])).toBe(
      '«Кому выдать доступ», «Включить отключённые учётные записи»',
    );
  });
});
