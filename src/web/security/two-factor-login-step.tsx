import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { loginCodeAnswer, loginSecondStep } from '../../contract/two-factor.ts';
import { apiPost } from '../app/api.ts';
import { startSession } from '../app/session.ts';
import { Field } from '../components/field.tsx';
import { FormAlert } from '../components/form-alert.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useT } from '../i18n/use-t.ts';
import { EnrollmentCard, RecoveryCodes } from './two-factor-enrollment.tsx';
import './two-factor.css';

type Step = z.infer<typeof loginSecondStep>;
type Answer = z.infer<typeof loginCodeAnswer>;

/**
 * The login page's second step: the code from the app (or a recovery code); where the school
 * requires the app and it is not added yet, the QR code first. Recovery codes given on adding the
 * app are shown before the session starts.
 */
export function TwoFactorLoginStep({ step, onBack }: { step: Step; onBack: () => void }) {
  const t = useT();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [signedIn, setSignedIn] = useState<Answer | null>(null);
  const send = useMutation({
    mutationFn: () =>
      apiPost<Answer>('/api/auth/login/code', recovery ? { recoveryCode: value } : { code: value }),
    onSuccess: (answer) => (answer.recoveryCodes ? setSignedIn(answer) : startSession(answer)),
  });
  const errors = useFormErrors({}, send.error);
  const enroll = step.twoFactor === 'enroll';
  if (signedIn?.recoveryCodes)
    return (
      <>
        <RecoveryCodes codes={signedIn.recoveryCodes} />
        <button type="button" className="button button-primary" onClick={() => startSession(signedIn)}>
          {t('twoFactor.continue')}
        </button>
      </>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const field = recovery ? 'recoveryCode' : 'code';
  return (
    <>
      <h1>{t(enroll ? 'twoFactor.enrollTitle' : 'twoFactor.loginTitle')}</h1>
      <p>{t(enroll ? 'twoFactor.enrollHint' : 'twoFactor.loginHint')}</p>
      {step.enrollment && <EnrollmentCard enrollment={step.enrollment} />}
      <FormAlert message={errors.general} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field
          key={field}
          name={field}
          label={t(recovery ? 'twoFactor.recoveryCode' : 'twoFactor.code')}
          inputMode={recovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          error={errors.field(field)}
          onChange={(e) => setValue(e.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={send.isPending}
          aria-busy={send.isPending}
        >
          {t('twoFactor.submit')}
        </button>
      </form>
      {!enroll && (
        <p>
          <button
            type="button"
            className="two-factor-link"
            onClick={() => {
              setRecovery((r) => !r);
              setValue('');
              send.reset();
            }}
          >
            {t(recovery ? 'twoFactor.useCode' : 'twoFactor.useRecovery')}
          </button>
        </p>
      )}
      <p>
        <button type="button" className="two-factor-link" onClick={onBack}>
          {t('twoFactor.back')}
        </button>
      </p>
    </>
  );
}
