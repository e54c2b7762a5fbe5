import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the regulation page. */
export const dictionary = defineDictionary(
  {
    'regulation.title': 'Положение о ведении журнала',
    'regulation.intro':
      'Текст составлен по настройкам школы: сроки заполнения, окно исправлений, шкала отметок, резервное копирование. Неизменённые разделы следуют настройкам; директор может изменить формулировку любого раздела и утвердить положение.',
    'regulation.edited': 'Формулировка изменена директором',
    'regulation.restore': 'Вернуть текст по настройкам',
    'regulation.save': 'Сохранить проект',
    'regulation.saved': 'Проект сохранён.',
    'regulation.approve': 'Утвердить',
    'regulation.approved': 'Положение утверждено.',
    'regulation.required': 'Обязательное поле.',
    'regulation.draftFiles': 'Проект по нынешним настройкам:',
    'regulation.versionsTitle': 'Утверждённые редакции',
    'regulation.noVersions': 'Положение ещё не утверждалось.',
    'regulation.version': 'Утверждено {date}, {who}',
  },
  {
    'regulation.title': 'Regulation on keeping the journal',
    'regulation.intro':
      "The text comes from the school's settings: deadlines, the edit window, the mark scale, backups. Sections left as they are follow the settings; the director may change the wording of any section and approve the regulation.",
    'regulation.edited': 'Wording changed by the director',
    'regulation.restore': 'Restore the text from the settings',
    'regulation.save': 'Save the draft',
    'regulation.saved': 'The draft is saved.',
    'regulation.approve': 'Approve',
    'regulation.approved': 'The regulation is approved.',
    'regulation.required': 'Required.',
    'regulation.draftFiles': 'The draft under the current settings:',
    'regulation.versionsTitle': 'Approved versions',
    'regulation.noVersions': 'The regulation has not been approved yet.',
    'regulation.version': 'Approved on {date} by {who}',
  },
);
