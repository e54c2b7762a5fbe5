import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { today } from '../../src/server/access/relationships.queries.ts';
import type { DB } from '../../src/server/db/schema.ts';
import type { Client } from '../app.ts';
import { scriptPayloads, sqlPayloads } from './hostile-input.arbitraries.ts';
import type { Actor, buildWorld } from './hostile-input.world.ts';

/**
 * The text fields the school stores and shows back (a lesson's topic and homework, a mark's
 * comment, a КТП topic, a remark, a message, an absence notice's comment): each sent a valid text
 * that is a script or SQL, then read back from its row.
 */

/** A valid text that is hostile: a payload alone or inside ordinary words, trimmed as the fields trim. */
const hostileText = (max: number) =>
  fc
    .oneof(
      fc.constantFrom(...scriptPayloads, ...sqlPayloads),
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...scriptPayloads, ...sqlPayloads), fc.string())
        .map(([a, b, c]) => `${a} ${b} ${c}`.trim()),
    )
    .filter((t) => t.length >= 3 && t.length <= max);

/** A field to store text in: how to send it, where it lands, which tables may change meanwhile. */
export interface StoredText {
  label: string;
  text: fc.Arbitrary<string>;
  send(text: string): Promise<LightMyRequestResponse>;
  stored(): Promise<string | null | undefined>;
  tables: string[];
}

/** What every stored change may touch besides its own table: its audit event, the data versions, mail. */
const bookkeeping = ['audit_events', 'data_versions', 'student_versions', 'outbox'];

/** The text fields of the school of `world`, written by whoever writes them. */
export async function storedTexts(
  db: Kysely<DB>,
  clients: Map<Actor, Client>,
  world: Awaited<ReturnType<typeof buildWorld>>,
): Promise<StoredText[]> {
  const { ids } = world;
  const teacher = clients.get('class teacher')!;
  const parent = clients.get('parent')!;
  const deputy = clients.get('deputy')!;
  const lesson = () =>
    db.selectFrom('lessons').selectAll().where('id', '=', ids.lessonId!).executeTakeFirst();
  const editReason = 'Исправление';
  const cell = () =>
    db
      .selectFrom('marks')
      .select(['comment', 'version'])
      .where('lessonId', '=', ids.lessonId!)
      .where('studentId', '=', ids.studentId!)
      .where('workKindId', '=', ids.workKindId!)
      .executeTakeFirst();
  // A dialog of the parent with the class teacher about their child, for the replies.
  const dialog = await parent.send('POST', '/api/messages/threads', {
    studentId: ids.studentId,
    to: [world.teacherId],
    subject: 'Вопрос',
    body: 'Здравствуйте',
  });
  if (dialog.statusCode >= 300) throw new Error(`no dialog: ${dialog.body}`);
  const threadId = (dialog.json() as { thread: { id: number } }).thread.id;
  return [
    {
      label: 'lesson topic',
      text: hostileText(500),
      send: (topic) => teacher.send('POST', `/api/journal/lessons/${ids.lessonId}`, { topic, editReason }),
      stored: async () => (await lesson())?.topic,
      tables: ['lessons', ...bookkeeping],
    },
    {
      label: 'homework',
      text: hostileText(4000),
      send: (homework) =>
        teacher.send('POST', `/api/journal/lessons/${ids.lessonId}`, { homework, editReason }),
      stored: async () => (await lesson())?.homework,
      tables: ['lessons', ...bookkeeping],
    },
    {
      label: 'mark comment',
      text: hostileText(500),
      send: async (comment) =>
        teacher.send('POST', '/api/journal/marks', {
          ...{ lessonId: ids.lessonId, studentId: ids.studentId, workKindId: ids.workKindId },
          ...{ value: '5', comment, version: (await cell())?.version ?? null, editReason },
        }),
      stored: async () => (await cell())?.comment,
      tables: ['marks', ...bookkeeping],
    },
    {
      label: 'КТП topic',
      text: hostileText(500),
      send: (topic) => teacher.send('POST', `/api/journal/plan-items/${ids.planItemId}`, { topic }),
      stored: async () =>
        (
          await db
            .selectFrom('planItems')
            .select('topic')
            .where('id', '=', ids.planItemId!)
            .executeTakeFirst()
        )?.topic,
      tables: ['plan_items', ...bookkeeping],
    },
    {
      label: 'remark',
      text: hostileText(2000),
      send: (text) => deputy.send('POST', '/api/remarks', { courseId: ids.courseId, text }),
      stored: async () =>
        (await db.selectFrom('remarks').select('text').orderBy('id', 'desc').executeTakeFirst())?.text,
      tables: ['remarks', ...bookkeeping],
    },
    {
      label: 'message',
      text: hostileText(10_000),
      send: (body) => parent.send('POST', `/api/messages/threads/${threadId}/messages`, { body }),
      stored: async () =>
        (await db.selectFrom('messages').select('body').orderBy('id', 'desc').executeTakeFirst())?.body,
      tables: ['messages', 'thread_members', 'threads', ...bookkeeping],
    },
    {
      label: 'absence notice comment',
      text: hostileText(500),
      send: (comment) =>
        parent.send('POST', `/api/diary/${ids.studentId}/absence-notices`, {
          ...{ fromDate: today(), toDate: today(), reason: 'illness', comment },
        }),
      stored: async () =>
        (await db.selectFrom('absenceNotices').select('comment').orderBy('id', 'desc').executeTakeFirst())
          ?.comment,
      tables: ['absence_notices', ...bookkeeping],
    },
  ];
}
