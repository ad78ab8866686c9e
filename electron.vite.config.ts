import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The renderer's `react` imports go through react-esm.mjs (why: that file), except its own. */
function reactAsEsModule(): Plugin {
  const facade = resolve(__dirname, 'src/renderer/react-esm.mjs');
  return {
    name: 'react-as-es-module',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'react' && importer !== facade ? facade : null;
    },
  };
}

// Main keeps its npm dependencies external (better-sqlite3 is native, TypeORM
// loads drivers dynamically); electron-builder packs them. The sandboxed
// preload cannot require node_modules, so it is bundled whole.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [reactAsEsModule(), react()],
    build: {
      // electron-vite leaves bundles unminified; the renderer's are parsed at every start before the first field can take typing.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
