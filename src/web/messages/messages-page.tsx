import { useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import type { PageProps } from '../app/page-route.ts';
import { FormAlert, Notice } from '../components/form-alert.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { useT } from '../i18n/use-t.ts';
import { AnnouncementForm } from './announcement-form.tsx';
import { errorText, useThreads } from './messages-api.ts';
import { NewDialogForm } from './new-dialog-form.tsx';
import { ThreadList } from './thread-list.tsx';
import { ThreadView } from './thread-view.tsx';
import './messages.css';

type Compose = 'none' | 'dialog' | 'announcement';

/**
 * «Сообщения»: the conversations and the opened one side by side (one column on a phone, with a
 * back link); new dialogs (not for students, who only read) and, for class teachers and leadership,
 * announcements.
 */
export default function MessagesPage({ me, params }: PageProps) {
  const t = useT();
  const [location, navigate] = useLocation();
  const [search] = useSearchParams();
  const studentId = params.id ? Number(params.id) : null;
  const child = studentId ? me.children.find((c) => c.id === studentId) : undefined;
  const title = child ? t('messages.titleChild', { name: child.name }) : t('messages.title');
  useDocumentTitle(title);
  const threads = useThreads(studentId);
  const [compose, setCompose] = useState<Compose>('none');
  const [sent, setSent] = useState(false);
  const selected = Number(search.get('thread')) || null;
  const hrefOf = (id: number) => `${location}?thread=${id}`;
  const classes = me.abilities.includes('messages.announceClass') ? me.classTeacherOf : [];
  const school = me.abilities.includes('messages.announceSchool');
  const canAnnounce = classes.length > 0 || school;
  // Students only read: they start no dialogs (the server refuses) and have nobody to write to.
  const canWrite = me.roles.some((role) => role !== 'student');
  const done = (id: number | null) => {
    setCompose('none');
    setSent(true);
    if (id) navigate(hrefOf(id));
  };
  const open = (mode: Compose) => {
    setSent(false);
    setCompose(mode);
    if (selected) navigate(location);
  };
  const list = threads.data?.threads ?? [];
  const detail = compose !== 'none' || selected !== null;
  return (
    <section className={detail ? 'msg-page msg-has-detail' : 'msg-page'}>
      <h1>{title}</h1>
      {(canWrite || canAnnounce) && (
        <div className="msg-toolbar">
          {canWrite && (
            <button type="button" className="button button-primary" onClick={() => open('dialog')}>
              {t('messages.new')}
            </button>
          )}
          {canAnnounce && (
            <button type="button" className="button button-quiet" onClick={() => open('announcement')}>
              {t('messages.announcement')}
            </button>
          )}
        </div>
      )}
      {sent && <Notice message={t('messages.sent')} />}
      <div className="msg-columns">
        <section className="msg-list" aria-labelledby="msg-list-title">
          <h2 id="msg-list-title" className="visually-hidden">
            {t('messages.conversations')}
          </h2>
          <FormAlert message={errorText(threads.error, t('error.unexpected'))} />
          {threads.isPending && <p className="loading">{t('app.loading')}</p>}
          {threads.data && list.length === 0 && (
            <p className="msg-muted">{t(canWrite ? 'messages.empty' : 'messages.emptyStudent')}</p>
          )}
          <ThreadList threads={list} selected={selected} hrefOf={hrefOf} />
        </section>
        <div className="msg-detail">
          {compose === 'dialog' && (
            <NewDialogForm
              studentId={studentId}
              csrfToken={me.csrfToken}
              onDone={done}
              onCancel={() => setCompose('none')}
            />
          )}
          {compose === 'announcement' && (
            <AnnouncementForm
              classes={classes}
              school={school}
              csrfToken={me.csrfToken}
              onDone={done}
              onCancel={() => setCompose('none')}
            />
          )}
          {compose === 'none' && selected !== null && (
            <ThreadView key={selected} id={selected} backHref={location} csrfToken={me.csrfToken} />
          )}
          {compose === 'none' && selected === null && list.length > 0 && (
            <p className="msg-muted msg-hint">{t('messages.pick')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
