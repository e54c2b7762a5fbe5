import type { MyDataFile } from '../../contract/privacy.ts';
import type { Ctx } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';
import { reachOf } from '../access/scopes.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../http/messages.ts';
import { fullName } from '../people/people.present.ts';
import { loadChildCard, loadChildFamilyRecords, loadChildJournal } from './child-data.queries.ts';
import {
  loadParentChannels,
  loadParentMessages,
  loadParentRecords,
  loadViewsOf,
} from './parent-data.queries.ts';

/** A finished download: the file's name and its JSON text. */
export interface MyDataDownload {
  fileName: string;
  json: string;
}

type Named = { lastName: string; firstName: string; middleName: string };
type Viewed = Named & { at: string; source: string };

/** Views as the file lists them: when, who (by name only) and where. */
function views(rows: readonly Viewed[]) {
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), viewer: fullName(r), source: r.source }));
}

/**
 * Everything Otmetka holds about the signed-in parent and each child they are a live guardian of
 * (152-ФЗ art. 14), as one JSON file; audited as `personal.download`. Only a parent acting for
 * themself (`personal.download`); staff and students get 403. Nothing of another family, and of
 * staff only names.
 */
export async function downloadMyData(ctx: Ctx, now = new Date()): Promise<MyDataDownload> {
  if (ctx.actor.kind !== 'person' || !reachOf(ctx.actor, 'personal.download').relations.has('self'))
    throw new AppError('forbidden', 'privacyParentsOnly');
  const personId = ctx.actor.personId;
  const [records, channels, messages, ownViews] = await Promise.all([
    loadParentRecords(ctx.db, personId),
    loadParentChannels(ctx.db, personId),
    loadParentMessages(ctx.db, personId),
    loadViewsOf(ctx.db, personId, 'guardian'),
  ]);
  const childIds = records.guardianships.filter((g) => g.archivedAt === null).map((g) => g.studentId);
  const children = [];
  for (const studentId of [...new Set(childIds)]) {
    const [card, journal, family, childViews] = await Promise.all([
      loadChildCard(ctx.db, studentId),
      loadChildJournal(ctx.db, studentId),
      loadChildFamilyRecords(ctx.db, studentId),
      loadViewsOf(ctx.db, studentId, 'student'),
    ]);
    children.push({
      studentId,
      card: { ...card, guardians: card.guardians.map((g) => ({ name: fullName(g), kind: g.kind })) },
      ...journal,
      weekAcknowledgements: family.weekAcknowledgements.map((a) => ({
        weekStart: a.weekStart,
        at: a.at,
        by: fullName(a),
      })),
      absenceNotices: family.absenceNotices,
      cardViews: views(childViews),
    });
  }
  const date = today();
  const file: MyDataFile = {
    format: 'otmetka-my-data/1',
    generatedAt: now.toISOString(),
    note: translate(ctx.request.lang, 'privacyFileNote', { date: date.split('-').reverse().join('.') }),
    you: {
      ...records,
      ...channels,
      messages: messages.map((m) => ({
        threadId: m.threadId,
        subject: m.subject,
        author: fullName(m),
        mine: m.authorId === personId,
        body: m.body,
        createdAt: m.createdAt,
      })),
      cardViews: views(ownViews),
    },
    children,
  };
  const schoolId = ctx.actor.grants.find((g) => g.schoolId !== null)?.schoolId ?? null;
  if (schoolId !== null)
    await recordAudit(ctx.db, ctx, {
      schoolId,
      action: 'personal.download',
      entity: 'person',
      entityId: personId,
      after: { children: children.map((c) => c.studentId) },
    });
  return { fileName: `otmetka-my-data-${date}.json`, json: JSON.stringify(file, null, 2) };
}
