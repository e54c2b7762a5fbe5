import { Link } from 'wouter';
import type { MessageKey } from '../i18n/ru.ts';
import { useT } from '../i18n/use-t.ts';
import { formatDateTime, type Thread } from './messages-api.ts';

const kindKey = (kind: Thread['kind']) => `messages.kind.${kind}` as MessageKey;

/** The conversations, newest first: subject, with whom, student, last message, time, unread count. */
export function ThreadList({
  threads,
  selected,
  hrefOf,
}: {
  threads: Thread[];
  selected: number | null;
  hrefOf: (id: number) => string;
}) {
  const t = useT();
  const sorted = [...threads].sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
  return (
    <ul className="msg-threads">
      {sorted.map((th) => (
        <li key={th.id} className={th.unread > 0 ? 'msg-thread msg-thread-unread' : 'msg-thread'}>
          <Link
            href={hrefOf(th.id)}
            className="msg-thread-link"
            aria-current={th.id === selected ? 'true' : undefined}
          >
            <span className="msg-thread-top">
              <span className="msg-thread-subject">{th.subject}</span>
              {th.unread > 0 && (
                <span className="msg-badge">{t('messages.unreadBadge', { n: th.unread })}</span>
              )}
            </span>
            <span className="msg-thread-meta">
              {th.kind === 'dialog' ? t('messages.with') : t(kindKey(th.kind))}{' '}
              {th.with.join(', ') || t('messages.nobody')}
              {th.student && ` · ${t('messages.aboutStudent', { name: th.student })}`}
              {th.kind === 'class' && th.className && ` · ${th.className}`}
            </span>
            <span className="msg-thread-last">{th.lastMessage}</span>
            <time className="msg-muted" dateTime={th.lastMessageAt}>
              {formatDateTime(th.lastMessageAt)}
            </time>
          </Link>
        </li>
      ))}
    </ul>
  );
}
