// The pool's worker from the TypeScript sources (tests, and a clone run before
// its build): the sources are loaded through tsx, as bin/procheck.js does for
// the command. The build compiles work-worker.ts, which the pool uses instead.
import { register } from 'tsx/esm/api';

register();
const worker = await import(new URL('./work-worker.ts', import.meta.url).href);
export default worker.default;
