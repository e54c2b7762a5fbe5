import type { Db } from '../access/actor.ts';

const viewerName = ['viewer.lastName', 'viewer.firstName', 'viewer.middleName'] as const;

/** The parent's own rows: person, accounts (no password hashes), roles, sign-ins, consents, links. */
export async function loadParentRecords(db: Db, personId: number) {
  const [person, accounts, roles, consents, guardianships] = await Promise.all([
    db
      .selectFrom('persons')
      .select([
        'lastName',
        'firstName',
        'middleName',
        'sex',
        'birthDate',
        'email',
        'phone',
        'extraPhone',
        'address',
        'workplace',
        'createdAt',
        'archivedAt',
      ])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('accounts')
      .select(['id', 'login', 'passwordChangedAt', 'lastLoginAt', 'createdAt', 'disabledAt'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('roleAssignments')
      .select(['role', 'createdAt', 'revokedAt'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('consents')
      .select(['givenOn', 'withdrawnOn', 'recordedAt'])
      .where('guardianId', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('guardianships')
      .innerJoin('persons as child', 'child.id', 'guardianships.studentId')
      .select([
        'guardianships.studentId',
        'child.lastName',
        'child.firstName',
        'guardianships.kind',
        'guardianships.createdAt',
        'guardianships.archivedAt',
      ])
      .where('guardianships.guardianId', '=', personId)
      .orderBy('guardianships.id')
      .execute(),
  ]);
  const accountIds = accounts.map((a) => a.id);
  const none = Promise.resolve([]);
  const [sessions, signIns, devices] = accountIds.length
    ? await Promise.all([
        db
          .selectFrom('sessions')
          .select(['createdAt', 'lastSeenAt', 'ip', 'userAgent', 'endedAt', 'endReason'])
          .where('accountId', 'in', accountIds)
          .orderBy('createdAt')
          .execute(),
        db
          .selectFrom('signIns')
          .select(['at', 'ip', 'userAgent', 'outcome'])
          .where('accountId', 'in', accountIds)
          .orderBy('at')
          .execute(),
        db
          .selectFrom('knownDevices')
          .select(['firstSeenAt', 'lastSeenAt', 'userAgent'])
          .where('accountId', 'in', accountIds)
          .orderBy('firstSeenAt')
          .execute(),
      ])
    : await Promise.all([none, none, none]);
  return {
    person,
    accounts: accounts.map(({ id: _id, ...a }) => a),
    roles,
    sessions,
    signIns,
    devices,
    consents,
    guardianships,
  };
}

/** What the parent set up and received: notification settings, Telegram, calendar feeds, letters. */
export async function loadParentChannels(db: Db, personId: number) {
  const [notificationSettings, telegram, calendarFeeds, letters] = await Promise.all([
    db
      .selectFrom('notificationPrefs')
      .select(['emailEnabled', 'telegramEnabled', 'absencesInstant', 'markThreshold', 'digest', 'updatedAt'])
      .where('personId', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('telegramLinks')
      .select(['chatId', 'linkedAt', 'unlinkedAt'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
    // The feed's secret token is not held in the clear (only its hash) and is not exported.
    db
      .selectFrom('calendarFeeds')
      .select(['studentId', 'createdAt', 'revokedAt'])
      .where('createdBy', '=', personId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('outbox')
      .select(['channel', 'address', 'kind', 'subject', 'body', 'status', 'createdAt', 'sentAt'])
      .where('personId', '=', personId)
      .orderBy('id')
      .execute(),
  ]);
  return { notificationSettings: notificationSettings ?? null, telegram, calendarFeeds, letters };
}

/** The messages of every dialog the parent is in (written or received), authors by name. */
export async function loadParentMessages(db: Db, personId: number) {
  return db
    .selectFrom('messages')
    .innerJoin('threadMembers', (j) =>
      j.onRef('threadMembers.threadId', '=', 'messages.threadId').on('threadMembers.personId', '=', personId),
    )
    .innerJoin('threads', 'threads.id', 'messages.threadId')
    .innerJoin('persons as viewer', 'viewer.id', 'messages.authorId')
    .select(['threads.id as threadId', 'threads.subject', 'messages.body', 'messages.createdAt'])
    .select(viewerName)
    .select('messages.authorId')
    .orderBy('messages.threadId')
    .orderBy('messages.id')
    .execute();
}

/** Who saw the person's data (as a parent: `guardianId`; as a student: their own rows), names only. */
export async function loadViewsOf(db: Db, personId: number, as: 'guardian' | 'student') {
  let query = db
    .selectFrom('cardViews')
    .innerJoin('persons as viewer', 'viewer.id', 'cardViews.viewerId')
    .select(['cardViews.at', 'cardViews.source'])
    .select(viewerName);
  query =
    as === 'guardian'
      ? query.where('cardViews.guardianId', '=', personId)
      : query.where('cardViews.studentId', '=', personId).where('cardViews.guardianId', 'is', null);
  return query.orderBy('cardViews.at').orderBy('cardViews.id').execute();
}
