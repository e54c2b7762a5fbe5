import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the timetable pages. */
export const dictionary = defineDictionary({}, {});
