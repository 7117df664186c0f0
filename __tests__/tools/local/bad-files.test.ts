import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { startLocal } from '../../../tools/local/run-local';
import { synthForLocalRun } from '../../helpers/local-stack';

const CLI = join(projectRoot(), 'dist', 'tools', 'local', 'cli.js');
jest.setTimeout(60_000);

function cli(args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { cwd: projectRoot(), encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: '' } });
}

const stackDir = synthForLocalRun();

/** A copy of the synthesized stack whose hello-world archive holds `bytes`; returns the folder and the archive. */
function stackWithArchive(bytes: Buffer): { dir: string; archive: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'mr-api-corrupt-')), 'multi-region-api');
  cpSync(stackDir, dir, { recursive: true });
  const assets = join(dir, 'assets', 'hello-world-code');
  const archive = join(assets, readdirSync(assets)[0], 'archive.zip');
  writeFileSync(archive, bytes);
  return { dir, archive };
}

test.each([
  ['not a zip at all', Buffer.from('this is not a zip file')],
  ['a truncated zip (end record pointing past the file)', Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 5, 0, 5, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0])],
])('a corrupt handler archive (%s): one line naming the file', (_what, bytes) => {
  const { dir, archive } = stackWithArchive(bytes);
  const run = cli(['--stack-dir', dir, '--port', '0']);
  expect(run.status).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(`npm run local: ${archive} (multi-region-api-hello-world) cannot be read as a zip archive: `);
  expect(run.stderr).toMatch(/; run `npm run synth` again\n$/);
});

test.each([
  // A flag that cannot be a port is a usage error (exit 2); a port that only fails when bound is a run error (exit 1).
  [['--port', '99999'], 2, '--port: "99999" is not an integer from 0 to 65535 (see --help)'],
  [['--port', 'http'], 2, '--port: "http" is not an integer from 0 to 65535 (see --help)'],
  [['--port', '65535'], 1, 'port 65537 (API in us-east-1) is not a TCP port (0 to 65535): choose a lower --port'],
])('an impossible port %j: one line naming it', (args, status, message) => {
  const run = cli(['--stack-dir', stackDir, ...args]);
  expect(run.status).toBe(status);
  expect(run.stderr.trim().split('\n')).toEqual([`npm run local: ${message}`]);
});

test('startLocal with an impossible port names it', async () => {
  await expect(startLocal({ stackDir, port: 99999, log: () => undefined })).rejects
    .toThrow('port 100001 (API in us-east-1) is not a TCP port (0 to 65535): choose a lower --port');
});
