/**
 * VTL that replaces the static Allow-Origin header with the request's Origin when it is one of `origins`. Apart from
 * the CorsPreflight construct so the local run can rebuild it without loading the provider classes.
 */
export function originMatchTemplate(origins: readonly string[]): string {
  return [
    `#set($allowed = [${origins.map((origin) => `"${origin}"`).join(', ')}])`,
    '#set($origin = $input.params().header.get("Origin"))',
    '#if($allowed.contains($origin))',
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}
