// Where the package's own data folders (rules/, cases/) are: the nearest
// folder above this module with a package.json. The same from the sources
// (src/...) and from the built package (dist/src/...), wherever it is installed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`procheck: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = packageRoot();

/** A folder shipped with the package, e.g. "rules" or "cases", with a trailing separator. */
export const packageDir = (name: string): string => join(PACKAGE_ROOT, name) + '/';

/** The worked cases shipped with the package: the web page's examples and the review pack's evidence. */
export const DEFAULT_CASES_DIR = packageDir('cases');
