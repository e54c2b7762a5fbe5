import { describe, expect, it } from 'vitest';
import { fullName, organisationOf } from './person.ts';

describe('fullName', () => {
  it('writes Фамилия Имя Отчество, skipping a missing patronymic', () => {
    expect(fullName({ lastName: 'Иванова', firstName: 'Мария', middleName: 'Петровна' })).toBe(
      'Иванова Мария Петровна',
    );
    expect(fullName({ lastName: 'Smith', firstName: 'Anna', middleName: '' })).toBe('Smith Anna');
  });
});

describe('organisationOf', () => {
  it('names the school, else the district', () => {
    expect(
      organisationOf({ schools: [{ id: 1, name: 'МБОУ СОШ № 1', shortName: 'СОШ № 1' }], district: null }),
    ).toBe('СОШ № 1');
    expect(organisationOf({ schools: [], district: { id: 1, name: 'УО г. Энска' } })).toBe('УО г. Энска');
    expect(organisationOf({ schools: [], district: null })).toBe('');
  });
});
