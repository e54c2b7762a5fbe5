import { sql } from 'kysely';
import type { Db } from '../access/actor.ts';
import { chainKeyOf } from './chain.ts';
import {
  type AuditProblem,
  type ChainEvent,
  type ChainHead,
  ChainWalker,
  ProblemList,
} from './verify-chain.ts';
import { verifyJournal } from './verify-journal.ts';

/** Events of a chain read at once. */
const pageSize = 2000;
/** How many times the walk goes on when the head moved past what it read (writes meanwhile). */
const catchUps = 5;

/** What the check found in one chain (a school's, or chain 0 for events of no school). */
export interface ChainReport {
  chainKey: number;
  schoolId: number | null;
  /** Events read in the chain. */
  events: number;
  /** Marks, attendance entries and period marks compared with their history (school chains). */
  rows: number;
  head: ChainHead | null;
  /** When the last event of the chain was written. */
  lastAt: string | null;
  /** All problems found; `problems` keeps the first ones. */
  problemCount: number;
  problems: AuditProblem[];
}

const schoolOf = (chainKey: number): number | null => (chainKey === 0 ? null : chainKey);

function chainEvents(db: Db, chainKey: number) {
  return db
    .selectFrom('auditEvents')
    .select([
      'id',
      'schoolId',
      'seq',
      'at',
      'actorId',
      'actorKind',
      'action',
      'entity',
      'entityId',
      'before',
      'after',
      'ip',
      'requestId',
      'prevHash',
      'hash',
    ])
    .where(sql<number>`coalesce(${sql.ref('schoolId')}, 0)`, '=', chainKey);
}

async function headOf(db: Db, chainKey: number): Promise<ChainHead | null> {
  const head = await db
    .selectFrom('auditHeads')
    .select(['seq', 'hash'])
    .where('chainKey', '=', chainKey)
    .executeTakeFirst();
  return head ?? null;
}

/**
 * Walks one chain in (seq, id) order, a page at a time. When the head is past the last event read
 * (events written during the walk), it reads on; what is still missing then was cut off.
 */
async function walkChain(db: Db, chainKey: number, walker: ChainWalker): Promise<ChainHead | null> {
  // Below any seq (they start at 1), within a 32-bit integer.
  let seq = -2_147_483_648;
  let id = 0;
  for (let round = 0; ; round += 1) {
    for (;;) {
      const page: ChainEvent[] = await chainEvents(db, chainKey)
        .where('seq', '>=', seq)
        .where((eb) => eb.or([eb('seq', '>', seq), eb('id', '>', id)]))
        .orderBy('seq')
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (page.length === 0) break;
      walker.push(page);
      ({ seq, id } = page.at(-1)!);
      if (page.length < pageSize) break;
    }
    const head = await headOf(db, chainKey);
    if (!head || head.seq <= seq || round >= catchUps) return head;
  }
}

/** Verifies one chain and, for a school, its journal against the history. */
export async function verifyChain(db: Db, chainKey: number): Promise<ChainReport> {
  const problems = new ProblemList();
  const walker = new ChainWalker(problems);
  const head = await walkChain(db, chainKey, walker);
  walker.finish(head);
  const schoolId = schoolOf(chainKey);
  const rows = schoolId === null ? 0 : await verifyJournal(db, schoolId, problems);
  return {
    chainKey,
    schoolId,
    events: walker.checked,
    rows,
    head,
    lastAt: walker.lastAt,
    problemCount: problems.count,
    problems: problems.items,
  };
}

/** The chains there are: every school's, and chain 0 when it has a head or events. */
async function allChains(db: Db): Promise<number[]> {
  const [heads, schools, loose] = await Promise.all([
    db.selectFrom('auditHeads').select('chainKey').execute(),
    db.selectFrom('schools').select('id').execute(),
    db.selectFrom('auditEvents').select('id').where('schoolId', 'is', null).limit(1).execute(),
  ]);
  const keys = new Set([...heads.map((h) => h.chainKey), ...schools.map((s) => s.id)]);
  if (loose.length) keys.add(0);
  return [...keys].sort((a, b) => a - b);
}

/**
 * Verifies the audit history: of one school (its chain and its journal), or of the whole
 * installation, chain by chain. Reads in pages; holds no more than a page and the problems.
 */
export async function verifyAudit(db: Db, options: { schoolId?: number } = {}): Promise<ChainReport[]> {
  const keys = options.schoolId === undefined ? await allChains(db) : [chainKeyOf(options.schoolId)];
  const reports: ChainReport[] = [];
  for (const key of keys) reports.push(await verifyChain(db, key));
  return reports;
}
