import {
  AlarmModel, API_METRICS, ApiMetricScope, COMPARISONS, DerivedCheckModel, MISSING_DATA, RegionApiModel, STATISTICS,
} from './model';
import { parseReference } from '../stack-model/references';
import { StackModel, StackResource } from '../stack-model/stack-model';

const NAMESPACE = 'AWS/ApiGateway';

/**
 * The aws_cloudwatch_metric_alarms that CLOUDWATCH_METRIC checks read, as the local CloudWatch evaluates them. Only
 * what Route 53 can watch and the local run can feed is accepted: one API Gateway metric of an API of the stack, in
 * the API's region, with a plain statistic; a per-method metric only where the stage publishes it.
 */
export function readAlarms(
  stack: StackModel, checks: ReadonlyMap<string, DerivedCheckModel>, apis: ReadonlyMap<string, RegionApiModel>,
): Map<string, AlarmModel> {
  const alarms = new Map<string, AlarmModel>();
  for (const check of checks.values()) {
    if (check.kind !== 'alarm' || alarms.has(check.alarmId)) continue;
    const alarm = stack.resource('aws_cloudwatch_metric_alarm', check.alarmId)!;
    const model = readAlarm(stack, alarm, apis);
    if (model.scope.region !== check.alarmRegion) {
      throw new Error(`aws_route53_health_check.${check.id} reads ${alarm.address} in ${check.alarmRegion}, `
        + `but the alarm and its metric are in ${model.scope.region}`);
    }
    alarms.set(alarm.name, model);
  }
  return alarms;
}

function readAlarm(stack: StackModel, alarm: StackResource, apis: ReadonlyMap<string, RegionApiModel>): AlarmModel {
  const { address: what, body } = alarm;
  if (body.metric_query !== undefined) throw new Error(`${what}: metric math (metric_query) cannot be read by Route 53, which watches one metric`);
  if (body.extended_statistic !== undefined) throw new Error(`${what}: extended_statistic cannot be read by Route 53 (plain statistics only)`);
  const namespace = stack.literal(body.namespace, `${what}.namespace`);
  if (namespace !== NAMESPACE) throw new Error(`${what}: namespace ${namespace} is not emulated locally (only ${NAMESPACE})`);
  const evaluationPeriods = Number(body.evaluation_periods);
  return {
    id: alarm.name,
    alarmName: stack.literal(body.alarm_name, `${what}.alarm_name`),
    metricName: oneOf(stack.literal(body.metric_name, `${what}.metric_name`), API_METRICS, `${what}.metric_name`),
    scope: readScope(stack, alarm, apis),
    statistic: oneOf(stack.literal(body.statistic, `${what}.statistic`), STATISTICS, `${what}.statistic`),
    periodSeconds: Number(body.period),
    evaluationPeriods,
    datapointsToAlarm: body.datapoints_to_alarm === undefined ? evaluationPeriods : Number(body.datapoints_to_alarm),
    threshold: Number(body.threshold),
    comparison: oneOf(stack.literal(body.comparison_operator, `${what}.comparison_operator`), COMPARISONS, `${what}.comparison_operator`),
    treatMissingData: oneOf(body.treat_missing_data === undefined ? 'missing' : stack.literal(body.treat_missing_data, `${what}.treat_missing_data`),
      MISSING_DATA, `${what}.treat_missing_data`),
  };
}

/** The metric's dimensions: ApiName (which API, so which region), Stage, and Resource with Method. */
function readScope(stack: StackModel, alarm: StackResource, apis: ReadonlyMap<string, RegionApiModel>): ApiMetricScope {
  const what = `${alarm.address}.dimensions`;
  const dimensions = (alarm.body.dimensions ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(dimensions).find((name) => !['ApiName', 'Stage', 'Resource', 'Method'].includes(name));
  if (unknown) throw new Error(`${what}.${unknown}: not a dimension of API Gateway's REST API metrics`);
  const region = stack.requireRegion(alarm);
  const api = apis.get(region);
  const restApi = dimensions.ApiName === undefined ? undefined : restApiNamed(stack, dimensions.ApiName, region, `${what}.ApiName`);
  if (!api || restApi !== api.restApiId) {
    throw new Error(`${what}.ApiName: names no REST API of the stack in ${region} (the alarm's region): it would never get data`);
  }
  const stage = dimensions.Stage === undefined ? undefined : stack.literal(dimensions.Stage, `${what}.Stage`);
  if (stage !== undefined && !api.stageNames.includes(stage)) throw new Error(`${what}.Stage: ${api.restApiId} has no stage "${stage}"`);
  if ((dimensions.Resource === undefined) !== (dimensions.Method === undefined)) {
    throw new Error(`${what}: Resource and Method come together (API Gateway's per-method metrics)`);
  }
  if (dimensions.Resource === undefined) return { region, stage };
  if (stage === undefined) throw new Error(`${what}: a per-method metric needs the Stage dimension`);
  const resource = stack.literal(dimensions.Resource, `${what}.Resource`);
  const method = stack.literal(dimensions.Method, `${what}.Method`);
  if (!api.routes.find((route) => route.path === resource)?.methods.has(method)) {
    throw new Error(`${what}: ${api.restApiId} has no method ${method} ${resource}`);
  }
  if (!publishesMethodMetrics(stack, api.restApiId, stage, resource, method)) {
    throw new Error(`${alarm.address} watches ${method} ${resource} of stage ${stage}, whose per-method metrics no `
      + 'aws_api_gateway_method_settings enables (metrics_enabled): the alarm would never get data');
  }
  return { region, stage, resource, method };
}

/** The REST API an ApiName dimension names: the one it references, or the one of that name in the alarm's region. */
function restApiNamed(stack: StackModel, value: unknown, region: string, what: string): string | undefined {
  const reference = parseReference(value);
  if (reference) return stack.referenced(value, 'aws_api_gateway_rest_api', what).name;
  const name = stack.literal(value, what);
  return stack.resources('aws_api_gateway_rest_api')
    .find((api) => stack.regionOf(api) === region && api.body.name === name)?.name;
}

/** API Gateway publishes per-method metrics for methods whose settings (or the stage's `*\/*`) have metrics_enabled. */
function publishesMethodMetrics(stack: StackModel, restApiId: string, stage: string, resource: string, method: string): boolean {
  return stack.resources('aws_api_gateway_method_settings').some(({ address, body }) => {
    const settings = (Array.isArray(body.settings) ? body.settings[0] : body.settings) as Record<string, unknown> | undefined;
    const path = stack.literal(body.method_path, `${address}.method_path`);
    return parseReference(body.rest_api_id)?.name === restApiId
      && stack.literal(body.stage_name, `${address}.stage_name`) === stage
      && (path === '*/*' || path === `${resource.slice(1)}/${method}`)
      && settings?.metrics_enabled === true;
  });
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${what}: "${value}" is not emulated locally (${allowed.join(', ')})`);
  return value as T;
}
