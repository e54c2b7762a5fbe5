/** A browser and its system as a person recognises them: «Chrome 120», «Windows». */
export interface BrowserInfo {
  browser: string | null;
  os: string | null;
}

/** Browsers in the order they must be tried: Edge, Yandex and Opera also say «Chrome», Chrome says «Safari». */
const browsers: [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Яндекс Браузер', /\bYaBrowser\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera|OPT)\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\//],
];

/** Systems in the order they must be tried: Android says «Linux», iOS says «like Mac OS X». */
const systems: [name: string, pattern: RegExp][] = [
  ['Android', /\bAndroid\b/],
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

/**
 * The browser (with its major version) and the system of a user agent, by a few small patterns;
 * null for what they do not recognise. Shown in the login history and the session list only.
 */
export function describeUserAgent(userAgent: string | null): BrowserInfo {
  if (!userAgent) return { browser: null, os: null };
  let browser: string | null = null;
  for (const [name, pattern] of browsers) {
    const m = pattern.exec(userAgent);
    if (m) {
      browser = `${name} ${m[1]}`;
      break;
    }
  }
  const os = systems.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? null;
  return { browser, os };
}

/** «Chrome 120, Windows»; null when neither is recognised. */
export function browserLabel(userAgent: string | null): string | null {
  const { browser, os } = describeUserAgent(userAgent);
  const parts = [browser, os].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}
