import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalRunError } from '../../../tools/local/errors';
import { readStack } from '../../../tools/local/read-stack';
import { modelErrorRateMs, modelFailoverMs } from '../../../tools/local/run-local';
import { HEALTH_CHECKER_REGIONS } from '../../../src/config/aws-regions';
import { synthForLocalRun } from '../../helpers/local-stack';

const stackDir = synthForLocalRun({
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] },
  // 8 checker regions x 60 s / 30 s: 16 probe requests a period, so the floor must be at most 16.
  healthCheck: { requestInterval: 30, failureThreshold: 3, errorRate: { minRequests: 16 } },
});
const original = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
const executeApiOriginal = JSON.parse(readFileSync(join(synthForLocalRun({ healthCheck: { target: 'execute-api' } }), 'cdk.tf.json'), 'utf8'));

/** The stack (by default the hostname-checked one) with one edit, written to a fresh folder. */
function edited(edit: (json: typeof original) => void, base = original): string {
  const json = JSON.parse(JSON.stringify(base));
  edit(json);
  const dir = mkdtempSync(join(tmpdir(), 'mr-api-edited-'));
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(json));
  return dir;
}

describe('readStack on a synthesized stack', () => {
  const model = readStack(stackDir);

  test('regions in config order, one API each with both routes and stage prod', () => {
    expect(model.regions).toEqual(['us-east-1', 'us-west-2', 'eu-west-1']);
    for (const region of model.regions) {
      const api = model.apis.get(region)!;
      expect(api.stageNames).toEqual(['prod']);
      expect(api.routes.map((r) => r.path).sort()).toEqual(['/healthcheck', '/helloworld']);
      expect(api.basePaths).toEqual([
        { domainName: 'api.example.com', basePath: 'v1', stageName: 'prod' },
        { domainName: `${region}.api.example.com`, basePath: 'v1', stageName: 'prod' },
      ]);
    }
  });

  test('GET goes to the function named by the integration uri; its environment comes from the stack', () => {
    const api = model.apis.get('us-west-2')!;
    const health = api.routes.find((r) => r.path === '/healthcheck')!.methods.get('GET')!;
    expect(health.type).toBe('AWS_PROXY');
    const fn = api.functions.get((health as { functionId: string }).functionId)!;
    expect(fn.functionName).toBe('multi-region-api-health-check');
    expect(fn.environment).toMatchObject({ STATUS: 'ok', DEPENDENCY_TIMEOUT_MS: '1500' });
    expect(fn.archivePath).toMatch(/assets\/health-check-code\/\w+\/archive\.zip$/);
  });

  test('OPTIONS is the MOCK answer: static headers plus the origins the template echoes', () => {
    const options = model.apis.get('us-east-1')!.routes[0].methods.get('OPTIONS');
    expect(options).toEqual({
      type: 'MOCK',
      statusCode: 200,
      headers: { 'Access-Control-Allow-Headers': expect.any(String), 'Access-Control-Allow-Methods': 'GET,OPTIONS' },
      echoOrigins: ['https://a.example.com', 'https://b.example.com'],
    });
  });

  test('the model failover time at real scale is the stack\'s failover_seconds output', () => {
    expect(modelFailoverMs(model, 1)).toBe(original.output.failover_seconds.value * 1000);
    expect(modelFailoverMs(model, 1)).toBe((30 * 3 + 60) * 1000);
  });

  test('health checks and latency records from the stack, not from defaults', () => {
    const byRegion = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect([...model.healthChecks.values()].map((c) => [c.targetRegion, c.host, c.resourcePath, c.searchString, c.requestInterval, c.failureThreshold]).sort())
      .toEqual(model.regions.flatMap((region) => [
        [region, `${region}.api.example.com`, '/v1/healthcheck', 'ok', 30, 3],
        [region, `${region}.api.example.com`, '/v1/helloworld', 'Hello from', 30, 3],
      ]).sort());
    // Each region's records carry a calculated check over its health route, its served route and its error gate.
    for (const record of model.records) {
      const dns = model.derivedChecks.get(record.healthCheckId!);
      expect(dns).toMatchObject({ kind: 'calculated', healthyChildren: 3 });
      const children = dns?.kind === 'calculated' ? dns.childIds : [];
      expect(children.slice(0, 2).map((id) => model.healthChecks.get(id)?.resourcePath)).toEqual(['/v1/healthcheck', '/v1/helloworld']);
      expect(model.derivedChecks.get(children[2])).toMatchObject({ kind: 'calculated', healthyChildren: 1 });
    }
    expect(model.records.map((r) => [r.latencyRegion, r.targetRegion, r.type, r.ttlSeconds]).sort(byRegion))
      .toEqual(model.regions.map((region) => [region, region, 'A', 60]).sort(byRegion));
  });
});

