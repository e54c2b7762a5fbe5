import { z } from 'zod';

/** How a backup run was started: the nightly schedule, the admin page, or `otmetka backup`. */
export const backupTriggers = ['schedule', 'manual', 'cli'] as const;
/** A run's state; `interrupted` when the process stopped while it ran. */
export const backupRunStatuses = ['running', 'ok', 'failed', 'interrupted'] as const;
/** A copy's state; `pruned` when retention removed its file. */
export const backupCopyStatuses = ['ok', 'failed', 'pruned'] as const;

/** One destination directory: its newest verified copy, and whether that is too old or failing. */
export const backupDestination = z.object({
  destination: z.string(),
  lastGoodAt: z.string().nullable(),
  lastGoodFile: z.string().nullable(),
  /** No good copy, or the newest is older than 26 hours. */
  stale: z.boolean(),
  /** The newest copy's error when it failed. */
  lastError: z.string().nullable(),
});
/** A destination as the page shows it. */
export type BackupDestination = z.infer<typeof backupDestination>;

/** A run as listed. */
export const backupRun = z.object({
  id: z.number(),
  trigger: z.enum(backupTriggers),
  status: z.enum(backupRunStatuses),
  fileName: z.string().nullable(),
  bytes: z.number().nullable(),
  rowCount: z.number().nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
/** A run in the list. */
export type BackupRunView = z.infer<typeof backupRun>;

/** `GET /api/backups`: configuration, schedule, retention, the destinations and the newest runs. */
export const backupStatusResponse = z.object({
  /** A key and at least one destination are set. */
  configured: z.boolean(),
  /** What is wrong with the configuration, in the reader's language. */
  problems: z.array(z.string()),
  /** Local time of the nightly backup, `HH:MM`; null: no schedule. */
  schedule: z.string().nullable(),
  keep: z.object({ daily: z.number(), weekly: z.number(), monthly: z.number() }),
  destinations: z.array(backupDestination),
  /** The newest runs first. */
  runs: z.array(backupRun),
});
/** The backups page's data. */
export type BackupStatusView = z.infer<typeof backupStatusResponse>;

/** `POST /api/backups` (202): the run started in the background. */
export const backupStarted = z.object({ runId: z.number() });

/** One copy of a run in one destination. */
export const backupCopy = z.object({
  destination: z.string(),
  path: z.string(),
  status: z.enum(backupCopyStatuses),
  verifiedAt: z.string().nullable(),
  prunedAt: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

/** `GET /api/backups/runs/:id`: one run with its checksum and its copies. */
export const backupRunDetail = backupRun.extend({
  sha256: z.string().nullable(),
  tableCount: z.number().nullable(),
  copies: z.array(backupCopy),
});
/** A run with its copies. */
export type BackupRunDetail = z.infer<typeof backupRunDetail>;
