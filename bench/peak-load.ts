/**
 * One load generator of the evening peak, run as a child process (`fork`) so the generators do
 * not share one event loop with each other or with the bench. It receives its share of parents and
 * teachers, drives them like a load balancer in front of the servers (round robin per request,
 * keep-alive sockets, a bounded number per server) and sends back every latency measured in the
 * window, from the request's start to its body's end.
 */
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';

/** A parent: their child's diary week path and their session cookie. */
export interface LoadParent {
  path: string;
  cookie: string;
}

/** A teacher: their session and the save bodies, used in order. */
export interface LoadTeacher {
  cookie: string;
  csrf: string;
  saves: string[];
}

/** What the bench sends a generator. Times are epoch milliseconds (shared by processes). */
export interface LoadPlan {
  servers: string[];
  parents: LoadParent[];
  teachers: LoadTeacher[];
  thinkMs: number;
  saveEveryMs: number;
  startAt: number;
  measureFrom: number;
  endAt: number;
  socketsPerServer: number;
}

/** Samples and statuses of one kind of request in the measured window. */
export interface LoadSamples {
  latencies: number[];
  statuses: Record<string, number>;
}

/** What a generator sends back. */
export interface LoadReport {
  diary: LoadSamples;
  saves: LoadSamples;
  /** Failures (any status but 200/304, socket errors) before the window, not in the rows. */
  warmupErrors: number;
  /** Saves answered 200 over the whole run, warm-up included (each inserted a mark). */
  savedTotal: number;
  /** Teachers who used up their cells before the end. */
  teachersOutOfCells: number;
  /** The first few failures: method, path, status and the start of the body or the socket error. */
  failures: string[];
}

interface Answer {
  status: number;
  etag: string | undefined;
  /** The body of a failed answer (kept only for those, to say why). */
  failure: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function send(
  agent: Agent,
  url: URL,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method, headers, timeout: 10_000 },
      (res) => {
        const status = res.statusCode ?? 0;
        let failure = '';
        res.on('data', (chunk: Buffer) => {
          if (status !== 200 && status !== 304 && failure.length < 300) failure += chunk.toString();
        });
        res.once('end', () => resolve({ status, etag: res.headers.etag, failure }));
        res.once('error', reject);
      },
    );
    req.once('timeout', () => req.destroy(new Error('timeout')));
    req.once('error', reject);
    req.end(body);
  });
}

/** Runs the plan to its end and returns the samples. */
export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const targets = plan.servers.map((server) => ({
    url: new URL(server),
    agent: new Agent({
      keepAlive: true,
      maxSockets: plan.socketsPerServer,
      maxFreeSockets: plan.socketsPerServer,
    }),
  }));
  let turn = 0;
  const next = () => targets[turn++ % targets.length]!;
  const report: LoadReport = {
    diary: { latencies: [], statuses: {} },
    saves: { latencies: [], statuses: {} },
    warmupErrors: 0,
    savedTotal: 0,
    teachersOutOfCells: 0,
    failures: [],
  };

  /** Sends one request and keeps its latency when it started in the window. */
  async function timed(
    into: LoadSamples,
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Answer> {
    const target = next();
    const startedAt = Date.now();
    const t = performance.now();
    let answer: Answer;
    let code: string;
    try {
      answer = await send(target.agent, target.url, method, path, headers, body);
      code = String(answer.status);
    } catch (error) {
      code = 'socket';
      answer = { status: 0, etag: undefined, failure: String(error) };
    }
    const ok = code === '200' || code === '304';
    if (!ok && report.failures.length < 5)
      report.failures.push(`${method} ${path} → ${code}: ${answer.failure.slice(0, 300)}`);
    if (startedAt >= plan.measureFrom) {
      into.latencies.push(performance.now() - t);
      into.statuses[code] = (into.statuses[code] ?? 0) + 1;
    } else if (!ok) report.warmupErrors++;
    return answer;
  }

  const parentLoop = async (parent: LoadParent) => {
    // Parents arrive spread over the warm-up (at least one think time), as an evening fills up.
    await sleep(
      plan.startAt + Math.random() * Math.max(plan.thinkMs, plan.measureFrom - plan.startAt) - Date.now(),
    );
    let etag: string | undefined;
    while (Date.now() < plan.endAt) {
      const headers: Record<string, string> = { cookie: parent.cookie };
      if (etag) headers['if-none-match'] = etag;
      const answer = await timed(report.diary, 'GET', parent.path, headers);
      if (answer.status === 200) etag = answer.etag;
      // Think 5 s ± 20 %, so parents never march in step.
      await sleep(plan.thinkMs * (0.8 + 0.4 * Math.random()));
    }
  };

  const teacherLoop = async (teacher: LoadTeacher) => {
    await sleep(plan.startAt + Math.random() * plan.saveEveryMs - Date.now());
    const headers = {
      cookie: teacher.cookie,
      'x-csrf-token': teacher.csrf,
      'content-type': 'application/json',
    };
    let cell = 0;
    while (Date.now() < plan.endAt) {
      const body = teacher.saves[cell++];
      if (body === undefined) {
        report.teachersOutOfCells++;
        return;
      }
      const started = Date.now();
      const answer = await timed(report.saves, 'POST', '/api/journal/marks', headers, body);
      if (answer.status === 200) report.savedTotal++;
      // One save every ~2 s from start to start (± 25 %), as a teacher typing down a column.
      await sleep(started + plan.saveEveryMs * (0.75 + 0.5 * Math.random()) - Date.now());
    }
  };

  try {
    await Promise.all([...plan.parents.map(parentLoop), ...plan.teachers.map(teacherLoop)]);
  } finally {
    for (const target of targets) target.agent.destroy();
  }
  return report;
}

// As a forked child: one plan in, one report out.
if (process.send && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.once('message', (plan: LoadPlan) => {
    runLoad(plan).then(
      (report) => process.send?.({ report }, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
    );
  });
  process.send({ ready: true });
}
