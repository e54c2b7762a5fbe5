import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { heatLevel, heatText, journalName, lessonWords } from './keeping-format.ts';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('ru', key, params);

describe('keeping as written', () => {
  it('a heat map cell says what its colour says', () => {
    expect(heatText({ held: 0, missing: 0, late: 0 })).toBe('');
    expect(heatText({ held: 3, missing: 0, late: 0 })).toBe('✓');
    expect(heatText({ held: 3, missing: 2, late: 1 })).toBe('н2 о1');
    expect(heatText({ held: 3, missing: 2, late: 1 }, 'en')).toBe('m2 l1');
    expect(heatText({ held: 3, missing: 0, late: 0 }, 'en')).toBe('✓');
    // Shares of lessons with a problem: 0 → 0; 1 of 4 → 1; 2 of 4 → 2; 3 of 4 → 3; more than held → 3.
    expect([0, 1, 2, 3].map((n) => heatLevel({ held: 4, missing: n, late: 0 }))).toEqual([0, 1, 2, 3]);
    expect(heatLevel({ held: 1, missing: 1, late: 1 })).toBe(3);
    expect(heatLevel({ held: 0, missing: 0, late: 0 })).toBe(0);
  });

  it('names a journal by class, subject and group', () => {
    expect(journalName({ className: '5А', group: '5А', subject: 'Математика' })).toBe('5А Математика');
    expect(journalName({ className: '5А', group: '5А-1', subject: 'Английский язык' })).toBe(
      '5А Английский язык (5А-1)',
    );
    expect(journalName({ className: null, group: 'Хор', subject: 'Музыка' })).toBe('Хор Музыка');
  });

  it('says in words what is wrong with a lesson', () => {
    expect(lessonWords({ missing: ['homework'], late: ['topic'], lateMarks: 2 }, t)).toBe(
      'нет домашнего задания, тема внесена с опозданием, отметки за письменную работу с опозданием: 2',
    );
    expect(lessonWords({ missing: ['topic', 'attendance'], late: [], lateMarks: 0 }, t)).toBe(
      'нет темы, посещаемость не отмечена',
    );
  });
});
