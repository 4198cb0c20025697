// Bundles the dashboard with esbuild: node build.mjs OUTDIR [NODE_MODULES]
// writes OUTDIR/index.html, app.js and app.css.  The libraries (uPlot,
// cytoscape) come from NODE_MODULES, by default the one beside this file;
// the CMake build installs them into the build tree and passes its path, so
// the source tree never holds node_modules or built files.
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const [outdir, modules = path.join(here, 'node_modules')] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: node build.mjs OUTDIR [NODE_MODULES]');
  process.exit(2);
}

// esbuild is loaded from NODE_MODULES, which need not be beside this file.
const { build } = createRequire(path.resolve(modules, '..', 'package.json'))('esbuild');

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { app: path.join(here, 'src', 'main.js') },
  outdir,
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  nodePaths: [path.resolve(modules)],
  logLevel: 'warning',
  legalComments: 'external',
});
await copyFile(path.join(here, 'index.html'), path.join(outdir, 'index.html'));
