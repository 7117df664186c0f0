import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { awsGateClients } from '../../../tools/rollout/aws-clients';
import { ApplyFailed, PlanScopeError, RolloutError } from '../../../tools/rollout/errors';
import { readRelease } from '../../../tools/rollout/release';
import { missingProviders, TerraformTarget } from '../../../tools/rollout/terraform-target';
import { EXTRA_PROVIDERS_FILE } from '../../../tools/rollout/terraform-workspace';
import { addressesOwnedBy, GLOBAL } from '../../../tools/stack-model/region-attribution';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { fakeRelease, releasePair } from '../../helpers/rollout';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dirs = releasePair();
const previous = readRelease(dirs.previous, '--previous');
const next = readRelease(dirs.next, '--to');
const WEST_FUNCTION = addressesOwnedBy(next.attribution, 'us-west-2').find((a) => a.startsWith('aws_lambda_function.region-us-west-2_hello-world'))!;
const EAST_FUNCTION = addressesOwnedBy(next.attribution, 'us-east-1').find((a) => a.startsWith('aws_lambda_function.region-us-east-1_hello-world'))!;
const TOPIC = addressesOwnedBy(next.attribution, GLOBAL).find((a) => a.startsWith('aws_sns_topic.'))!;

function planJson(changes: Array<[string, string[]]>, outputs: Record<string, string[]> = {}) {
  return {
    format_version: '1.2', terraform_version: '1.11.4', configuration: { root_module: {} },
    resource_changes: changes.map(([address, actions]) => ({ address, mode: 'managed', type: address.split('.')[0], name: address.split('.')[1], provider_name: 'aws', change: { actions } })),
    output_changes: Object.fromEntries(Object.entries(outputs).map(([name, actions]) => [name, { actions }])),
  };
}

/** A Terraform target over the fake binary; `plans` answers `show -json <file>`. */
function setUp(plans: Record<string, unknown>, env: Record<string, string> = {}) {
  const work = mkdtempSync(join(tmpdir(), 'rollout-tf-'));
  const log = join(work, 'commands.log');
  mkdirSync(join(work, 'plans'));
  for (const [file, plan] of Object.entries(plans)) writeFileSync(join(work, 'plans', `${file}.json`), JSON.stringify(plan));
  writeFileSync(join(work, 'state.json'), JSON.stringify({ values: { root_module: { resources: [] } } }));
  const stateDir = join(work, 'state');
  const target = new TerraformTarget({
    stateDir, callTimeoutMs: 1000, clients: awsGateClients(1000, 'http://127.0.0.1:9'),
    cli: {
      binary: join(__dirname, 'fake-terraform.sh'), log: () => undefined,
      env: { ...process.env, FAKE_TF_LOG: log, FAKE_TF_PLANS: join(work, 'plans'), FAKE_TF_STATE: join(work, 'state.json'), ...env },
    },
  });
  const commands = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((line) => {
    const [cwd, extraProviders, args] = line.split('\t');
    return { cwd, extraProviders: extraProviders === 'true', args: args.trim().split(' ') };
  }) : []);
  return { target, commands, stateDir };
}

const signal = new AbortController().signal;
const wave = { release: next, from: previous, regions: ['us-west-2'], label: 'wave 1 (us-west-2)' };

