import { CLIENT_HELLO_PATH } from '../../src/contract';
import type { SettingsFile } from '../../browser-client/timeline';

/** The settings.json this tool writes: the client's settings file with its endpoint set. */
export type ClientSettingsFile = SettingsFile & { readonly endpoint: string };

const HELLO_SUFFIX = CLIENT_HELLO_PATH;

/** From `terraform output -json`: the stack's `global_url` output ("https://<domain>/v1/helloworld"). */
export function settingsFromOutputs(outputs: unknown): ClientSettingsFile {
  const globalUrl = (outputs as { global_url?: { value?: unknown } } | null)?.global_url?.value;
  if (typeof globalUrl !== 'string' || !globalUrl.endsWith(HELLO_SUFFIX)) {
    throw new Error(`terraform output has no global_url ending in ${HELLO_SUFFIX} (found ${JSON.stringify(globalUrl)})`);
  }
  return { endpoint: globalUrl.slice(0, -HELLO_SUFFIX.length) };
}

/** From the config: the API's public name. */
export function settingsFromDomain(domainName: string): ClientSettingsFile {
  return { endpoint: `https://${domainName}` };
}
