import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the people pages. */
export const dictionary = defineDictionary({}, {});
