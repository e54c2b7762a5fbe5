import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the offline journal: the queue's indicator and the sign-out warning. */
export const dictionary = defineDictionary(
  {
    'offline.waitingOffline':
      'Нет связи. Изменений в журнале ждут отправки: {count}. Они сохранены на этом устройстве и уйдут сами, когда связь вернётся.',
    'offline.sending': 'Отправляем изменения, сделанные без связи: {count}…',
    'offline.waiting': 'Изменений в журнале ждут отправки: {count}.',
    'offline.sendNow': 'Отправить сейчас',
    'offline.conflicts': 'Не принято сервером: {count}. Откройте журнал и выберите, какое значение оставить:',
    'offline.signOutConfirm':
      'Изменений, сделанных без связи, ещё не отправлено: {count}. После выхода они будут удалены с этого устройства. Выйти всё равно?',
  },
  {
    'offline.waitingOffline':
      'No connection. Journal changes waiting to be sent: {count}. They are kept on this device and go by themselves when the connection returns.',
    'offline.sending': 'Sending the changes made without a connection: {count}…',
    'offline.waiting': 'Journal changes waiting to be sent: {count}.',
    'offline.sendNow': 'Send now',
    'offline.conflicts':
      'Not accepted by the server: {count}. Open the journal and choose which value to keep:',
    'offline.signOutConfirm':
      'Changes made without a connection are not sent yet: {count}. Signing out deletes them from this device. Sign out anyway?',
  },
);
