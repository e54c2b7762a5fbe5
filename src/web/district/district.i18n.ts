import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the district pages. */
export const dictionary = defineDictionary({}, {});
