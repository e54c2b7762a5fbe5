/** A module's interface strings in Russian and their English twins; a missing twin is a compile error. */
export function defineDictionary<const R extends Record<string, string>>(ru: R, en: Record<keyof R, string>) {
  return { ru, en };
}
