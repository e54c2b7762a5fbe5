/** The screen sizes the guides' screenshots are taken at: families' pages on a phone, the rest on a desktop. */
export const shotSizes = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
} as const;

/** The screenshots of the guides (docs/help/img/<language>/<name>.jpg) and the screen each is taken on. */
export const shotScreens = {
  'start-login': 'desktop',
  'admin-first-steps': 'desktop',
  'admin-timetable': 'desktop',
  'admin-backups': 'desktop',
  'teacher-today': 'desktop',
  'teacher-journal-grid': 'desktop',
  'teacher-lesson': 'desktop',
  'class-teacher-class': 'desktop',
  'class-teacher-absences': 'desktop',
  'deputy-control': 'desktop',
  'deputy-reports': 'desktop',
  'director-control': 'desktop',
  'parent-diary': 'phone',
  'parent-marks': 'phone',
  'student-diary': 'phone',
  'district-reports': 'desktop',
} as const satisfies Record<string, keyof typeof shotSizes>;

/** One of the screenshots' names. */
export type ShotName = keyof typeof shotScreens;

/** The width and height of a guide's image, from its path (`../img/ru/<name>.jpg`), if it is one of the shots. */
export function shotSize(src: string): { width: number; height: number } | null {
  const name = /([a-z-]+)\.jpg$/.exec(src)?.[1];
  const screen = name && name in shotScreens ? shotScreens[name as ShotName] : null;
  return screen ? shotSizes[screen] : null;
}
