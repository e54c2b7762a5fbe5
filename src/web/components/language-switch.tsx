import { setLanguage } from '../i18n/language.ts';
import { dictionaries } from '../i18n/translate.ts';
import { useLanguage } from '../i18n/use-t.ts';

/** A button that switches to the other language, named in that language («English» / «Русский»). */
export function LanguageSwitch() {
  const language = useLanguage();
  const other = language === 'ru' ? 'en' : 'ru';
  return (
    <button type="button" className="button button-quiet" lang={other} onClick={() => setLanguage(other)}>
      {dictionaries[other]['lang.name']}
    </button>
  );
}
