import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { existsSync, readFileSync } from 'fs';
import { isAbsolute, relative } from 'path';
import { readZip } from '../archive/read-zip';
import { LocalRunError } from './errors';
import { FunctionModel } from './model';

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/**
 * Loads a function's handler from its synthesized archive into a fresh module scope whose `process.env` is `env` only,
 * so two regions' copies of the same code never see each other's settings (as in two Lambda execution environments).
 */
export function loadHandler(fn: FunctionModel, env: Readonly<Record<string, string>>): ProxyHandler {
  const dot = fn.handler.lastIndexOf('.');
  const file = `${fn.handler.slice(0, dot)}.js`;
  const exportName = fn.handler.slice(dot + 1);
  const archive = shownPath(fn.archivePath);
  if (!existsSync(fn.archivePath)) throw new LocalRunError(`${archive} not found: run \`npm run synth\` again`);
  let files: Map<string, Buffer>;
  try {
    files = readZip(readFileSync(fn.archivePath));
  } catch (error) {
    throw new LocalRunError(`${archive} (${fn.functionName}) cannot be read as a zip archive: ${(error as Error).message}; run \`npm run synth\` again`);
  }
  const code = files.get(file);
  if (!code) throw new LocalRunError(`${fn.functionName}: ${file} is not in ${archive}`);

  const scopedProcess = new Proxy(process, {
    get(target, property) {
      if (property === 'env') return env;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const module = { exports: {} as Record<string, unknown> };
  try {
    const load = new Function('module', 'exports', 'require', 'process', '__filename', '__dirname', code.toString('utf8'));
    load(module, module.exports, require, scopedProcess, `/var/task/${file}`, '/var/task');
  } catch (error) {
    throw new LocalRunError(`${fn.functionName}: ${file} in ${archive} fails to load (${(error as Error).message}): run \`npm run synth\` again`);
  }
  const handler = module.exports[exportName];
  if (typeof handler !== 'function') throw new LocalRunError(`${fn.functionName}: ${file} exports no function "${exportName}"`);
  return handler as ProxyHandler;
}

/** The path relative to the working directory when it is inside it, else absolute. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
