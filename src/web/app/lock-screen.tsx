import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Me } from '../../contract/auth.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useT } from '../i18n/use-t.ts';
import { ApiError, isUnauthenticated } from './api-error.ts';
import { lockEnded, onUnlocked, showLock, unlock } from './lock-screen-state.ts';
import { fullName } from './person.ts';
import { endSession, meKey, queryClient, signOut } from './session.ts';
import './lock-screen.css';

/**
 * The full-screen lock: a modal dialog over the page, which stays mounted under it (the journal's
 * unsaved cells wait in memory). It says whose session it is and asks for that account's password.
 */
export function LockScreen({ me }: { me: Pick<Me, 'person' | 'locked'> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mounted = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    mounted.current = true;
    // A modal dialog makes the rest of the page inert and keeps the focus inside.
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      mounted.current = false;
      dialog?.close();
    };
  }, []);

  // Browsers let a repeated Escape close a modal dialog whatever `cancel` says: while the lock
  // stands, it opens again at once.
  const onClose = () => {
    const dialog = ref.current;
    if (mounted.current && dialog && !dialog.open) dialog.showModal();
  };

  useEffect(() => {
    if (!me.locked) return;
    // Loaded locked: the other tabs lock too, and unlocking in any of them brings the whole app here.
    showLock();
    return onUnlocked(() => void queryClient.invalidateQueries({ queryKey: meKey }));
  }, [me.locked]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await unlock(password);
      setPassword('');
    } catch (failure) {
      if (isUnauthenticated(failure)) {
        // Locked past its limit: the session is gone for good.
        lockEnded();
        endSession('sessionExpired');
        return;
      }
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const onSignOut = () => {
    lockEnded();
    void signOut('signedOut');
  };

  return (
    <dialog
      ref={ref}
      className="lock-screen"
      aria-labelledby={titleId}
      aria-modal="true"
      data-testid="lock-screen"
      // Escape must not close the lock.
      onCancel={(event) => event.preventDefault()}
      onClose={onClose}
    >
      <h1 id={titleId}>{t('lock.title')}</h1>
      <p className="lock-screen-whose">{t('lock.whose', { name: fullName(me.person) })}</p>
      <p>{t('lock.intro')}</p>
      <FormAlert message={error} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field
          name="lock-password"
          label={t('lock.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
          autoFocus
        />
        <div className="lock-screen-actions">
          <button type="submit" className="button button-primary" disabled={busy || password === ''}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
          <button type="button" className="button button-quiet" onClick={onSignOut}>
            {t('lock.logout')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
