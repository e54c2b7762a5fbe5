import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the structure pages. */
export const dictionary = defineDictionary({}, {});