describe('the alarms Route 53 reads, and its checkers', () => {
  const model = readStack(stackDir);

  test('each region\'s two alarms as synthesized: metric, per-method dimensions, statistic, threshold, periods, missing data', () => {
    const alarms = [...model.alarms.values()];
    expect(alarms).toHaveLength(6);
    for (const region of model.regions) {
      const scope = { region, stage: 'prod', resource: '/helloworld', method: 'GET' };
      const common = { scope, periodSeconds: 60, evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: 'notBreaching' };
      const byMetric = alarms.filter((a) => a.scope.region === region).sort((a, b) => (a.metricName < b.metricName ? -1 : 1));
      expect(byMetric).toEqual([
        expect.objectContaining({ ...common, alarmName: `multi-region-api-error-rate-${region}`, metricName: '5XXError', statistic: 'Average', threshold: 0.05, comparison: 'GreaterThanThreshold' }),
        expect.objectContaining({ ...common, alarmName: `multi-region-api-requests-${region}`, metricName: 'Count', statistic: 'Sum', threshold: 16, comparison: 'GreaterThanOrEqualToThreshold' }),
      ]);
    }
  });

  test('the error path\'s model bound at real scale is the stack\'s error_rate_failover_seconds', () => {
    expect(modelErrorRateMs(model, 1)).toBe(original.output.error_rate_failover_seconds.value * 1000);
    expect(modelErrorRateMs(model, 1)).toBe((60 * 2 + 60 + 60) * 1000);
  });

  test('endpoint checks run from Route 53\'s default checker regions, or the configured ones', () => {
    expect([...model.healthChecks.values()].every((c) => c.checkerRegions === HEALTH_CHECKER_REGIONS)).toBe(true);
    expect(HEALTH_CHECKER_REGIONS).toHaveLength(8);
    const chosen = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
    const checks = readStack(synthForLocalRun({ healthCheck: { checkerRegions: chosen, errorRate: { minRequests: 18 } } })).healthChecks;
    expect([...checks.values()].map((c) => c.checkerRegions)).toEqual([chosen, chosen, chosen, chosen]);
  });

  test('with healthCheck.errorRate off: no alarms and no error path', () => {
    const off = readStack(synthForLocalRun({ healthCheck: { errorRate: { enabled: false } } }));
    expect(off.alarms.size).toBe(0);
    expect(modelErrorRateMs(off, 1)).toBeUndefined();
  });
});

type Json = typeof original;
const alarmsOf = (json: Json) => Object.values(json.resource.aws_cloudwatch_metric_alarm as Record<string, Record<string, unknown>>);
const errorRateAlarm = (json: Json, region: string) => alarmsOf(json).find((a) => a.alarm_name === `multi-region-api-error-rate-${region}`)!;

