import { existsSync } from 'fs';
import { dirname, join } from 'path';

/** The folder holding package.json, found from this file whether it runs from src/ (tests) or dist/src/ (synth). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
