import { createHash, timingSafeEqual } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from './app-error.ts';
import { scrapeTables } from './metrics.queries.ts';
import { dbQueryDuration, family, httpDuration, httpRequests } from './metrics.ts';

/** The event loop's delay is sampled every this many milliseconds (its floor, subtracted). */
const loopResolutionMs = 20;
let loopDelay: ReturnType<typeof monitorEventLoopDelay> | undefined;

/** The route a request matched as its pattern (`/api/journal/:courseId`), never the raw URL. */
export function routeLabel(request: FastifyRequest): string {
  return request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function authorized(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  return timingSafeEqual(digest(given), digest(token));
}

function processFamilies(): string {
  // The delay histogram records the time between its timer's ticks: the resolution is the floor.
  const p99 = loopDelay ? Math.max(0, loopDelay.percentile(99) / 1e6 - loopResolutionMs) / 1000 : 0;
  loopDelay?.reset();
  return [
    family('otmetka_up', 'gauge', 'The server answers.', [{ value: 1 }]),
    family('otmetka_process_resident_memory_bytes', 'gauge', 'Resident memory of the process.', [
      { value: process.memoryUsage.rss() },
    ]),
    family(
      'otmetka_event_loop_lag_seconds',
      'gauge',
      'The 99th percentile of the event loop delay since the previous scrape.',
      [{ value: Number.isFinite(p99) ? p99 : 0 }],
    ),
  ].join('');
}

/** The whole exposition: the process, HTTP and database query metrics, then the tables' figures. */
async function exposition(request: FastifyRequest, database: Database, config: Config): Promise<string> {
  let tables = '';
  try {
    tables = await scrapeTables(database.db, config.backup.dirs);
  } catch (error) {
    // An unreachable database still leaves the process metrics worth scraping.
    request.log.warn({ err: error }, 'metrics: database figures unavailable');
  }
  return [
    processFamilies(),
    httpRequests.render(),
    httpDuration.render(),
    dbQueryDuration.render(),
    tables,
  ].join('');
}

/**
 * Counts and times every answer, and serves `GET /metrics` in Prometheus text format (outside the
 * API document: it is not JSON). With METRICS_TOKEN set it asks for `Authorization: Bearer <token>`.
 */
export function registerMetrics(app: FastifyInstance, database: Database, config: Config): void {
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
    loopDelay.enable();
  }
  app.addHook('onResponse', async (request, reply) => {
    const route = routeLabel(request);
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (config.metricsToken !== null && !authorized(request, config.metricsToken))
      throw new AppError('unauthenticated', 'metricsToken');
    reply.header('cache-control', 'no-store');
    return reply
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(await exposition(request, database, config));
  });
}
