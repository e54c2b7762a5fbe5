// Loaded before the app's modules: Zod would otherwise probe for `new Function` (its JIT) when
// the first schema is built, which the Content-Security-Policy forbids (script-src 'self', no eval).
globalThis.__zod_globalConfig = { jitless: true };
