import { formatDate } from '../i18n/format-date.ts';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import type { Queued } from '../offline/device-db.ts';
import { OfflineConflict } from './lesson-conflict.tsx';
import { type PageBody, type PageField, pageChangeFields, pageFields } from './lesson-offline.ts';
import type { LessonPage } from './lessons-api.ts';

const labels: Record<PageField, MessageKey> = {
  planItemId: 'lessons.planTopic',
  topic: 'lessons.topic',
  lessonKind: 'lessons.kind',
  plan: 'lessons.plan',
  homework: 'lessons.homework',
  homeworkDueOn: 'lessons.dueOn',
};

/**
 * The lesson page's change kept on the device: the fields waiting to be sent, or, refused by the
 * server, each field's value there and the teacher's with the choice between them.
 */
export function PageQueued({
  lesson,
  entry,
  onTake,
}: {
  lesson: LessonPage;
  entry: Queued;
  /** The teacher took the server's values of these fields. */
  onTake: (server: Partial<PageBody>) => void;
}) {
  const t = useT();
  const mine = pageChangeFields(entry.change);
  const text = (f: PageField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('lessons.none');
    if (f === 'planItemId') return lesson.planTopics.find((p) => p.id === value)?.topic ?? String(value);
    if (f === 'homeworkDueOn') return formatDate(String(value));
    return String(value);
  };
  const fields = pageFields.filter((f) => f in mine);
  if (entry.state === 'waiting')
    return (
      <div className="lesson-pending" role="status">
        <p>{t('lessons.pendingPage')}</p>
        <ul>
          {fields.map((f) => (
            <li key={f}>
              {t(labels[f])}: {text(f, mine[f])}
            </li>
          ))}
        </ul>
      </div>
    );
  const server = (entry.conflict?.server?.cell ?? {}) as Partial<PageBody>;
  const rows = fields.map((f) => ({
    label: t(labels[f]),
    server: text(f, server[f]),
    yours: text(f, mine[f]),
  }));
  const taken: Partial<PageBody> = {};
  for (const f of fields) if (f in server) Object.assign(taken, { [f]: server[f] });
  return <OfflineConflict entry={entry} rows={rows} onTake={() => onTake(taken)} />;
}
