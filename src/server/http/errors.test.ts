import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

describe.each(engines())('unexpected errors on $name', (engine) => {
  it('answer 500 without internals and log the error with the request id', async () => {
    const database = await engine.open();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(database, readConfig({ LOG_LEVEL: 'error', WEB_DIR: 'test/no-web' }), {
      logStream,
    });
    await database.close();
    try {
      const res = await app.inject({
        method: 'GET',
        url: '/api/setup',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body).toEqual({
        error: 'internal',
        message: 'Internal server error. It has been logged; please try again later.',
        requestId: expect.any(String),
      });
      expect(res.body).not.toMatch(/destroy|Error|at /);
      const logged = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unexpected error');
      expect(logged).toMatchObject({ level: 50, requestId: body.requestId });
      expect(logged.err.stack).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});

describe.each(engines())('health on $name', (engine) => {
  it('says 503 in words when the database is gone', async () => {
    const database = await engine.open();
    const app = await buildApp(database, readConfig({ LOG_LEVEL: 'silent', WEB_DIR: 'test/no-web' }));
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
        status: 'ok',
        database: engine.name,
        backupsConfigured: false,
        backups: [],
      });
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        error: 'unavailable',
        message: 'База данных недоступна. Повторите попытку позже.',
      });
    } finally {
      await app.close();
    }
  });
});
