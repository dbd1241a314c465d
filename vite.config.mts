import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { APP_CSP } from './shared/security/csp';

/** The CSP meta goes into built pages only: Vite's dev server relies on inline scripts. */
const cspMeta = (): Plugin => ({
  name: 'tailor-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP }, injectTo: 'head-prepend' },
  ],
});

// The renderer is a static bundle: served by the loopback HTTP host in browser
// mode and by the tailor:// protocol in Electron. A relative base keeps both working.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  resolve: {
    // Shopify's Liquid plugin for Prettier is a UMD bundle that requires `prettier`; in the page that must be
    // Prettier's standalone build, not its Node entry (which would drag in fs, path and every parser).
    alias: [{ find: /^prettier$/, replacement: 'prettier/standalone' }],
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
});
