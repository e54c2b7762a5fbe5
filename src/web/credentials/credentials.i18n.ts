import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the credentials pages. */
export const dictionary = defineDictionary({}, {});
