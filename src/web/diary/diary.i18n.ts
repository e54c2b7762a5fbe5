import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the diary pages. */
export const dictionary = defineDictionary({}, {});
