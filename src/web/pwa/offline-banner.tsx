import { useEffect, useState } from 'react';
import { formatDate } from '../i18n/format-date.ts';
import { useT } from '../i18n/use-t.ts';
import './pwa.css';

/** What the service worker says about an API answer (src/web/public/sw.js). */
type WorkerMessage =
  | { type: 'otmetka-offline-data'; storedAt: string | null }
  | { type: 'otmetka-fresh-data' };

/** Whether the browser believes it is online, following its online/offline events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** When the page was last shown saved data (the service worker's `storedAt`), until fresh data arrives. */
function useSavedDataShown(): { shown: boolean; storedAt: string | null } {
  const [state, setState] = useState<{ shown: boolean; storedAt: string | null }>({
    shown: false,
    storedAt: null,
  });
  useEffect(() => {
    const worker = navigator.serviceWorker;
    if (!worker) return;
    const onMessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data?.type === 'otmetka-offline-data')
        setState({ shown: true, storedAt: event.data.storedAt });
      else if (event.data?.type === 'otmetka-fresh-data') setState({ shown: false, storedAt: null });
    };
    worker.addEventListener('message', onMessage);
    return () => worker.removeEventListener('message', onMessage);
  }, []);
  return state;
}

function formatStored(iso: string | null): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(date)} ${time}`;
}

/** «Нет связи с сервером. Показаны сохранённые данные.» while offline or while saved answers are shown. */
export function OfflineBanner() {
  const t = useT();
  const online = useOnline();
  const saved = useSavedDataShown();
  if (online && !saved.shown) return null;
  const time = formatStored(saved.storedAt);
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {time ? t('pwa.offlineSince', { time }) : t('pwa.offline')}
    </div>
  );
}
