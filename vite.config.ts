import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Writes `.br` and `.gz` beside each built script and stylesheet, so the server can send them
 * as they are (@fastify/static `preCompressed`) instead of compressing on every request.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gzipped = promisify(gzip);
  return {
    name: 'palpate-precompress',
    apply: 'build',
    async writeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of await readdir(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = path.join(assets, name);
        const content = await readFile(file);
        await writeFile(
          `${file}.br`,
          await brotli(content, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        await writeFile(`${file}.gz`, await gzipped(content, { level: 9 }));
      }
    },
  };
}

/** The web app is served by the Palpate server from dist/web; in development Vite proxies the API. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React changes least often: its own chunk stays cached across Palpate upgrades.
          // Everything else splits along the lazily loaded pages.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    // Only the API's own paths: src/web/api/*.ts must still be served by Vite itself.
    proxy: {
      '^/api/(v\\d+/|health)': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
