import { useSyncExternalStore } from 'react';
import { Link } from 'wouter';
import { useT } from '../i18n/use-t.ts';
import { useOnline } from '../pwa/offline-banner.tsx';
import { outbox } from './outbox.ts';

/**
 * The offline journal's indicator in the shell: how many changes wait on this device, whether
 * they are being sent, and the journals and lessons where the server refused one (to decide there).
 */
export function QueueStatus() {
  const t = useT();
  const online = useOnline();
  const { waiting, conflicts, sending } = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  if (waiting === 0 && conflicts.length === 0) return null;
  const places = new Map<string, string>();
  for (const q of conflicts) {
    // «Attendance taken» and the page are decided on the lesson page; cells in the grid.
    if (q.change.kind === 'lessonPage' || q.change.kind === 'attendanceTaken')
      places.set(`/lessons/${q.change.lessonId}`, q.place);
    else places.set(`/journal/${q.courseId}`, q.place);
  }
  return (
    <div className="offline-banner offline-queue" role="status" data-testid="offline-queue">
      {waiting > 0 && (
        <p>
          {!online
            ? t('offline.waitingOffline', { count: waiting })
            : sending
              ? t('offline.sending', { count: waiting })
              : t('offline.waiting', { count: waiting })}
          {online && !sending && (
            <>
              {' '}
              <button type="button" className="button button-quiet" onClick={() => void outbox.sync()}>
                {t('offline.sendNow')}
              </button>
            </>
          )}
        </p>
      )}
      {conflicts.length > 0 && (
        <p>
          {t('offline.conflicts', { count: conflicts.length })}{' '}
          {[...places].map(([href, label], i) => (
            <span key={href}>
              {i > 0 && ', '}
              <Link href={href}>{label}</Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
