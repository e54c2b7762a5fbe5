import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the imports pages. */
export const dictionary = defineDictionary({}, {});
