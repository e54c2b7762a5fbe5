import type { AccountStatus } from '../../contract/people.ts';
import type { TFunction } from '../i18n/use-t.ts';
import { useT } from '../i18n/use-t.ts';
import { Badge } from './controls.tsx';

type Kind = 'mother' | 'father' | 'guardian' | 'other';

/** «мать», «отец»… */
export function kindLabel(t: TFunction, kind: Kind): string {
  return t(`people.kind.${kind}`);
}

/** The relation choices of a parent form. */
export function kindOptions(t: TFunction) {
  return (['mother', 'father', 'guardian', 'other'] as const).map((k) => ({
    value: k,
    label: kindLabel(t, k),
  }));
}

const tones: Record<AccountStatus, 'ok' | 'warn' | 'off' | 'info'> = {
  none: 'off',
  issued: 'info',
  active: 'ok',
  disabled: 'warn',
};

/** Where a person's login stands, in words. */
export function AccountBadge({ status }: { status: AccountStatus }) {
  const t = useT();
  return <Badge tone={tones[status]}>{t(`people.accountStatus.${status}`)}</Badge>;
}
