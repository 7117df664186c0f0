import { lookup } from 'dns/promises';
import { hostname } from 'os';

/**
 * This machine's name and the address it resolves to, for a local test server the health function will call: it
 * refuses loopback literals and `localhost`, and judges names without resolving them (as synth must, offline).
 */
export async function machineName(): Promise<{ readonly name: string; readonly address: string }> {
  const name = hostname().toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) throw new Error(`this machine is named ${name}: tests need another name for it`);
  const { address } = await lookup(name);
  return { name, address };
}
