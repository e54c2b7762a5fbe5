import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { redactUrl } from './log-redaction.ts';

describe('redactUrl', () => {
  it('hides the token of a calendar address, keeping the rest', () => {
    expect(redactUrl('/api/calendar/AbC-123_xyz')).toBe('/api/calendar/…');
    expect(redactUrl('/api/calendar/AbC-123_xyz?x=1')).toBe('/api/calendar/…?x=1');
  });

  it('leaves other addresses alone', () => {
    expect(redactUrl('/api/diary/5/calendar')).toBe('/api/diary/5/calendar');
    expect(redactUrl('/api/me')).toBe('/api/me');
  });
});

describe.each(engines())('the request log on $name', (engine) => {
  it('never holds a calendar address’s secret', async () => {
    const database = await engine.open();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp(database, readConfig({ LOG_LEVEL: 'info', WEB_DIR: 'test/no-web' }), {
      logStream,
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/calendar/s3cretTokenValue' });
      expect(res.statusCode).toBe(404);
      expect(lines.some((l) => l.includes('/api/calendar/…'))).toBe(true);
      expect(lines.join('\n')).not.toContain('s3cretTokenValue');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
