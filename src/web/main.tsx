import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { queryClient } from './app/session.ts';
import { applyLanguageToDocument } from './i18n/language.ts';
import { registerServiceWorker } from './pwa/register.ts';
import './styles.css';

applyLanguageToDocument();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
if (import.meta.env.PROD && 'serviceWorker' in navigator) registerServiceWorker();
