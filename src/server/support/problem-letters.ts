import type { Db } from '../access/actor.ts';
import { enqueue, twin } from '../notify/outbox.ts';
import { schoolAdmins } from './support.queries.ts';

/** What a problem report's letter says: never the page's content, only what the report holds. */
export interface ProblemLetter {
  id: number;
  schoolId: number;
  reporter: string;
  description: string;
  pagePath: string;
  userAgent: string;
  appVersion: string;
  createdAt: string;
}

/**
 * Queues «a problem was reported» to each of the school's administrators with an e-mail address,
 * in the report's transaction (once per report and administrator).
 */
export async function queueProblemLetters(trx: Db, p: ProblemLetter): Promise<number> {
  const admins = await schoolAdmins(trx, p.schoolId);
  const subject = `Отметка: сообщение о проблеме №${p.id} / Problem report #${p.id}`;
  const body = twin(
    [
      `${p.reporter} сообщает о проблеме:`,
      '',
      p.description,
      '',
      `Страница: ${p.pagePath}`,
      `Браузер: ${p.userAgent}`,
      `Версия Отметки: ${p.appVersion}`,
      `Время: ${p.createdAt}`,
      '',
      'Сообщения о проблемах — в разделе «Поддержка» → «Сообщения о проблемах».',
    ].join('\n'),
    [
      `${p.reporter} reports a problem:`,
      '',
      p.description,
      '',
      `Page: ${p.pagePath}`,
      `Browser: ${p.userAgent}`,
      `Otmetka version: ${p.appVersion}`,
      `Time: ${p.createdAt}`,
    ].join('\n'),
  );
  for (const admin of admins)
    await enqueue(trx, {
      schoolId: p.schoolId,
      personId: admin.personId,
      channel: 'email',
      address: admin.email,
      kind: 'support.problem',
      subject,
      body,
      dedupeKey: `support-problem:${p.id}:${admin.personId}`,
      recheck: null,
      dueAt: p.createdAt,
    });
  return admins.length;
}
