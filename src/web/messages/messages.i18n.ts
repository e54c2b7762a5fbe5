import { defineDictionary } from '../i18n/define.ts';

/** Interface strings of the messages pages. */
export const dictionary = defineDictionary({}, {});
