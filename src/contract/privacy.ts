import { z } from 'zod';

/** Where a parent downloads everything Otmetka holds about them and their children (152-ФЗ art. 14). */
export const myDataPath = '/api/privacy/my-data';

/** A table's rows as the file holds them: column → value. */
const rows = z.array(z.record(z.string(), z.unknown()));

/** One child of the parent in the file: card, journal records and who saw the child's data. */
export const myDataChild = z.object({
  studentId: z.number(),
  card: z.record(z.string(), z.unknown()),
  marks: rows,
  attendance: rows,
  periodMarks: rows,
  weekAcknowledgements: rows,
  absenceNotices: rows,
  cardViews: rows,
});

/** `GET /api/privacy/my-data`: the JSON file (an attachment `otmetka-my-data-YYYY-MM-DD.json`). */
export const myDataFile = z.object({
  format: z.literal('otmetka-my-data/1'),
  generatedAt: z.string(),
  note: z.string(),
  you: z.object({
    person: z.record(z.string(), z.unknown()),
    accounts: rows,
    roles: rows,
    sessions: rows,
    consents: rows,
    guardianships: rows,
    notificationSettings: z.record(z.string(), z.unknown()).nullable(),
    telegram: rows,
    calendarFeeds: rows,
    letters: rows,
    messages: rows,
    cardViews: rows,
  }),
  children: z.array(myDataChild),
});
/** The file as the parent receives it. */
export type MyDataFile = z.infer<typeof myDataFile>;
