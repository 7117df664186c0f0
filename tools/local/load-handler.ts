import { unzipSync } from 'fflate';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { existsSync, readFileSync } from 'fs';
import { relative } from 'path';
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
  if (!existsSync(fn.archivePath)) {
    throw new LocalRunError(`${relative(process.cwd(), fn.archivePath)} not found: run \`npm run synth\` again`);
  }
  const code = unzipSync(readFileSync(fn.archivePath))[file];
  if (!code) throw new LocalRunError(`${fn.functionName}: ${file} is not in ${fn.archivePath}`);

  const scopedProcess = new Proxy(process, {
    get(target, property) {
      if (property === 'env') return env;
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const module = { exports: {} as Record<string, unknown> };
  const load = new Function('module', 'exports', 'require', 'process', '__filename', '__dirname', Buffer.from(code).toString('utf8'));
  load(module, module.exports, require, scopedProcess, `/var/task/${file}`, '/var/task');
  const handler = module.exports[exportName];
  if (typeof handler !== 'function') throw new LocalRunError(`${fn.functionName}: ${file} exports no function "${exportName}"`);
  return handler as ProxyHandler;
}
