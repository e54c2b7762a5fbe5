import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { enqueue, twin } from '../notify/outbox.ts';

/** An administrator an alert goes to, through their school's outbox. */
interface Admin {
  personId: number;
  schoolId: number;
  email: string;
}

/** Every active school administrator with an e-mail address (live school, role not revoked). */
export async function backupAdmins(db: Kysely<DB>): Promise<Admin[]> {
  const rows = await db
    .selectFrom('roleAssignments')
    .innerJoin('persons', 'persons.id', 'roleAssignments.personId')
    .innerJoin('schools', 'schools.id', 'roleAssignments.schoolId')
    .select(['persons.id as personId', 'roleAssignments.schoolId', 'persons.email'])
    .where('roleAssignments.role', '=', 'admin')
    .where('roleAssignments.revokedAt', 'is', null)
    .where('persons.archivedAt', 'is', null)
    .where('schools.archivedAt', 'is', null)
    .where('persons.email', 'is not', null)
    .orderBy('persons.id')
    .execute();
  const seen = new Set<number>();
  const out: Admin[] = [];
  for (const r of rows) {
    if (r.schoolId === null || r.email === null || r.email.trim() === '' || seen.has(r.personId)) continue;
    seen.add(r.personId);
    out.push({ personId: r.personId, schoolId: r.schoolId, email: r.email.trim() });
  }
  return out;
}

async function queueToAdmins(
  db: Kysely<DB>,
  letter: { kind: string; key: string; subject: string; body: string },
  now: Date,
): Promise<number> {
  const admins = await backupAdmins(db);
  for (const admin of admins) {
    await enqueue(db, {
      schoolId: admin.schoolId,
      personId: admin.personId,
      channel: 'email',
      address: admin.email,
      kind: letter.kind,
      subject: letter.subject,
      body: letter.body,
      dedupeKey: `${letter.key}:${admin.personId}`,
      recheck: null,
      dueAt: now.toISOString(),
    });
  }
  return admins.length;
}

/** Queues «the backup failed» to every administrator, once per run; answers how many were queued. */
export async function alertBackupFailed(
  db: Kysely<DB>,
  run: { runId: number; errors: string[] },
  now: Date = new Date(),
): Promise<number> {
  const lines = run.errors.map((e) => `• ${e}`).join('\n');
  return queueToAdmins(
    db,
    {
      kind: 'backup-failed',
      key: `backup-failed:${run.runId}`,
      subject: 'Отметка: резервная копия не создана / Otmetka: a backup failed',
      body: twin(
        `Резервная копия № ${run.runId} не удалась:\n${lines}\n\nПроверьте каталоги копий (подключён ли диск или USB, есть ли место) и откройте «Резервные копии» в Отметке.`,
        `Backup no. ${run.runId} failed (the errors above are in Russian). Check the backup directories (is the disk or USB stick mounted, is there room) and open «Backups» in Otmetka.`,
      ),
    },
    now,
  );
}

/** Queues «no fresh backup» to every administrator, once per day; answers how many were queued. */
export async function alertBackupStale(
  db: Kysely<DB>,
  stale: { destination: string; lastGoodAt: string | null }[],
  day: string,
  now: Date = new Date(),
): Promise<number> {
  const hours = (at: string) => Math.floor((now.getTime() - new Date(at).getTime()) / 3600_000);
  const ru = stale
    .map((d) =>
      d.lastGoodAt === null
        ? `• ${d.destination}: проверенных копий нет`
        : `• ${d.destination}: последней проверенной копии ${hours(d.lastGoodAt)} ч`,
    )
    .join('\n');
  const en = stale
    .map((d) =>
      d.lastGoodAt === null
        ? `• ${d.destination}: no verified copy`
        : `• ${d.destination}: the newest verified copy is ${hours(d.lastGoodAt)} h old`,
    )
    .join('\n');
  return queueToAdmins(
    db,
    {
      kind: 'backup-stale',
      key: `backup-stale:${day}`,
      subject: 'Отметка: нет свежей резервной копии / Otmetka: no recent backup',
      body: twin(
        `Свежей резервной копии (за последние 26 часов) нет:\n${ru}\n\nПроверьте, работает ли сервер Отметки ночью и доступны ли каталоги копий.`,
        `There is no backup from the last 26 hours:\n${en}\n\nCheck that the Otmetka server runs at night and the backup directories are reachable.`,
      ),
    },
    now,
  );
}
