import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the backups page. */
export const dictionary = defineDictionary(
  {
    'backups.title': 'Резервные копии',
  },
  {
    'backups.title': 'Backups',
  },
);
