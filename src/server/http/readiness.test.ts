import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { openDatabase } from '../db/database.ts';

describe.each(engines())('GET /api/ready on $name', (engine) => {
  it('answers ready, without a session, when the database is at this code’s schema', async () => {
    const database = await engine.open();
    const app = await testApp(database);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ready', database: engine.name, migrations: 'current' });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 in Russian and in English while a migration is not applied; health stays 200', async () => {
    const database = await freshDatabase(engine);
    const app = await testApp(database);
    try {
      await sql`delete from kysely_migration where name = ${'0008-backups'}`.execute(database.db);
      const ru = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ru.statusCode).toBe(503);
      expect(ru.json()).toMatchObject({
        error: 'unavailable',
        message:
          'Схема базы данных устарела: не применены миграции 0008-backups. Выполните «otmetka migrate» или перезапустите сервер.',
      });
      const en = await app.inject({ method: 'GET', url: '/api/ready', headers: { 'accept-language': 'en' } });
      expect(en.statusCode).toBe(503);
      expect(en.json().message).toBe(
        'The database schema is out of date: migrations 0008-backups are not applied. Run “otmetka migrate” or restart the server.',
      );
      // Alive but not ready: the process answers, it should just not be sent traffic yet.
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 when the database does not answer', async () => {
    // SQLite: a closed file; PostgreSQL: a server that is not there.
    const database =
      engine.name === 'sqlite' ? await engine.open() : openDatabase('postgres://otmetka@127.0.0.1:9/gone');
    const app = await testApp(database);
    try {
      if (engine.name === 'sqlite') await database.close();
      const res = await app.inject({
        method: 'GET',
        url: '/api/ready',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        error: 'unavailable',
        message: 'The database is unavailable. Please try again later.',
      });
    } finally {
      await app.close();
      if (engine.name === 'postgres') await database.close();
    }
  });
});