describe('TerraformTarget', () => {
  test("a wave: init, a plan targeting every us-west-2 address of both releases, the plan checked, then applied", async () => {
    const { target, commands, stateDir } = setUp({ 'rollout-step.tfplan': planJson([[WEST_FUNCTION, ['update']], [EAST_FUNCTION, ['no-op']]]) });
    await target.apply(wave, signal);
    const run = commands();
    expect(run.map((c) => c.args[0])).toEqual(['init', 'plan', 'show', 'apply']);
    expect(run[0].cwd).toBe(join(stateDir, 'work', next.key));
    const targets = run[1].args.filter((arg) => arg.startsWith('-target=')).map((arg) => arg.slice('-target='.length));
    expect(targets).toEqual(addressesOwnedBy(next.attribution, 'us-west-2'));
    expect(targets).toContain(WEST_FUNCTION);
    expect(targets.some((address) => address.includes('health-check-alarms_alarm-us-west-2'))).toBe(true);
    expect(run[3].args).toEqual(['apply', '-input=false', 'rollout-step.tfplan']);
    expect(Object.fromEntries(await target.whatRunsWhere(['us-west-2', 'us-east-1']))).toEqual({ 'us-west-2': next.manifest.regions['us-west-2'], 'us-east-1': undefined });
  });

  test("a plan that would change another region's resource stops the wave before any apply, naming it", async () => {
    const { target, commands } = setUp({ 'rollout-step.tfplan': planJson([[WEST_FUNCTION, ['update']], [EAST_FUNCTION, ['update']], [TOPIC, ['update']]]) });
    const applying = target.apply(wave, signal);
    await expect(applying).rejects.toThrow(PlanScopeError);
    await expect(applying).rejects.toThrow(`wave 1 (us-west-2): the plan would also change ${EAST_FUNCTION} (us-east-1: update); stopped before applying anything`);
    expect(commands().map((c) => c.args[0])).toEqual(['init', 'plan', 'show']);
  });

  test('a failed apply is an ApplyFailed with Terraform\'s error line', async () => {
    const { target } = setUp({ 'rollout-step.tfplan': planJson([[WEST_FUNCTION, ['update']]]) }, { FAKE_TF_FAIL: 'apply' });
    const applying = target.apply(wave, signal);
    await expect(applying).rejects.toThrow(ApplyFailed);
    await expect(applying).rejects.toThrow(/^wave 1 \(us-west-2\): terraform apply failed in \S+ \(exit 1\): Error: fake apply failure$/);
  });

  test('Ctrl-C while planning stops the plan (it changes nothing) and applies nothing', async () => {
    const { target, commands } = setUp({}, { FAKE_TF_SLOW_PLAN: '1' });
    const stop = new AbortController();
    const applying = target.apply(wave, stop.signal);
    for (let waited = 0; !commands().some((c) => c.args[0] === 'plan') && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    stop.abort(new RolloutError('interrupted by SIGINT'));
    await expect(applying).rejects.toThrow('interrupted by SIGINT');
    expect(commands().map((c) => c.args.join(' '))).toEqual(['init -input=false', expect.stringMatching(/^plan -input=false -out=rollout-step.tfplan -target=/), 'plan stopped by SIGINT']);
  });

  test('the final step: global changes applied, a full plan with no resource change, its output changes applied', async () => {
    const { target, commands } = setUp({
      'rollout-global.tfplan': planJson([[TOPIC, ['update']]]),
      'rollout-full.tfplan': planJson([[WEST_FUNCTION, ['no-op']]], { regions: ['update'] }),
    });
    await target.finish(next, previous, signal);
    const run = commands().map((c) => c.args.filter((arg) => !arg.startsWith('-target=')).join(' '));
    expect(run).toEqual([
      'init -input=false', 'plan -input=false -out=rollout-global.tfplan', 'show -json rollout-global.tfplan', 'apply -input=false rollout-global.tfplan',
      'plan -input=false -out=rollout-full.tfplan', 'show -json rollout-full.tfplan', 'apply -input=false rollout-full.tfplan',
    ]);
    expect(commands()[1].args.filter((arg) => arg.startsWith('-target='))).toEqual(addressesOwnedBy(next.attribution, GLOBAL).map((a) => `-target=${a}`));
  });

  test('a full plan that still changes a resource fails the final step, naming it; nothing more is applied', async () => {
    const { target, commands } = setUp({
      'rollout-global.tfplan': planJson([]),
      'rollout-full.tfplan': planJson([[EAST_FUNCTION, ['update']]]),
    });
    await expect(target.finish(next, previous, signal)).rejects.toThrow(`still changes 1 resource(s) (${EAST_FUNCTION}): the waves did not cover them`);
    expect(commands().map((c) => c.args[0])).toEqual(['init', 'plan', 'show', 'plan', 'show']);
  });

  test('rolling back a region only the new release has: its provider is added for that plan only', async () => {
    const model = new StackModel(JSON.parse(readFileSync(join(next.stackDir, 'cdk.tf.json'), 'utf8')));
    const withEu = fakeRelease('eu', { 'eu-west-1': 'eu' }, { provider: { aws: [...model.awsProviders, { alias: 'eu-west-1', region: 'eu-west-1' }] } });
    const step = { release: previous, from: withEu, regions: ['eu-west-1'], label: 'rollback' };
    expect(missingProviders(step)).toEqual([{ alias: 'eu-west-1', region: 'eu-west-1' }]);
    const { target, commands, stateDir } = setUp({ 'rollout-step.tfplan': planJson([]) });
    await target.apply(step as never, signal);
    expect(commands().find((c) => c.args[0] === 'plan')?.extraProviders).toBe(true);
    expect(existsSync(join(stateDir, 'work', previous.key, EXTRA_PROVIDERS_FILE))).toBe(false);
  });

  test('synthetic requests go to the region\'s own hostname', async () => {
    const { target } = setUp({});
    expect(await target.probeTarget(next, 'us-west-2', signal)).toEqual({ url: 'https://us-west-2.api.example.com/v1/helloworld' });
  });
});
