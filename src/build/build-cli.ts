// The build's second half, after tsc: the command line as one bundled
// program (so a cold start loads one file, not hundreds of modules), and the
// shipped rule set validated once and written as a snapshot beside it.
// Run by `npm run build` through tsx; not part of the library.
import { build } from 'esbuild';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-dir.js';

await build({
  // The command, the worker threads that check a register on several cores, and those of the server's pool, sharing their chunks.
  entryPoints: [join(PACKAGE_ROOT, 'src', 'cli', 'run.ts'), join(PACKAGE_ROOT, 'src', 'batch', 'batch-worker.ts'), join(PACKAGE_ROOT, 'src', 'server', 'work-worker.ts')],
  outdir: join(PACKAGE_ROOT, 'dist', 'cli'),
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // The web server and its plugins load their own files (Swagger UI's pages, static assets) from where they are installed,
  // and load only for `serve`: they stay packages, as does the server's pool (Piscina starts its threads from its own
  // worker file). The libraries a check uses are bundled.
  external: ['fastify', '@fastify/*', 'piscina'],
  // Dependencies written as CommonJS call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __procheckRequire } from 'node:module'; const require = __procheckRequire(import.meta.url);" },
});

// The snapshot is written last, after the code that reads it, and by the compiled code itself.
const { loadRuleSet } = await import(join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'rule-set.js'));
const { writeSnapshot } = await import(join(PACKAGE_ROOT, 'dist', 'src', 'engine', 'rule-set-snapshot.js'));
writeSnapshot(loadRuleSet());
