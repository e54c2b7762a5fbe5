import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: sources in src/web, built into dist/web, which the Fastify server serves under `/`. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      // Libraries change less often than the app: one long-cached chunk of them.
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
