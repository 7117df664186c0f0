import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { build } from './build.mjs';

/**
 * Tests that start the app or a CLI (dist/*.js) run what the source says now: one fast build before any test. Every
 * temporary folder of the run (tests', the CLIs' and Terraform's) goes under one folder that the teardown removes:
 * workers and their children inherit TMPDIR, which os.tmpdir() reads.
 */
export default async function globalSetup() {
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'mr-api-jest-'));
  await build();
}
