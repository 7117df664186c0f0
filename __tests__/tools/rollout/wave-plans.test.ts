import { classifyPlan } from '../../../tools/plan-change/risk/classify';
import { StateFile } from '../../../tools/plan-change/prior-state/state-file';
import { planWaveSets, WaveRun } from '../../../tools/plan-change/waves/plan-waves';
import { WaveChange, wavePlanProblems } from '../../../tools/rollout/dry-run';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS } from '../../helpers/terraform';
import { BASE_CONFIG, SCENARIOS } from '../plan-change/scenarios/configs';
import { changeHelloHandler, releasesOf } from './wave-releases';

// Three rollouts from one live 3-region stack, planned offline by hashicorp/aws step by step as `npm run rollout`
// makes them (each wave a targeted plan of the new release against the state the waves before it leave), all in ONE
// Terraform run per step and one prior state.

const [R1, R2, R3] = BASE_CONFIG.regions;
const NEW_REGION = 'ap-southeast-1';
const WAVES = [[R1], [R2, R3]];

const regionsOf = (changes: readonly WaveChange[]) => [...new Set(changes.map((c) => c.region))].sort();
const risksOf = (changes: readonly WaveChange[]) => changes.filter((c) => c.risk !== '-');

/** Lambda-proxy integrations whose `uri` names no function of the state: a stage serving them would fail. */
function integrationsWithoutFunction(state: StateFile): string[] {
  const invokeArns = new Set(state.resources.filter((r) => r.type === 'aws_lambda_function').flatMap((r) => r.instances.map((i) => i.attributes.invoke_arn)));
  return state.resources.filter((r) => r.type === 'aws_api_gateway_integration')
    .filter((r) => r.instances.some((i) => String(i.attributes.uri).includes(':lambda:path/') && !invokeArns.has(i.attributes.uri)))
    .map((r) => r.name);
}

describeWithTerraform('rollout --dry-run: each wave planned by hashicorp/aws against what the waves before it leave', (terraform) => {
  let release: WaveRun;
  let addRegion: WaveRun;
  let rename: WaveRun;

  beforeAll(async () => {
    const releases = releasesOf({
      base: BASE_CONFIG,
      release: { ...BASE_CONFIG, lambda: { memoryMb: 256 }, cors: { allowOrigins: ['https://app.example.com'] } },
      addRegion: SCENARIOS.addRegion,
      rename: SCENARIOS.rename,
    }, { release: changeHelloHandler });
    const previous = releases.base;
    [release, addRegion, rename] = await planWaveSets([
      { previous, to: releases.release, waves: WAVES },
      { previous, to: releases.addRegion, waves: [[NEW_REGION], [R1, R2, R3]] },
      { previous, to: releases.rename, waves: WAVES },
    ], { terraform });
  }, 2 * TERRAFORM_TIMEOUT_MS); // three Terraform runs in a row, and a convergence when the prior state is not cached

  test('handler code, memory and CORS: wave 1 changes only r1, wave 2 only r2 and r3, the final full plan nothing', () => {
    const [first, second] = release.plan.waves;
    expect(regionsOf(first.changes)).toEqual([R1]);
    expect(regionsOf(second.changes)).toEqual([R2, R3].sort());
    expect(release.plan.final.changes).toEqual([]);
    expect(risksOf([...first.changes, ...second.changes])).toEqual([]);
    expect(wavePlanProblems(release.plan)).toEqual([]);
    const hello = classifyPlan(release.steps[0].plan!).changes.find((c) => c.type === 'aws_lambda_function' && c.address.includes('hello-world'))!;
    expect(hello.attributes).toEqual(expect.arrayContaining(['memory_size', 'source_code_hash']));
    expect(first.changes.filter((c) => c.address.startsWith('aws_api_gateway_deployment.')).map((c) => c.action)).toEqual(['replace-create-before-destroy']);
  });

  test('a region added: created in its own wave (with the global records it needs), nothing of another region changed there', () => {
    const [first] = addRegion.plan.waves;
    const created = first.changes.filter((c) => c.region === NEW_REGION);
    expect(created.length).toBeGreaterThan(20);
    expect(created.filter((c) => c.action !== 'create')).toEqual([]);
    expect(regionsOf(first.changes).filter((region) => region !== NEW_REGION && region !== 'global')).toEqual([]);
    expect(addRegion.plan.final.changes.filter((c) => c.region !== 'global')).toEqual([]);
    expect(wavePlanProblems(addRegion.plan)).toEqual([]);
  });

  test('a rename (namePrefix): no stage or integration points at a deleted function after any wave; no outage', () => {
    expect(integrationsWithoutFunction(rename.steps[0].stateAfter)).toEqual([]);
    rename.steps.forEach((step) => expect({ step: step.step.regions, dangling: integrationsWithoutFunction(step.stateAfter) })
      .toEqual({ step: step.step.regions, dangling: [] }));
    rename.plan.waves.forEach((wave) => {
      const replaced = wave.changes.filter((c) => c.address.startsWith('aws_lambda_function.') && c.action.startsWith('replace'));
      expect(regionsOf(replaced)).toEqual([...wave.regions].sort());
      const stages = wave.changes.filter((c) => c.address.startsWith('aws_api_gateway_stage.'));
      expect(regionsOf(stages)).toEqual([...wave.regions].sort());
    });
    // Left for the final step: global resources only (the alarm topic's subscriptions, replaced with the topic).
    expect(regionsOf(rename.plan.final.changes)).toEqual(['global']);
    expect(wavePlanProblems(rename.plan)).toEqual([]);
  });
});
