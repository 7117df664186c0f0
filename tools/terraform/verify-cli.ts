import { relative } from 'path';
import { configPath } from '../../src/config';
import { parseCli } from '../cli/args';
import { projectRoot } from '../../src/project-root';
import { PLAN_JSON_FILE } from './plan';
import { summarizePlan } from './summary';
import { proveOutdir, StackProof, StackProofError } from './verify';
import { describeInstallSource, fail, runScript, setUpOfflineProof } from './offline-proof-setup';

const USAGE = `usage: npm run verify
  Synthesizes the configured app (MULTI_REGION_CONFIG or the example) into test-artifacts/verify/, then runs
  terraform init, plan (which validates) and test on every stack offline (fake credentials, local state).
exit 0: every stack valid and fully planned; 1: a stack failed`;

function reportLine(proof: StackProof): string {
  const created = summarizePlan(proof.plan).actions.get('create') ?? 0;
  const s = (n: number) => `${n.toFixed(1)}s`;
  const test = proof.test ? `test ${proof.test.passed} passed (${s(proof.test.seconds)})` : 'no .tftest.hcl';
  return `  ${proof.stack.padEnd(20)} init ${s(proof.seconds.init)}  `
    + `plan ${created} to create (${s(proof.seconds.plan)})  ${test}`;
}

async function main(): Promise<void> {
  parseCli({ name: 'verify', usage: USAGE, config: {} });
  const started = Date.now();
  const { session, outdir } = setUpOfflineProof('verify');
  console.log(`Offline proof of ${configPath()} with Terraform ${session.binary.version}, ${describeInstallSource(session)}`);
  try {
    const proofs = await proveOutdir(session, outdir, (proof) => console.log(reportLine(proof)));
    const plans = relative(projectRoot(), `${outdir}/stacks/<stack>/${PLAN_JSON_FILE}`);
    console.log(`OK: ${proofs.length} stack(s) valid and fully planned in ${((Date.now() - started) / 1000).toFixed(1)}s; plans in ${plans}`);
  } catch (error) {
    if (error instanceof StackProofError) fail(`FAILED ${error.message}`);
    throw error;
  }
}

runScript(main);
