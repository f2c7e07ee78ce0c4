import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (npm start); Vite proxies to it so cookies stay same-origin.
export default defineConfig({
  base: '/analytics/',
  plugins: [vue()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
  // exceljs (~930 kB) is its own chunk, loaded only when someone exports to Excel.
  build: { sourcemap: false, chunkSizeWarningLimit: 1000 },
});
