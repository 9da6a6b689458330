// Builds the renderer into dist/renderer with relative URLs (loaded from file:// by Electron).
// JSX uses Vite's built-in transform (Oxc) with React's automatic runtime; no React plugin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // Scripts must be files (CSP script-src 'self'): never inline the module preload polyfill.
    modulePreload: { polyfill: false },
  },
});
