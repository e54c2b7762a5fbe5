/**
 * The diary week (`GET /api/diary/:studentId/week`) on seeded data, as many parents read it in the
 * evening: each parent signed in with their own session, reading their child's current week.
 * Latency one request at a time over a real loopback socket (cache miss, cached, 304), throughput
 * under autocannon against the same run's ceiling, 1,000 parents at once on 1,000 connections, and
 * a freshness check (a mark saved through the journal shows in the next read, also in another
 * server process).
 */
import autocannon from 'autocannon';
import { measureConcurrentParents } from './diary-concurrent.ts';
import type { DiaryParent, FreshnessTarget } from './diary-data.ts';
import { rowOf } from './diary-rows.ts';
import type { LoadSettings, Measurement } from './load.ts';

const weekPath = (studentId: number, date?: string) =>
  `/api/diary/${studentId}/week${date ? `?date=${date}` : ''}`;

/** Reads every parent's week once, one request at a time; keeps each ETag. */
async function sequentialPass(
  name: string,
  baseUrl: string,
  parents: DiaryParent[],
  etags: Map<number, string> | null,
  keep: Map<number, string>,
): Promise<Measurement> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  for (const parent of parents) {
    const headers: Record<string, string> = { cookie: parent.cookie };
    const etag = etags?.get(parent.studentId);
    if (etag) headers['if-none-match'] = etag;
    const t = performance.now();
    const response = await fetch(`${baseUrl}${weekPath(parent.studentId)}`, { headers });
    await response.arrayBuffer();
    latencies.push(performance.now() - t);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const got = response.headers.get('etag');
    if (got) keep.set(parent.studentId, got);
  }
  return rowOf(name, latencies, statuses, null);
}

/** Autocannon over the parents in turn, every other request with the ETag the parent holds. */
async function throughput(
  baseUrl: string,
  parents: DiaryParent[],
  etags: Map<number, string>,
  settings: LoadSettings,
): Promise<Measurement> {
  // autocannon's parser (http-parser-js) trusts a Content-Length on a 304 and waits for a body that
  // never comes; when the server sends one, the loaded mix goes without If-None-Match.
  const probe = parents[0];
  const probeTag = probe ? etags.get(probe.studentId) : undefined;
  let mixed = false;
  if (probe && probeTag) {
    const answer = await fetch(`${baseUrl}${weekPath(probe.studentId)}`, {
      headers: { cookie: probe.cookie, 'if-none-match': probeTag },
    });
    await answer.arrayBuffer();
    mixed = answer.status === 304 && (answer.headers.get('content-length') ?? '0') === '0';
  }
  let turn = 0;
  const run = (duration: number) =>
    autocannon({
      url: `${baseUrl}/`,
      duration,
      connections: settings.connections,
      timeout: 10,
      requests: [
        {
          setupRequest: (request) => {
            const n = turn++;
            const parent = parents[n % parents.length]!;
            const headers: Record<string, string> = { ...request.headers, cookie: parent.cookie };
            const etag = etags.get(parent.studentId);
            if (mixed && n % 2 === 1 && etag) headers['if-none-match'] = etag;
            return { ...request, method: 'GET', path: weekPath(parent.studentId), headers };
          },
        },
      ],
    });
  if (settings.warmup > 0) await run(settings.warmup);
  const latencies: number[] = [];
  const instance = run(settings.duration);
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = Number(count);
  if (result.errors > 0) statuses.socket = result.errors;
  return rowOf(
    `diary week, ${settings.connections} connections, ${parents.length} parents in turn, ${mixed ? 'half If-None-Match' : 'all 200 (the 304 has a Content-Length)'}`,
    latencies,
    statuses,
    result.duration > 0 ? latencies.length / result.duration : 0,
  );
}

/** What the freshness check saw. */
export interface Freshness {
  ok: boolean;
  detail: string;
}

