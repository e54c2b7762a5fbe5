import { defineFields, defineMessages } from '../http/define-messages.ts';

/** Messages of the credentials module. */
export const messages = defineMessages(
  {
    credentialsOwnAccount: 'Свой доступ так не выдают: смените пароль в разделе «Сменить пароль».',
    credentialsNothingToIssue:
      'Никому из выбранных доступ не выдан: у обучающихся нет согласия родителя на обработку данных, или учётные записи отключены.',
    credentialsNoAccount: 'У этого человека ещё нет учётной записи: сначала выдайте доступ.',
  },
  {
    credentialsOwnAccount: 'Your own access is not issued here: change your password instead.',
    credentialsNothingToIssue:
      'No access was issued: the students have no parental consent to data processing, or the accounts are switched off.',
    credentialsNoAccount: 'This person has no account yet: issue access first.',
  },
);

/** Labels of the credentials module's input fields. */
export const fields = defineFields(
  { personIds: 'Кому выдать доступ', reactivate: 'Включить отключённые учётные записи' },
  { personIds: 'Whom to issue access', reactivate: 'Switch disabled accounts back on' },
);
