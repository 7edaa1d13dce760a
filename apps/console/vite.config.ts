import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Herald server at /console; `pnpm dev` proxies the API to a server on :3000.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
