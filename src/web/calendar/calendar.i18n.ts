import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the calendar pages. */
export const dictionary = defineDictionary({}, {});
