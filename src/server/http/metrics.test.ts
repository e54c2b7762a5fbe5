import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { engines, freshDatabase } from '../../../test/databases.ts';
import { buildPerson, buildSchool } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';

/** One sample line of the exposition: name, labels as written, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the text exposition, failing on any line that is not a comment or a well-formed sample. */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[name!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

const sampled = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

async function scrape(app: FastifyInstance, headers: Record<string, string> = {}): Promise<Sample[]> {
  const res = await app.inject({ method: 'GET', url: '/metrics', headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parse(res.body);
}

describe.each(engines())('GET /metrics on $name', (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    // A database of its own: the gauges count rows, and nothing else writes here.
    database = await freshDatabase(engine);
    app = await testApp(database, { BACKUP_DIRS: '/mnt/nas,/mnt/usb,/media/new-stick' });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('counts a request under its route pattern, never the raw address', async () => {
    const labels = { method: 'GET', route: '/api/students/:id', status: '401' };
    const before = sampled(await scrape(app), 'otmetka_http_requests_total', labels);
    await app.inject({ method: 'GET', url: '/api/students/987654' });
    await app.inject({ method: 'GET', url: '/api/no-such-route-4242' });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    const after = parse(res.body);
    expect(sampled(after, 'otmetka_http_requests_total', labels)).toBe(before + 1);
    expect(
      sampled(after, 'otmetka_http_requests_total', { route: 'unmatched', status: '404' }),
    ).toBeGreaterThan(0);
    expect(res.body).not.toContain('987654');
    expect(res.body).not.toContain('no-such-route-4242');
  });

  it('writes cumulative histogram buckets ending in +Inf = _count, with _sum, for requests and queries', async () => {
    await app.inject({ method: 'GET', url: '/api/ready' });
    const samples = await scrape(app);
    for (const family of ['otmetka_http_request_duration_seconds', 'otmetka_db_query_duration_seconds']) {
      const counts = samples.filter((s) => s.name === `${family}_count`);
      expect(counts.length, family).toBeGreaterThan(0);
      for (const count of counts) {
        const same = (s: Sample) => Object.entries(count.labels).every(([k, v]) => s.labels[k] === v);
        const buckets = samples.filter((s) => s.name === `${family}_bucket` && same(s));
        expect(buckets.map((b) => b.labels.le)).toEqual([
          ...['0.005', '0.01', '0.025', '0.05', '0.1', '0.25', '0.5', '1', '2.5', '5'],
          '+Inf',
        ]);
        for (let i = 1; i < buckets.length; i++)
          expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
        expect(buckets.at(-1)!.value).toBe(count.value);
        expect(samples.filter((s) => s.name === `${family}_sum` && same(s))).toHaveLength(1);
      }
    }
    const ready = { method: 'GET', route: '/api/ready' };
    expect(sampled(samples, 'otmetka_http_request_duration_seconds_count', ready)).toBeGreaterThan(0);
  });

  it('times the database queries a request makes', async () => {
    const name = 'otmetka_db_query_duration_seconds_count';
    const before = sampled(await scrape(app), name, { engine: engine.name });
    await app.inject({ method: 'GET', url: '/api/ready' });
    expect(sampled(await scrape(app), name, { engine: engine.name })).toBeGreaterThan(before);
  });

  it('reads the outbox, the print queue and the backups from the tables', async () => {
    const db = database.db;
    const { schoolId } = await buildSchool(db);
    const person = await buildPerson(db, { schoolId, roles: ['teacher'] });
    const at = new Date().toISOString();
    // Every row names every column: a multi-row insert on SQLite writes NULL, not the default, for a missing one.
    const letter = {
      schoolId,
      personId: null,
      channel: 'email' as const,
      address: 'a@example.test',
      status: 'pending' as const,
    };
    await db
      .insertInto('outbox')
      .values([
        { ...letter, kind: 'message', subject: 'Тема', body: 'Текст', dedupeKey: 'metrics:1', dueAt: at },
        { ...letter, kind: 'message', subject: 'Тема', body: 'Текст', dedupeKey: 'metrics:2', dueAt: at },
        {
          ...letter,
          kind: 'message',
          subject: 'Тема',
          body: '',
          dedupeKey: 'metrics:3',
          dueAt: at,
          status: 'sent',
        },
      ])
      .execute();
    const job = {
      schoolId,
      requestedBy: person.id,
      kind: 'classJournal',
      params: '{}',
      lang: 'ru',
      status: 'queued' as const,
    };
    await db
      .insertInto('printJobs')
      .values([job, { ...job, status: 'done' }])
      .execute();
    const runs = await db
      .insertInto('backupRuns')
      .values([
        { trigger: 'cli', status: 'ok', error: null },
        { trigger: 'cli', status: 'ok', error: null },
        { trigger: 'manual', status: 'failed', error: 'диск заполнен' },
        { trigger: 'manual', status: 'running', error: null },
      ])
      .returning('id')
      .execute();
    const copy = { runId: runs[0]!.id, path: '/b/otmetka.otb', status: 'ok' as const };
    await db
      .insertInto('backupCopies')
      .values([
        { ...copy, destination: '/mnt/nas', createdAt: '2026-11-27T01:00:00.000Z' },
        { ...copy, destination: '/mnt/nas', createdAt: '2026-11-28T01:00:00.000Z' },
        { ...copy, destination: '/mnt/nas', createdAt: '2026-11-29T01:00:00.000Z', status: 'failed' },
        { ...copy, destination: '/mnt/usb', createdAt: '2026-11-20T01:00:00.000Z' },
      ])
      .execute();

    const samples = await scrape(app);
    expect(sampled(samples, 'otmetka_outbox_pending')).toBe(2);
    expect(sampled(samples, 'otmetka_print_jobs_queued')).toBe(1);
    const last = 'otmetka_backup_last_success_timestamp_seconds';
    expect(sampled(samples, last, { destination: 'nas' })).toBe(Date.parse('2026-11-28T01:00:00Z') / 1000);
    expect(sampled(samples, last, { destination: 'usb' })).toBe(Date.parse('2026-11-20T01:00:00Z') / 1000);
    // A configured destination without a good copy reads 0 (an age alert fires); no path is shown.
    expect(samples.filter((s) => s.name === last && s.labels.destination === 'new-stick')).toEqual([
      { name: last, labels: { destination: 'new-stick' }, value: 0 },
    ]);
    expect(samples.some((s) => s.name === last && s.labels.destination?.includes('/'))).toBe(false);
    expect(sampled(samples, 'otmetka_backup_runs_total', { status: 'ok' })).toBe(2);
    expect(sampled(samples, 'otmetka_backup_runs_total', { status: 'failed' })).toBe(1);
    expect(samples.some((s) => s.name === 'otmetka_backup_runs_total' && s.labels.status === 'running')).toBe(
      false,
    );
    expect(sampled(samples, 'otmetka_up')).toBe(1);
    expect(sampled(samples, 'otmetka_process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(samples.some((s) => s.name === 'otmetka_event_loop_lag_seconds' && s.value >= 0)).toBe(true);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789';
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await engines()[0]!.open();
    app = await testApp(database, { METRICS_TOKEN: token });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('refuses without the token or with another one, in Russian and English, and answers with it', async () => {
    const none = await app.inject({ method: 'GET', url: '/metrics' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({
      error: 'unauthenticated',
      message: 'Для /metrics нужен заголовок Authorization: Bearer с токеном METRICS_TOKEN.',
    });
    expect(none.body).not.toContain('otmetka_up');
    const wrong = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}x`, 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe(
      '/metrics requires an Authorization: Bearer header with the METRICS_TOKEN token.',
    );
    const samples = await scrape(app, { authorization: `Bearer ${token}` });
    expect(sampled(samples, 'otmetka_up')).toBe(1);
  });

  it('reports an event loop blocked for 150 ms as lag since the previous scrape', async () => {
    const auth = { authorization: `Bearer ${token}` };
    await scrape(app, auth);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = Date.now();
    while (Date.now() - start < 150) {
      // Busy: nothing else runs, as in a request that computes too long.
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    const lag = sampled(await scrape(app, auth), 'otmetka_event_loop_lag_seconds');
    expect(lag).toBeGreaterThanOrEqual(0.1);
    expect(lag).toBeLessThan(1);
  });

  it('is left out of the API document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/metrics');
    expect(Object.keys(doc.paths)).toContain('/api/ready');
  });
});
