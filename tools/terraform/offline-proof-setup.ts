import { mkdirSync, rmSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';
import { MirrorError } from './cli-config';
import { findTerraform } from './find-terraform';
import { createTerraformSession, TerraformSession } from './session';
import { SynthError, synthesizeInto } from '../stack-model/synthesize';

export interface OfflineProofSetup {
  readonly session: TerraformSession;
  readonly outdir: string;
}

/** A failure the script reports as its one line on stderr, with exit code 1. */
export class ScriptFailure extends Error {}

export function fail(message: string): never {
  throw new ScriptFailure(message);
}

/** Runs a script's main: a ScriptFailure becomes one line on stderr and exit code 1 (stdout is flushed first). */
export function runScript(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (!(error instanceof ScriptFailure)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  });
}

/**
 * Finds Terraform, synthesizes the configured app into test-artifacts/<name>/ (wiped first; kept afterwards for
 * inspection) and writes the run's CLI configuration there. Every failure ends the script with one clear line.
 */
export function setUpOfflineProof(name: string): OfflineProofSetup {
  const terraform = findTerraform();
  if (!terraform.found) fail(terraform.message);
  const workDir = join(projectRoot(), 'test-artifacts', name);
  rmSync(workDir, { recursive: true, force: true });
  const outdir = join(workDir, 'cdktf.out');
  mkdirSync(outdir, { recursive: true });
  try {
    synthesizeInto(outdir);
    return { session: createTerraformSession(terraform.binary, { workDir }), outdir };
  } catch (error) {
    if (error instanceof SynthError || error instanceof MirrorError) fail(error.message);
    throw error;
  }
}

/** Where the session installs providers from, for the report's first line. */
export function describeInstallSource(session: TerraformSession): string {
  return session.mirror ? `providers from the filesystem mirror ${session.mirror}` : 'providers from the Terraform registry';
}
