import { parseArgs } from 'node:util';

/** What one bench run measures and against which database. */
export interface BenchOptions {
  /** Seconds of measured load per scenario. */
  duration: number;
  /** Seconds of unmeasured load before each scenario, so the JIT and caches are warm. */
  warmup: number;
  connections: number;
  /** A postgres:// server to benchmark on (the bench creates its own database there); SQLite if absent. */
  database: string | undefined;
  /** How many times the server is cold-started. */
  coldStarts: number;
  /** Schools of the district the diary is measured on (issue #5: 30). */
  diarySchools: number;
  /** Parents signed in at once for the diary. */
  diaryParents: number;
  /** A database already seeded with a district (SQLite file or postgres:// URL): no seeding. */
  diaryDatabase: string | undefined;
  /**
   * Schools of the district the control reports (issue #6) are timed on, seeded with a whole
   * year of journals; 0: the diary's district (its year up to today) instead.
   */
  reportsSchools: number;
  /** Timed runs of each report after one warm-up run. */
  reportsRuns: number;
  /** A database already seeded for the reports (SQLite file or postgres:// URL): no seeding. */
  reportsDatabase: string | undefined;
  /** `school`: the demo school (and the districts above); `district`: every scenario on a district, both engines. */
  scale: 'school' | 'district';
  /** `--scale district`: schools of the district seeded when no database is given (issue #10: 30). */
  schools: number;
  /** `--scale district`: a SQLite file seeded before (`npm run seed -- --schools N`): no seeding. */
  districtSqlite: string | undefined;
  /** `--scale district`: a postgres:// database seeded before: no seeding. */
  districtPostgres: string | undefined;
  /** The evening peak (issue #10): parent sessions reading diaries, teachers saving marks. */
  peak: { parents: number; teachers: number; thinkSeconds: number; durationSeconds: number };
}

/** `npm run bench -- --help`. */
export const usage = `npm run bench -- [options]

  --duration <s>      seconds of load per scenario (default 10; --quick: 2)
  --warmup <s>        seconds of unmeasured load before each scenario (default 1; --quick: 0)
  --connections <n>   concurrent connections (default 10)
  --database <url>    postgres://… server to benchmark PostgreSQL on (or BENCH_DATABASE_URL);
                      the bench creates and drops its own database there. SQLite by default.
  --cold-starts <n>   how many times the server is cold-started (default 3)
  --diary-schools <n> schools of the district the diary is measured on (default 30; --quick: 1);
                      seeding 30 takes ≈2.5 min on a quiet machine
  --diary-parents <n> parents signed in for the diary, all at once on their own connections
                      (default 1000; --quick: 50)
  --diary-database <url-or-file>
                      a database seeded before (npm run seed -- --schools 30): the diary uses it
                      instead of seeding (it adds accounts and sessions for the parents)
  --reports-schools <n>
                      schools of the district the control reports are timed on, seeded with a
                      whole year of journals (default 1; --quick: 0 = the diary's district, its
                      year up to today, no extra seeding); for 30 see docs/BENCHMARKS.md
  --reports-runs <n>  timed runs of each report after a warm-up run (default 5; --quick: 1)
  --reports-database <url-or-file>
                      a database seeded before for the reports instead of seeding
  --quick             short run: 2 s per scenario, no warm-up

  --scale district    every scenario above on a district, on SQLite and on PostgreSQL in one run,
                      with one ceiling, then the evening peak on PostgreSQL; prints one table with
                      both engines side by side. PostgreSQL runs when --district-postgres,
                      --database or BENCH_DATABASE_URL is given, else its columns say «not run».
                      --diary-parents, --reports-runs and the load options apply; the diary's and
                      the reports' own districts (--diary-*, --reports-schools/-database) do not
  --schools <n>       schools of the district seeded into scratch databases (default 30; --quick: 1);
                      the PostgreSQL one is made on the server of --database / BENCH_DATABASE_URL
  --district-sqlite <file>
                      a SQLite district seeded before (npm run seed -- --schools 30): no seeding
  --district-postgres <url>
                      a PostgreSQL district database seeded before: no seeding
  --peak-parents <n>  evening peak: parent sessions (default 5000; --quick: 200); the district
                      must have that many parents (≈1,500 a school)
  --peak-teachers <n> evening peak: teachers saving marks (default 100; --quick: 10)
  --peak-think <s>    evening peak: each parent's think time (default 5)
  --peak-duration <s> evening peak: seconds measured (default 60; --quick: 10)
`;

