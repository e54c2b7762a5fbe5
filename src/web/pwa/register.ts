/** Registers the service worker (`/sw.js`) once the page has loaded; a failure leaves the app as it is. */
export function registerServiceWorker(): void {
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without the worker the app still works online; nothing to tell the person.
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
