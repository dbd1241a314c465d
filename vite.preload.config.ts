import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Bundles the sandboxed preload into one CommonJS file. A sandboxed preload can
 * only require('electron'), so everything else (the method list, the shell
 * channel names) must be inlined here.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: fileURLToPath(new URL('./electron/main/preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
