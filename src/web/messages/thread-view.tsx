import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useState } from 'react';
import { Link } from 'wouter';
import { apiPost } from '../app/api.ts';
import { queryClient } from '../app/session.ts';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { Attachments } from './attachments.tsx';
import {
  errorText,
  formatDateTime,
  formatSize,
  type MessageFile,
  messagePaths,
  refreshMessages,
  type ThreadPage,
  useThread,
} from './messages-api.ts';
import { unreadKey } from './unread.ts';

/** An opened conversation: its messages with read receipts and the reply box. */
export function ThreadView({ id, backHref, csrfToken }: { id: number; backHref: string; csrfToken: string }) {
  const t = useT();
  const thread = useThread(id);
  const loaded = thread.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    apiPost<{ unread: number }>(messagePaths.read(id)).then(
      (answer) => {
        // The answer is the new count beside «Сообщения»: no need to ask for it again.
        queryClient.setQueryData(unreadKey, answer);
        return refreshMessages({ except: unreadKey });
      },
      () => undefined,
    );
  }, [id, loaded]);
  return (
    <section className="msg-thread-view" aria-labelledby="msg-thread-title">
      <Link href={backHref} className="msg-back">
        {t('messages.back')}
      </Link>
      {thread.isPending && <p className="loading">{t('app.loading')}</p>}
      <FormAlert message={errorText(thread.error, t('error.unexpected'))} />
      {thread.data && <ThreadBody page={thread.data} csrfToken={csrfToken} />}
    </section>
  );
}

function ThreadBody({ page, csrfToken }: { page: ThreadPage; csrfToken: string }) {
  const t = useT();
  const units = { kb: t('messages.kb'), mb: t('messages.mb') };
  const th = page.thread;
  const receipt = (m: ThreadPage['messages'][number]) => {
    if (th.kind !== 'dialog') return t('messages.readOf', { n: m.readBy, m: m.recipients });
    return m.readBy > 0 ? t('messages.read') : t('messages.notRead');
  };
  return (
    <>
      <h2 id="msg-thread-title" className="msg-thread-title">
        {th.subject}
      </h2>
      <p className="msg-muted">
        {th.kind === 'dialog'
          ? t('messages.members', { names: page.members.map((m) => m.name).join(', ') })
          : t('messages.announcementBy', { name: th.with.join(', ') })}
        {th.student && ` · ${t('messages.aboutStudent', { name: th.student })}`}
        {th.className && ` · ${th.className}`}
      </p>
      <ol className="msg-messages">
        {page.messages.map((m) => (
          <li key={m.id} className={m.mine ? 'msg-message msg-mine' : 'msg-message'}>
            <p className="msg-message-head">
              <span className="msg-author">{m.mine ? t('messages.you') : m.author}</span>{' '}
              <time className="msg-muted" dateTime={m.createdAt}>
                {formatDateTime(m.createdAt)}
              </time>
            </p>
            <p className="msg-body">{m.body}</p>
            {m.files.length > 0 && (
              <ul className="msg-file-list" aria-label={t('messages.files')}>
                {m.files.map((f) => (
                  <li key={f.id}>
                    <a href={messagePaths.file(f.id)} download={f.name}>
                      {f.name}
                    </a>{' '}
                    <span className="msg-muted">({formatSize(f.size, units)})</span>
                  </li>
                ))}
              </ul>
            )}
            {m.mine && <p className="msg-receipt">{receipt(m)}</p>}
          </li>
        ))}
      </ol>
      {page.canReply ? (
        <ReplyBox threadId={th.id} csrfToken={csrfToken} />
      ) : (
        <p className="msg-muted">{t('messages.noReply')}</p>
      )}
    </>
  );
}

function ReplyBox({ threadId, csrfToken }: { threadId: number; csrfToken: string }) {
  const t = useT();
  const inputId = useId();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<MessageFile[]>([]);
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => apiPost(messagePaths.reply(threadId), { body, fileIds: files.map((f) => f.id) }),
    onSuccess: () => {
      setBody('');
      setFiles([]);
      return refreshMessages();
    },
  });
  const submit = () => {
    send.reset();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    send.mutate();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!send.isPending) submit();
    }
  };
  const fieldError = empty ? t('validation.required') : send.error && errorText(send.error, '');
  return (
    <form className="msg-reply" onSubmit={onSubmit} noValidate aria-label={t('messages.replyForm')}>
      <div className={fieldError ? 'field field-invalid' : 'field'}>
        <label htmlFor={inputId}>{t('messages.reply')}</label>
        <p className="field-hint" id={`${inputId}-hint`}>
          {t('messages.ctrlEnter')}
        </p>
        <textarea
          id={inputId}
          className="msg-textarea"
          rows={4}
          value={body}
          maxLength={10_000}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={`${inputId}-hint${fieldError ? ` ${inputId}-error` : ''}`}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {fieldError && (
          <p className="field-error" id={`${inputId}-error`}>
            {fieldError}
          </p>
        )}
      </div>
      <Attachments files={files} onChange={setFiles} csrfToken={csrfToken} disabled={send.isPending} />
      <p>
        <button type="submit" className="button button-primary" disabled={send.isPending}>
          {send.isPending ? t('messages.sending') : t('messages.send')}
        </button>
      </p>
    </form>
  );
}