describe('readStack refuses an alarm Route 53 could not read, or that would never get data, in one line', () => {
  test.each([
    ['the served route\'s per-method metrics not enabled', (json: Json) => {
      const settings = json.resource.aws_api_gateway_method_settings as Record<string, Record<string, unknown>>;
      for (const [id, entry] of Object.entries(settings)) if (entry.method_path === 'helloworld/GET') delete settings[id];
    }, /aws_cloudwatch_metric_alarm\.\S+ watches GET \/helloworld of stage prod, whose per-method metrics no aws_api_gateway_method_settings enables \(metrics_enabled\): the alarm would never get data/],
    ['metric math', (json: Json) => {
      errorRateAlarm(json, 'us-west-2').metric_query = [{ id: 'e', expression: 'm1 / m2' }];
    }, /aws_cloudwatch_metric_alarm\.\S+: metric math \(metric_query\) cannot be read by Route 53, which watches one metric/],
    ['a percentile', (json: Json) => {
      errorRateAlarm(json, 'us-east-1').extended_statistic = 'p99';
    }, /extended_statistic cannot be read by Route 53 \(plain statistics only\)/],
    ['an alarm on another region\'s API', (json: Json) => {
      const east = errorRateAlarm(json, 'us-east-1').dimensions as Record<string, unknown>;
      (errorRateAlarm(json, 'us-west-2').dimensions as Record<string, unknown>).ApiName = east.ApiName;
    }, /aws_cloudwatch_metric_alarm\.\S+\.dimensions\.ApiName: names no REST API of the stack in us-west-2 \(the alarm's region\): it would never get data/],
    ['a check reading its alarm in another region', (json: Json) => {
      const check = Object.values(json.resource.aws_route53_health_check as Record<string, Record<string, unknown>>)
        .find((c) => c.type === 'CLOUDWATCH_METRIC' && c.cloudwatch_alarm_region === 'eu-west-1')!;
      check.cloudwatch_alarm_region = 'us-east-1';
    }, /aws_route53_health_check\.\S+ reads aws_cloudwatch_metric_alarm\.\S+ in us-east-1, but the alarm and its metric are in eu-west-1/],
    ['a namespace the local run does not publish', (json: Json) => {
      errorRateAlarm(json, 'us-east-1').namespace = 'AWS/Lambda';
    }, /namespace AWS\/Lambda is not emulated locally \(only AWS\/ApiGateway\)/],
  ])('%s', (_name, edit, message) => {
    expect(() => readStack(edited(edit))).toThrow(message);
    let error: unknown;
    try {
      readStack(edited(edit));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LocalRunError);
    expect((error as Error).message).not.toContain('\n');
  });
});

test('CNAME records (the blog\'s form): the record\'s own TTL, still matching failover_seconds', () => {
  const dir = synthForLocalRun({ dns: { recordType: 'CNAME', ttl: 15 } });
  const model = readStack(dir);
  const output = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')).output;
  expect(model.records.map((r) => [r.type, r.targetRegion, r.ttlSeconds])).toEqual([['CNAME', 'us-east-1', 15], ['CNAME', 'us-west-2', 15]]);
  expect(modelFailoverMs(model, 1)).toBe(output.failover_seconds.value * 1000);
});

describe('readStack refuses wiring mistakes with one line naming the resource', () => {
  test.each([
    ['no synthesized stack', () => mkdtempSync(join(tmpdir(), 'mr-api-empty-')), /cdk\.tf\.json not found: run `npm run synth` first/],
    ['no latency records', (): string => edited((json) => {
      const records = json.resource.aws_route53_record as Record<string, Record<string, unknown>>;
      for (const [id, record] of Object.entries(records)) if (record.latency_routing_policy) delete records[id];
    }), /no Route 53 latency records/],
    ['a hostname check whose name no record answers', (): string => edited((json) => {
      const records = json.resource.aws_route53_record as Record<string, Record<string, unknown>>;
      for (const [id, record] of Object.entries(records)) if (record.name === 'us-west-2.api.example.com') delete records[id];
    }), /aws_route53_health_check\.\S+\.fqdn: us-west-2\.api\.example\.com is neither an execute-api host nor answered by an aws_route53_record of the stack/],
    ['a hostname check on a name without a base path mapping', (): string => edited((json) => {
      delete json.resource.aws_api_gateway_base_path_mapping;
    }), /probes ([a-z0-9-]+)\.api\.example\.com in \1, where no aws_api_gateway_base_path_mapping serves \1\.api\.example\.com/],
    ['a health check naming another region than its API', (): string => edited((json) => {
      const check = Object.values(json.resource.aws_route53_health_check as Record<string, Record<string, unknown>>)
        .find((c) => String(c.fqdn).includes('execute-api.us-east-1'))!;
      check.fqdn = String(check.fqdn).replace('execute-api.us-east-1', 'execute-api.us-west-2');
    }, executeApiOriginal), /aws_route53_health_check\.\S+\.fqdn names region us-west-2 but aws_api_gateway_rest_api\.\S+ is in us-east-1/],
    ['a record to a domain without a base path mapping', (): string => edited((json) => {
      delete json.resource.aws_api_gateway_base_path_mapping;
    }, executeApiOriginal), /sends api\.example\.com to [a-z0-9-]+, where no aws_api_gateway_base_path_mapping serves api\.example\.com/],
    ['an integration pointing at a missing function', (): string => edited((json) => {
      const integration = Object.values(json.resource.aws_api_gateway_integration as Record<string, Record<string, unknown>>)
        .find((i) => i.type === 'AWS_PROXY')!;
      integration.uri = '${aws_lambda_function.gone.invoke_arn}';
    }), /\.uri references aws_lambda_function\.gone, which is not in the stack/],
  ])('%s', (_name, makeDir, message) => {
    let error: unknown;
    try {
      readStack(makeDir());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LocalRunError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