async function readWeekOf(baseUrl: string, target: FreshnessTarget, etag?: string) {
  const headers: Record<string, string> = { cookie: target.reader.cookie };
  if (etag) headers['if-none-match'] = etag;
  const response = await fetch(`${baseUrl}${weekPath(target.reader.studentId, target.lessonDate)}`, {
    headers,
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag') ?? '', text };
}

function hasMark(text: string, lessonId: number): boolean {
  const week = JSON.parse(text) as {
    days: { lessons: { lessonId: number; marks: { value: string }[] }[] }[];
  };
  return week.days.some((d) =>
    d.lessons.some((l) => l.lessonId === lessonId && l.marks.some((m) => m.value === '5')),
  );
}

/**
 * Reads the week (cached, with its ETag) on the reading server, saves a mark through the journal
 * on the writing server, and reads again with the old ETag: the answer must be 200 with the mark,
 * then 304 with the new ETag. `readerUrl` may be another process on the same database.
 */
export async function checkFreshness(
  writerUrl: string,
  readerUrl: string,
  target: FreshnessTarget,
): Promise<Freshness> {
  const before = await readWeekOf(readerUrl, target);
  if (before.status !== 200) return { ok: false, detail: `first read ${before.status}` };
  if (hasMark(before.text, target.lessonId))
    return { ok: false, detail: 'the mark was there before the write' };
  const cached = await readWeekOf(readerUrl, target, before.etag);
  if (cached.status !== 304)
    return { ok: false, detail: `repeat read with its ETag: ${cached.status}, not 304` };
  const saved = await fetch(`${writerUrl}/api/journal/marks`, {
    method: 'POST',
    headers: {
      cookie: target.teacher.cookie,
      'x-csrf-token': target.teacher.csrf,
      'content-type': 'application/json',
    },
    body: target.markBody,
  });
  const savedText = await saved.text();
  if (saved.status !== 200)
    return { ok: false, detail: `mark save ${saved.status} ${savedText.slice(0, 200)}` };
  const after = await readWeekOf(readerUrl, target, before.etag);
  if (after.status !== 200)
    return { ok: false, detail: `read after the write: ${after.status} (stale ETag accepted)` };
  if (!hasMark(after.text, target.lessonId))
    return { ok: false, detail: 'read after the write lacks the mark (stale cache)' };
  const again = await readWeekOf(readerUrl, target, after.etag);
  if (again.status !== 304) return { ok: false, detail: `read with the new ETag: ${again.status}, not 304` };
  return { ok: true, detail: 'mark saved → next read 200 with the mark → then 304' };
}

/** The diary rows of the report. */
export interface DiaryResult {
  rows: Measurement[];
  etags: Map<number, string>;
}

/**
 * Measures the week against a running server: a cache-miss pass, a cached pass and a 304 pass
 * over every parent (one request at a time), autocannon throughput, then `concurrent` parents at
 * once on their own connections for `concurrentSeconds`.
 */
export async function measureDiary(
  baseUrl: string,
  parents: DiaryParent[],
  settings: LoadSettings,
  concurrentSeconds: number,
  size: string,
): Promise<DiaryResult> {
  const etags = new Map<number, string>();
  const n = parents.length.toLocaleString('en').replace(/,/g, ' ');
  const miss = await sequentialPass(
    `diary week, first read (cache miss), ${n} students; ${size}`,
    baseUrl,
    parents,
    null,
    etags,
  );
  const warm = await sequentialPass(
    `diary week, warm (cached body, 200), ${n} students`,
    baseUrl,
    parents,
    null,
    etags,
  );
  const notModified = await sequentialPass(
    `diary week, If-None-Match → 304, ${n} students`,
    baseUrl,
    parents,
    etags,
    etags,
  );
  const loaded = await throughput(baseUrl, parents, etags, settings);
  const concurrent = await measureConcurrentParents(baseUrl, parents, concurrentSeconds);
  return { rows: [miss, warm, notModified, loaded, concurrent], etags };
}
