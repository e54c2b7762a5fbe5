import type { z } from 'zod';
import type { twoFactorEnrollment } from '../../contract/two-factor.ts';
import { useT } from '../i18n/use-t.ts';
import { QrCode } from './two-factor-qr.tsx';

/** A secret to add to the app: the QR code and the key as text, in groups of four. */
export function EnrollmentCard({ enrollment }: { enrollment: z.infer<typeof twoFactorEnrollment> }) {
  const t = useT();
  return (
    <div className="two-factor-enrollment">
      <p>{t('twoFactor.scan')}</p>
      <QrCode text={enrollment.uri} label={t('twoFactor.qr')} />
      <p>
        {t('twoFactor.secret')}:{' '}
        <code className="two-factor-secret" data-secret={enrollment.secret}>
          {enrollment.secret.replace(/(.{4})/g, '$1 ').trim()}
        </code>
      </p>
    </div>
  );
}

/** The recovery codes, shown once. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <div className="two-factor-codes">
      <h3>{t('twoFactor.codesTitle')}</h3>
      <p>{t('twoFactor.codesHint')}</p>
      <ul aria-label={t('twoFactor.codesTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
