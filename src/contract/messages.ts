import { z } from 'zod';
import { line } from './fields.ts';

const id = z.number().int().positive().max(2_147_483_647);
const queryId = z.coerce.number().int().positive().max(2_147_483_647);

/** The largest attachment accepted, in bytes. */
export const maxMessageFileBytes = 5 * 1024 * 1024;
/** At most this many attachments per message. */
export const maxMessageFiles = 5;

// Plain text of any length of lines: tabs and line breaks, no other control characters (PostgreSQL refuses NUL).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const plainText = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
/** A message's text: trimmed, 1 to 10 000 characters, line breaks kept. */
const messageText = z.string().trim().min(1).max(10_000).regex(plainText);

/** What a conversation is: a dialog about a student, or an announcement to a class or the school. */
export const threadKinds = ['dialog', 'class', 'school'] as const;

export const threadParams = z.strictObject({ id: queryId });
export const messageFileParams = z.strictObject({ id: queryId });

/** `GET /api/messages/threads?studentId=`: the actor's conversations (a parent's, about one child). */
export const threadsQuery = z.strictObject({ studentId: queryId.optional() });

/** A conversation in the list. */
export const threadItem = z.object({
  id: z.number(),
  kind: z.enum(threadKinds),
  subject: z.string(),
  /** The student a dialog is about. */
  student: z.string().nullable(),
  className: z.string().nullable(),
  /** The other people: for a dialog the other members' names, for an announcement its author. */
  with: z.array(z.string()),
  lastMessageAt: z.string(),
  lastMessage: z.string(),
  unread: z.number(),
});
export const threadList = z.object({ threads: z.array(threadItem) });

/** A file attached to a message. */
export const messageFile = z.object({ id: z.number(), name: z.string(), size: z.number(), mime: z.string() });

/** One message with who has read it. */
export const messageItem = z.object({
  id: z.number(),
  authorId: z.number(),
  author: z.string(),
  body: z.string(),
  createdAt: z.string(),
  files: z.array(messageFile),
  mine: z.boolean(),
  /** Members other than the author who have read it, and how many there are. */
  readBy: z.number(),
  recipients: z.number(),
});

/** `GET /api/messages/threads/:id`: the conversation; `POST …/read` marks it read when shown. */
export const threadPage = z.object({
  thread: threadItem,
  members: z.array(z.object({ id: z.number(), name: z.string(), readAt: z.string().nullable() })),
  messages: z.array(messageItem),
  canReply: z.boolean(),
});

/** Someone the actor may start a dialog with, about a student. */
export const contact = z.object({
  personId: z.number(),
  name: z.string(),
  /** «Классный руководитель», the subject taught, or «Родитель». */
  role: z.string(),
  studentId: z.number(),
  student: z.string(),
});
/** `GET /api/messages/contacts?studentId=`. */
export const contactsQuery = z.strictObject({ studentId: queryId.optional() });
export const contactList = z.object({ contacts: z.array(contact) });

/** `POST /api/messages/threads`: start a dialog about a student with people from the contacts. */
export const newDialogBody = z.strictObject({
  studentId: id,
  to: z.array(id).min(1).max(10),
  subject: line(1, 200),
  body: messageText,
  fileIds: z.array(id).max(maxMessageFiles).default([]),
});

/** `POST /api/messages/announcements`: to a class (its class teacher) or the school. */
export const announcementBody = z.strictObject({
  classId: id.optional(),
  subject: line(1, 200),
  body: messageText,
  fileIds: z.array(id).max(maxMessageFiles).default([]),
  /** Students receive it too, not only parents. */
  toStudents: z.boolean().default(false),
});

/** `POST /api/messages/threads/:id/messages`: a reply. */
export const replyBody = z.strictObject({
  body: messageText,
  fileIds: z.array(id).max(maxMessageFiles).default([]),
});

/** `POST /api/messages/files?name=`: the raw file as the body; attach it by id when sending. */
export const uploadQuery = z.strictObject({ name: line(1, 200) });
export const uploaded = messageFile;

/** `GET /api/messages/unread`: the count shown beside «Сообщения». */
export const unreadAnswer = z.object({ unread: z.number() });
