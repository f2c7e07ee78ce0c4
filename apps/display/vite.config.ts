import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// In development the API runs on :3000 (npm start); Vite proxies to it so cookies stay same-origin.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
  build: { sourcemap: false },
});
