import { describe, expect, it } from 'vitest';
import { signIn, testApp } from '../../../test/app.ts';
import { engines, freshDatabase } from '../../../test/databases.ts';

const body = {
  schoolName: 'МБОУ «Средняя общеобразовательная школа № 7»',
  schoolShortName: 'СОШ № 7',
  lastName: 'Соколова',
  firstName: 'Ирина',
  middleName: 'Петровна',
  login: 'Admin7',
  password: 'длинный пароль',
};

describe.each(engines())('first-run setup on $name', (engine) => {
  it('creates the school and its administrator once; the administrator then signs in', async () => {
    const database = await freshDatabase(engine);
    const app = await testApp(database);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });

      const bad = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, login: 'адм ин', password: 'short' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual({
        login: 'Только латинские буквы, цифры, точка, дефис и подчёркивание.',
        password: 'Не короче 8 символов.',
      });
      const nul = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, schoolName: 'Школа\u0000' },
      });
      expect(nul.statusCode).toBe(400);
      expect(nul.json().fields).toEqual({ schoolName: 'Содержит недопустимые управляющие символы.' });
      const common = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, password: 'Пароль123' },
      });
      expect(common.statusCode).toBe(400);
      expect(common.json().fields).toEqual({
        password: 'Этот пароль слишком простой или часто встречается: придумайте другой.',
      });
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });

      const done = await app.inject({ method: 'POST', url: '/api/setup', payload: body });
      expect(done.statusCode).toBe(201);
      expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
      const again = await app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...body, login: 'other' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toBe('Первоначальная настройка уже выполнена.');

      const race = await Promise.all(
        ['a1', 'a2', 'a3'].map((login) =>
          app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, login } }),
        ),
      );
      expect(race.map((r) => r.statusCode)).toEqual([409, 409, 409]);

      const admin = await signIn(app, 'admin7', body.password);
      const me = (await admin.get('/api/me')).json();
      expect(me).toMatchObject({
        roles: ['admin'],
        mustChangePassword: false,
        person: { lastName: 'Соколова' },
      });
      expect(me.schools).toEqual([expect.objectContaining({ name: body.schoolName, shortName: 'СОШ № 7' })]);
      expect(me.abilities).toContain('staff.manage');

      const kinds = await database.db.selectFrom('workKinds').select(['name', 'weight']).execute();
      expect(kinds).toContainEqual({ name: 'Контрольная работа', weight: 2 });
      const audit = await database.db.selectFrom('auditEvents').select('action').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['school.created', 'person.created']);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe.each(engines())('concurrent first-run setups on $name', (engine) => {
  it('let exactly one through', async () => {
    const database = await freshDatabase(engine);
    const app = await testApp(database);
    try {
      const answers = await Promise.all(
        ['r1', 'r2', 'r3', 'r4'].map((login) =>
          app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, login } }),
        ),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
      const schools = await database.db.selectFrom('schools').select('id').execute();
      expect(schools.length).toBe(1);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
