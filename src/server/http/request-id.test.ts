import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/databases.ts';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { Database } from '../db/database.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  let database: Database;
  let app: FastifyInstance;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    database = await engines()[0]!.open();
    const logStream = new PassThrough();
    let rest = '';
    logStream.on('data', (chunk) => {
      const text = rest + String(chunk);
      const complete = text.split('\n');
      rest = complete.pop()!;
      for (const line of complete) lines.push(JSON.parse(line));
    });
    app = await buildApp(database, readConfig({ LOG_LEVEL: 'info', WEB_DIR: 'test/no-web' }), { logStream });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('sends the id of an error body as x-request-id, and every log line of that request names it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(uuid);
    expect(res.json().requestId).toBe(id);
    const ours = lines.filter((l) => l.reqId === id);
    expect(ours.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    // Every request line of the log carries some request's id.
    const requestLines = lines.filter((l) => l.req !== undefined || l.res !== undefined);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(typeof line.reqId).toBe('string');
  });

  it('puts the id on successful answers and on answers to malformed addresses too', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/health' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-request-id']).toMatch(uuid);
    const bad = await app.inject({ method: 'GET', url: '/api/students/%zz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['x-request-id']).toBe(bad.json().requestId);
  });

  it('keeps a proxy’s sane x-request-id and replaces anything else with a fresh id', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { 'x-request-id': 'nginx-abc_123' },
    });
    expect(kept.headers['x-request-id']).toBe('nginx-abc_123');
    expect(kept.json().requestId).toBe('nginx-abc_123');
    expect(lines.some((l) => l.reqId === 'nginx-abc_123' && l.msg === 'request completed')).toBe(true);
    for (const forged of ['a'.repeat(65), 'abc def', 'x"}{"admin":true', 'имя']) {
      const res = await app.inject({ method: 'GET', url: '/api/me', headers: { 'x-request-id': forged } });
      expect(res.headers['x-request-id'], forged).toMatch(uuid);
      expect(res.json().requestId).toBe(res.headers['x-request-id']);
    }
    const longest = 'b'.repeat(64);
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': longest } });
    expect(res.headers['x-request-id']).toBe(longest);
  });
});
