import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { manifestOf } from '../../../tools/rollout/release';
import { releaseOf, withHelloCode } from '../../helpers/local-releases';
import { SynthesizedApi } from '../../helpers/synthesized-release';

jest.setTimeout(60_000);

const EAST = 'us-east-1';
const WEST = 'us-west-2';
/** Each release's hello handler says which one it is; the old one takes its time, so a request can be in flight. */
const answering = (text: string, delayMs = 0) => () => `exports.handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, ${delayMs}));
  return { statusCode: 200, body: JSON.stringify({ message: 'Hello from ${text}' }) };
};`;

describe('POST /control/regions/<region>/release on a running local system', () => {
  let system: LocalSystem;
  let slow: SynthesizedApi;
  let fast: SynthesizedApi;
  let withoutWest: SynthesizedApi;
  const idOf = (release: SynthesizedApi, region: string) => manifestOf(release.stackDir, release.model).regions[region];
  const reportOf = (region: string) => system.report().regions.find((r) => r.region === region)!;
  const serverOf = (region: string) => system.regions.find((r) => r.region === region)!;
  const release = (region: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${system.globalUrl}/control/regions/${region}/release`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const hello = async (region: string) => (await (await fetch(`${serverOf(region).url}/prod/helloworld`)).json() as { message: string }).message;

  beforeAll(async () => {
    const base = releaseOf();
    slow = withHelloCode(base, answering('the old release', 400));
    fast = withHelloCode(releaseOf({ lambda: { memoryMb: 256, timeoutSeconds: 9 } }), answering('the new release'));
    // Synthesized here, not in its test: a synth blocks the event loop the local run shares for seconds, and a
    // keep-alive connection the server times out meanwhile fails the next fetch with ECONNRESET.
    withoutWest = releaseOf({ regions: [EAST, 'eu-west-1'] });
    // Route 53 timings x100 slower than real: no probe reaches the regions while these tests count answers.
    system = await startLocal({ stackDir: slow.stackDir, port: 0, timeScale: 0.01 });
  });
  afterAll(() => system?.stop());

  test('the report names, per region, its url, the release it serves and every release it served', () => {
    expect(system.report().timeScale).toBe(0.01);
    for (const region of [EAST, WEST]) {
      expect(reportOf(region)).toMatchObject({ url: serverOf(region).url, release: idOf(slow, region), releasesServed: [idOf(slow, region)] });
    }
  });

  test('requests in flight finish on the old release, the next ones get the new one, functions and settings included', async () => {
    const inFlight = hello(WEST);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await release(WEST, { stackDir: fast.stackDir });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ region: WEST, release: idOf(fast, WEST) });
    expect(await hello(WEST)).toBe('Hello from the new release');
    expect(await inFlight).toBe('Hello from the old release');
    expect([...serverOf(WEST).functions.values()].map((fn) => fn.model.timeoutSeconds)).toEqual([9, 9]);
    // The other region is untouched.
    expect([...serverOf(EAST).functions.values()].map((fn) => fn.model.timeoutSeconds)).toEqual([5, 5]);
    expect(reportOf(EAST).releasesServed).toEqual([idOf(slow, EAST)]);
    expect(reportOf(WEST).releasesServed).toEqual([idOf(slow, WEST), idOf(fast, WEST)]);
    // Back: the local equivalent of a rollback.
    expect((await release(WEST, { stackDir: slow.stackDir })).status).toBe(200);
    expect(await hello(WEST)).toBe('Hello from the old release');
    expect(reportOf(WEST)).toMatchObject({ release: idOf(slow, WEST), releasesServed: [idOf(slow, WEST), idOf(fast, WEST), idOf(slow, WEST)] });
  });

  test('a region keeps its fault across a release (the fault is the world, not the code)', async () => {
    await fetch(`${system.globalUrl}/control/regions/${EAST}/fault`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fault: 'hello-errors', rate: 1 }),
    });
    try {
      expect((await release(EAST, { stackDir: fast.stackDir })).status).toBe(200);
      expect((await fetch(`${serverOf(EAST).url}/prod/helloworld`)).status).toBe(502);
    } finally {
      await fetch(`${system.globalUrl}/control/regions/${EAST}/fault`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fault: 'none' }),
      });
      await release(EAST, { stackDir: slow.stackDir });
    }
    expect(await hello(EAST)).toBe('Hello from the old release');
  });

  test.each([
    ['a folder without a synthesized stack', 400, () => ({ stackDir: '/nowhere' }), /^stackDir \/nowhere: no cdk\.tf\.json here \(give a release's stacks\/multi-region-api folder\)$/],
    ['a stack without the region', 400, () => ({ stackDir: withoutWest.stackDir }),
      /^stackDir \S+: the stack has no region us-west-2 \(its regions: us-east-1, eu-west-1\)$/],
    ['a body without stackDir', 400, () => ({ dir: 'x' }), /^stackDir must be a folder, like \{"stackDir":"<release dir>\/stacks\/multi-region-api"\}; not undefined$/],
    ['a body with another field', 400, () => ({ stackDir: '/x', force: true }), /^unknown field "force"; a release body has "stackDir" only$/],
    ['a body that is not JSON', 400, () => 'stackDir=/x', /^body must be JSON like \{"stackDir":/],
  ])('%s: %d with one line, and the region serves what it served', async (_what, status, body, message) => {
    const before = reportOf(WEST).releasesServed;
    const answer = await release(WEST, body());
    expect(answer.status).toBe(status);
    expect((await answer.json() as { message: string }).message).toMatch(message);
    expect(reportOf(WEST).releasesServed).toEqual(before);
  });

  test('an unknown region: 404; a release POST from another web page: 403; neither changes anything', async () => {
    const before = system.report().regions.map((r) => r.releasesServed);
    expect((await release('eu-west-3', { stackDir: fast.stackDir })).status).toBe(404);
    expect((await release(WEST, { stackDir: fast.stackDir }, { Origin: 'https://evil.example.com' })).status).toBe(403);
    expect((await release(WEST, JSON.stringify({ stackDir: fast.stackDir }), { 'Content-Type': 'text/plain' })).status).toBe(403);
    expect(system.report().regions.map((r) => r.releasesServed)).toEqual(before);
  });
});
