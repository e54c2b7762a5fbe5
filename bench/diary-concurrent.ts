/**
 * Many parents at once, each on their own keep-alive connection with their own session cookie
 * (autocannon shares its requests between connections, so this is a plain node:http loop): every
 * parent reads their child's week again and again, every other time with the ETag they got (a
 * refresh) and otherwise without (a new tab), for a fixed time. Every status but 200 and 304, and every socket error, is an error.
 */
import { Agent, request } from 'node:http';
import type { DiaryParent } from './diary-data.ts';
import { rowOf } from './diary-rows.ts';
import type { Measurement } from './load.ts';

function get(
  agent: Agent,
  url: URL,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'GET', headers, timeout: 10_000 },
      (res) => {
        res.on('data', () => {});
        res.once('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag }));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end();
  });
}

/**
 * Runs every parent's loop for `seconds` on one connection each; returns one row with total
 * responses, their latencies, statuses (`socket` for connection errors) and responses per second.
 */
export async function measureConcurrentParents(
  baseUrl: string,
  parents: DiaryParent[],
  seconds: number,
): Promise<Measurement> {
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const end = started + seconds * 1000;
  const loops = parents.map(async (parent) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const path = `/api/diary/${parent.studentId}/week`;
    let etag: string | undefined;
    let turn = 0;
    try {
      while (performance.now() < end) {
        const headers: Record<string, string> = { cookie: parent.cookie };
        if (etag && turn++ % 2 === 1) headers['if-none-match'] = etag;
        const t = performance.now();
        try {
          const answer = await get(agent, url, path, headers);
          latencies.push(performance.now() - t);
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          etag = answer.etag ?? etag;
        } catch {
          statuses.socket = (statuses.socket ?? 0) + 1;
        }
      }
    } finally {
      agent.destroy();
    }
  });
  await Promise.all(loops);
  const elapsed = (performance.now() - started) / 1000;
  const n = parents.length.toLocaleString('en').replace(/,/g, ' ');
  return rowOf(
    `diary week, ${n} parents at once (own connection and session each, ${seconds} s)`,
    latencies,
    statuses,
    latencies.length / elapsed,
  );
}
