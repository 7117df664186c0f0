import { alarmsUnder } from './check-status';
import { LocalCloudWatch } from './cloudwatch';
import { Controls, RegionReport, RegionStatus } from './control-routes';
import { LocalRunError } from './errors';
import { RegionFault } from './faults';
import { healthFunction, healthRouteCheck } from './health-function';
import { AlarmModel, LocalStackModel } from './model';
import { RegionalServer } from './regional-server';
import { LocalRoute53 } from './route53';

export interface ControlsProps {
  readonly model: LocalStackModel;
  readonly regions: readonly RegionalServer[];
  readonly route53: LocalRoute53;
  readonly cloudWatch: LocalCloudWatch;
  /** The region the global endpoint last answered from. */
  readonly answering: () => string | undefined;
  /** The local browser client's origins, once it listens. */
  readonly trustedOrigins: () => readonly string[];
  readonly log: (line: string) => void;
}

/** What the control routes (and `npm run local -- flip|fault|status`) read and change in a running local system. */
export function localControls(props: ControlsProps): Controls {
  const { model, regions, log } = props;
  const serverOf = (region: string) => {
    const server = regions.find((r) => r.region === region);
    if (!server) throw new LocalRunError(`unknown region "${region}"; known: ${model.regions.join(', ')}`);
    return server;
  };
  return {
    report: () => ({ answering: props.answering(), regions: regions.map((server) => regionReport(props, server)) }),
    setStatus: (region: string, status: RegionStatus) => {
      healthFunction(model, regions, region).updateEnvironment({ STATUS: status });
      log(`${region}: STATUS=${status} set on its health function`);
    },
    setFault: (region: string, fault: RegionFault) => {
      serverOf(region).setFault(fault);
      log(`${region}: ${describeFault(fault)}`);
    },
    trustedOrigins: props.trustedOrigins,
  };
}

function describeFault(fault: RegionFault): string {
  if (fault.fault === 'unmapped') return 'fault unmapped: custom domains answer 403 Forbidden';
  if (fault.fault === 'hello-errors') {
    return `fault hello-errors: its hello function throws on ${Number((fault.rate * 100).toPrecision(6))}% of invocations (API Gateway answers 502)`;
  }
  return 'fault cleared: base path mappings and hello function restored';
}

function regionReport(props: ControlsProps, server: RegionalServer): RegionReport {
  const { model, route53 } = props;
  const region = server.region;
  const record = model.records.find((r) => r.targetRegion === region);
  const fault = server.fault;
  return {
    region,
    status: healthFunctionStatus(() => healthFunction(model, props.regions, region).variables.STATUS),
    // What latency routing sees: the check the region's records carry.
    healthy: record?.healthCheckId ? route53.isHealthy(record.healthCheckId) : true,
    inDns: route53.inAnswerSet(region),
    lastCheck: route53.checker(healthRouteCheck(model, region)?.id ?? '')?.lastOutcome?.detail,
    fault: fault.fault,
    ...(fault.fault === 'hello-errors' ? { faultRate: fault.rate } : {}),
    ...servedRouteFigures(props.cloudWatch, errorRateAlarm(model, record?.healthCheckId)),
  };
}

/** The region's alarm on the share of 5xx answers, among those its records' check reads. */
function errorRateAlarm(model: LocalStackModel, checkId: string | undefined): AlarmModel | undefined {
  if (!checkId) return undefined;
  return alarmsUnder(checkId, model.derivedChecks).map((id) => model.alarms.get(id)!).find((alarm) => alarm.metricName === '5XXError');
}

function servedRouteFigures(cloudWatch: LocalCloudWatch, alarm: AlarmModel | undefined): Pick<RegionReport, 'errorRate' | 'requests' | 'alarm'> {
  if (!alarm) return { errorRate: null, requests: null, alarm: null };
  const errors = cloudWatch.lastPeriod('5XXError', alarm.scope, alarm.periodSeconds);
  return {
    errorRate: errors ? errors.sum / errors.sampleCount : null,
    requests: errors?.sampleCount ?? 0,
    alarm: cloudWatch.state(alarm.id),
  };
}

function healthFunctionStatus(read: () => string | undefined): string {
  try {
    return read() ?? '(unset)';
  } catch {
    return '(no health check)';
  }
}