function positive(name: string, text: string | undefined, fallback: number, integer = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (integer && (!Number.isInteger(value) || value < 1))) {
    throw new Error(
      `--${name}: expected ${integer ? 'a positive integer' : 'a number of seconds'}, got ${text}`,
    );
  }
  return value;
}

/** Reads the command line (and `BENCH_DATABASE_URL`); returns null when only help was asked for. */
export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'cold-starts': { type: 'string' },
      'diary-schools': { type: 'string' },
      'diary-parents': { type: 'string' },
      'diary-database': { type: 'string' },
      'reports-schools': { type: 'string' },
      'reports-runs': { type: 'string' },
      'reports-database': { type: 'string' },
      database: { type: 'string' },
      scale: { type: 'string' },
      schools: { type: 'string' },
      'district-sqlite': { type: 'string' },
      'district-postgres': { type: 'string' },
      'peak-parents': { type: 'string' },
      'peak-teachers': { type: 'string' },
      'peak-think': { type: 'string' },
      'peak-duration': { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const database = values.database ?? (env.BENCH_DATABASE_URL || undefined);
  if (database !== undefined && !/^postgres(ql)?:\/\//.test(database)) {
    throw new Error('--database: expected a postgres:// URL (SQLite is the default and needs no option)');
  }
  const scale = values.scale ?? 'school';
  if (scale !== 'school' && scale !== 'district') {
    throw new Error(`--scale: expected school or district, got ${scale}`);
  }
  const districtPostgres = values['district-postgres'] || undefined;
  if (districtPostgres !== undefined && !/^postgres(ql)?:\/\//.test(districtPostgres)) {
    throw new Error('--district-postgres: expected a postgres:// URL of a seeded database');
  }
  const districtSqlite = values['district-sqlite'] || undefined;
  if (districtSqlite !== undefined && /^postgres(ql)?:\/\//.test(districtSqlite)) {
    throw new Error('--district-sqlite: expected a SQLite file, got a postgres:// URL');
  }
  const duration = positive('duration', values.duration, values.quick ? 2 : 10);
  if (duration <= 0) throw new Error('--duration must be above 0');
  return {
    duration,
    warmup: positive('warmup', values.warmup, values.quick ? 0 : 1),
    connections: positive('connections', values.connections, 10, true),
    database,
    coldStarts: positive('cold-starts', values['cold-starts'], 3, true),
    diarySchools: positive('diary-schools', values['diary-schools'], values.quick ? 1 : 30, true),
    diaryParents: positive('diary-parents', values['diary-parents'], values.quick ? 50 : 1000, true),
    diaryDatabase: values['diary-database'] || undefined,
    reportsSchools:
      values['reports-schools'] === '0'
        ? 0
        : positive('reports-schools', values['reports-schools'], values.quick ? 0 : 1, true),
    reportsRuns: positive('reports-runs', values['reports-runs'], values.quick ? 1 : 5, true),
    reportsDatabase: values['reports-database'] || undefined,
    scale,
    schools: positive('schools', values.schools, values.quick ? 1 : 30, true),
    districtSqlite,
    districtPostgres,
    peak: {
      parents: positive('peak-parents', values['peak-parents'], values.quick ? 200 : 5000, true),
      teachers: positive('peak-teachers', values['peak-teachers'], values.quick ? 10 : 100, true),
      thinkSeconds: positive('peak-think', values['peak-think'], 5),
      durationSeconds: positive('peak-duration', values['peak-duration'], values.quick ? 10 : 60),
    },
  };
}
