import { readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeZip } from '../../src/archive/write-zip';
import { synthForLocalRun } from './local-stack';

/**
 * A synthesized stack (MINIMAL plus `overrides`) whose hello-world archive is replaced by `index.js` = `handlerCode`,
 * e.g. a handler that throws: the local run then serves exactly what the stack says about such failures.
 */
export function stackWithHelloWorld(handlerCode: string, overrides: Record<string, unknown> = {}): string {
  const stackDir = synthForLocalRun(overrides);
  const assets = join(stackDir, 'assets', 'hello-world-code');
  const archive = join(assets, readdirSync(assets)[0], 'archive.zip');
  writeFileSync(archive, writeZip(new Map([['index.js', Buffer.from(handlerCode)]])));
  return stackDir;
}

export const THROWING_HANDLER = 'exports.handler = async () => { throw new Error("boom"); };';
export const HANGING_HANDLER = 'exports.handler = () => new Promise(() => undefined);';
