// Bundles the compiled CLI (dist/src/cli/main.js) into dist/bundle/: Node resolves and compiles one
// small graph of chunks instead of several hundred modules, which is most of a one-host scan's
// wall time. Dynamic imports stay lazy (code splitting), so `--version` and commands that do not
// need a library still never load it. bin/encscan prefers the bundle unless tsc ran after it.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'dist', 'src', 'cli', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Keep class and function names: error handling and messages use them (e.g. CommanderError).
  keepNames: true,
  // Less for V8 to scan and allocate at start-up; identifiers stay, so --debug stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins. Every chunk gets
  // this banner but few call it, so the real require() is made on first use.
  banner: {
    js: "import { createRequire as __encscanCreateRequire } from 'node:module'; let __encscanRequire; const require = (id) => (__encscanRequire ??= __encscanCreateRequire(import.meta.url))(id);",
  },
});
