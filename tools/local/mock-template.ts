import { originMatchTemplate } from '../../src/aws/cors-origin-template';

/**
 * The one VTL shape the stack's CORS preflight uses (originMatchTemplate): echo the request's Origin into
 * Access-Control-Allow-Origin when it is in a list. Returns that list; any other template is refused, so the local
 * run never quietly answers differently from API Gateway.
 */
export function echoedOrigins(template: string, where: string): string[] {
  const list = /^#set\(\$allowed = \[([^\]]*)\]\)/.exec(template);
  const origins = list ? [...list[1].matchAll(/"([^"]*)"/g)].map((match) => match[1]) : [];
  if (!list || template !== originMatchTemplate(origins)) {
    throw new Error(`${where}: response template is not the origin-echo template the local runner understands`);
  }
  return origins;
}
