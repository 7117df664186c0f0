/**
 * VTL that sets Access-Control-Allow-Origin to the request's Origin when it is one of `origins`, and leaves the header
 * out otherwise. The Origin header is found whatever its case (HTTP/2 clients send `origin`). Apart from the
 * CorsPreflight construct so the local run can rebuild it without loading the provider classes.
 */
export function originMatchTemplate(origins: readonly string[]): string {
  return [
    `#set($allowed = [${origins.map((origin) => `"${origin}"`).join(', ')}])`,
    '#set($origin = "")',
    '#foreach($name in $input.params().header.keySet())',
    '#if($name.toLowerCase() == "origin")#set($origin = $input.params().header.get($name))#end',
    '#end',
    '#if($allowed.contains($origin))',
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}
