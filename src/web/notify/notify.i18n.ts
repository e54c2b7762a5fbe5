import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the notify pages. */
export const dictionary = defineDictionary({}, {});
