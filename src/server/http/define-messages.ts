/** A module's server messages in Russian and their English twins; the type makes a missing twin an error. */
export function defineMessages<const R extends Record<string, string>>(ru: R, en: Record<keyof R, string>) {
  return { ru, en };
}

/** A module's field labels (named in validation messages) in Russian and English. */
export function defineFields<const R extends Record<string, string>>(ru: R, en: Record<keyof R, string>) {
  return { ru: ru as Record<string, string>, en: en as Record<string, string> };
}
