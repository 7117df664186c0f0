import { existsSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { LocalRunError } from './errors';
import { LocalStackModel } from './model';
import { readAlarms } from './read-alarms';
import { readApis } from './read-apis';
import { readDerivedChecks, readHealthChecks, readLatencyRecords } from './read-routing';
import { StackModel } from '../stack-model/stack-model';
import { TerraformJson } from '../stack-model/terraform-json';

export const STACK_FILE = 'cdk.tf.json';

/** `<CDKTF_OUTDIR or cdktf.out>/stacks/multi-region-api`, where `npm run synth` writes the stack. */
export function defaultStackDir(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return join(cwd, env.CDKTF_OUTDIR || 'cdktf.out', 'stacks', API_STACK_NAME);
}

/** Reads the synthesized stack into the model the local runner serves; every problem is one LocalRunError line. */
export function readStack(stackDir: string): LocalStackModel {
  const file = join(stackDir, STACK_FILE);
  const shown = relative(process.cwd(), file) || file;
  if (!existsSync(file)) throw new LocalRunError(`${shown} not found: run \`npm run synth\` first`);
  let json: TerraformJson;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as TerraformJson;
  } catch (error) {
    throw new LocalRunError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return modelOf(new StackModel(json), stackDir);
  } catch (error) {
    throw new LocalRunError(`${shown}: ${(error as Error).message}`);
  }
}

function modelOf(stack: StackModel, stackDir: string): LocalStackModel {
  // Regional providers are aliased by their region's code; others (e.g. us-east-1-monitoring for alarms) serve no API.
  const regions = stack.awsProviders
    .filter((provider) => provider.region && provider.alias === provider.region)
    .map((provider) => provider.region!);
  const apis = readApis(stack, stackDir);
  const healthChecks = readHealthChecks(stack);
  const derivedChecks = readDerivedChecks(stack);
  const records = readLatencyRecords(stack);
  for (const region of regions) {
    if (!apis.has(region)) throw new Error(`region ${region} has no aws_api_gateway_rest_api`);
  }
  const alarms = readAlarms(stack, derivedChecks, apis);
  if (records.length === 0) {
    throw new Error('no Route 53 latency records (aws_route53_record with latency_routing_policy): '
      + 'the global layer is missing, so there is no global endpoint to emulate');
  }
  for (const check of healthChecks.values()) {
    if (check.viaCustomDomain && !apis.get(check.targetRegion)?.basePaths.some((mapping) => mapping.domainName === check.host)) {
      throw new Error(`aws_route53_health_check.${check.id} probes ${check.host} in ${check.targetRegion}, `
        + `where no aws_api_gateway_base_path_mapping serves ${check.host}`);
    }
  }
  for (const record of records) {
    const mapped = apis.get(record.targetRegion)?.basePaths.some((mapping) => mapping.domainName === record.name);
    if (!mapped) {
      throw new Error(`aws_route53_record.${record.id} sends ${record.name} to ${record.targetRegion}, `
        + `where no aws_api_gateway_base_path_mapping serves ${record.name}`);
    }
    if (record.healthCheckId && !healthChecks.has(record.healthCheckId) && !derivedChecks.has(record.healthCheckId)) {
      throw new Error(`aws_route53_record.${record.id}.health_check_id: no such health check`);
    }
  }
  return { regions, apis, healthChecks, derivedChecks, alarms, records };
}
