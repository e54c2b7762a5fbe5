import { describe, expect, it } from 'vitest';
import type { BackupConfig } from '../config.ts';
import { configProblems } from './backup-status.ts';
import { newBackupKey } from './container.ts';

const config = (over: Partial<BackupConfig>): BackupConfig => ({
  dirs: ['/srv/otmetka-backup', '/media/otmetka-usb/otmetka'],
  key: newBackupKey(),
  keyFile: null,
  at: '02:30',
  keep: { daily: 7, weekly: 4, monthly: 12 },
  scheduler: true,
  scratchDir: null,
  ...over,
});

describe('configProblems', () => {
  it('finds nothing wrong with a good key and two directories', () => {
    expect(configProblems(config({}))).toEqual([]);
    expect(configProblems(config({ key: Buffer.alloc(32, 7).toString('base64') }))).toEqual([]);
  });

  it('names a key of the wrong form (the scheduler will not run), in Russian and English', () => {
    for (const key of ['', '12345', 'g'.repeat(64), Buffer.alloc(16).toString('base64')]) {
      const ru = configProblems(config({ key }));
      expect(ru).toHaveLength(1);
      expect(ru[0]).toContain('не подходит');
      expect(ru[0]).toContain('otmetka backup key');
      expect(configProblems(config({ key }), 'en')[0]).toContain('cannot be used');
    }
  });

  it('names a missing key, missing or single directory and a key file inside a destination', () => {
    expect(configProblems(config({ key: null }))[0]).toContain('BACKUP_KEY');
    expect(configProblems(config({ dirs: [] }), 'en')[0]).toContain('No directories');
    expect(configProblems(config({ dirs: ['/srv/b'] }))[0]).toContain('одном месте');
    const inside = configProblems(config({ keyFile: '/srv/otmetka-backup/keys/backup.key' }));
    expect(inside).toHaveLength(1);
    expect(inside[0]).toContain('/srv/otmetka-backup/keys/backup.key');
    expect(configProblems(config({ keyFile: '/srv/otmetka-backup-keys/backup.key' }))).toEqual([]);
  });
});
