import { relative } from 'path';
import { CLIENT_HELLO_PATH, METRIC_CHECK_REACTION_SECONDS } from '../../src/contract';
import { AlarmModel } from './model';
import { LocalSystem } from './run-local';

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/** What `npm run local` prints once everything listens: every URL, the control, and the model's failover times. */
export function banner(system: LocalSystem, stackDir: string): string {
  const checks = [...system.model.healthChecks.values()];
  const ttl = Math.max(0, ...system.model.records.map((r) => r.ttlSeconds));
  const first = system.regions[0]?.region ?? '<region>';
  const lines = [
    `Local run of ${relative(process.cwd(), stackDir) || stackDir} (Route 53 and CloudWatch timings divided by ${system.timeScale})`,
    ...system.regions.map((server) => {
      const execute = server.api.stageNames.map((stage) => `${server.url}/${stage}/helloworld`);
      const custom = server.api.basePaths.map((m) => `${server.url}/${m.basePath}/helloworld`);
      return `  ${server.region.padEnd(15)} ${[...execute, ...custom].join('  ')}`;
    }),
    `  ${'global'.padEnd(15)} ${system.globalUrl}${CLIENT_HELLO_PATH}   latency order: ${system.latencyOrder.join(', ')}`,
    `  ${'browser client'.padEnd(15)} ${system.clientUrl}`,
    `  ${'control'.padEnd(15)} curl -X POST ${system.globalUrl}/control/regions/${first}/status -H 'Content-Type: application/json' -d '{"status":"fail"}'`,
    `  ${''.padEnd(15)} or: npm run --silent local -- flip ${first} fail --port ${new URL(system.globalUrl).port}`,
    `  ${''.padEnd(15)} user errors: npm run --silent local -- fault ${first} hello-errors 0.3 --port ${new URL(system.globalUrl).port}`,
    ...checks.map((c) => `  health check ${c.targetRegion}: GET ${c.resourcePath} for "${c.searchString}" every `
      + `${seconds((c.requestInterval * 1000) / system.timeScale)} from ${c.checkerRegions.length} checkers, `
      + `unhealthy after ${c.failureThreshold} failures`),
    ...alarmLines(system),
    `  model failover: interval x threshold + TTL ${ttl} s = ${seconds(system.modelFailoverMs)} at this scale`,
    ...(system.modelErrorRateMs === undefined ? [] : [
      `  model error path: period x evaluation periods + metric reaction ${METRIC_CHECK_REACTION_SECONDS} s + TTL ${ttl} s `
        + `= ${seconds(system.modelErrorRateMs)} at this scale`,
    ]),
    'Ctrl-C stops.',
  ];
  return lines.join('\n');
}

const OPERATORS: Record<AlarmModel['comparison'], string> = {
  GreaterThanThreshold: '>', GreaterThanOrEqualToThreshold: '>=', LessThanThreshold: '<', LessThanOrEqualToThreshold: '<=',
};

function alarmLines(system: LocalSystem): string[] {
  return [...system.model.alarms.values()].map((alarm) => `  alarm ${alarm.scope.region}: ${alarm.metricName} `
    + `${alarm.statistic} of ${alarm.scope.method ?? ''} ${alarm.scope.resource ?? 'the API'} ${OPERATORS[alarm.comparison]} ${alarm.threshold} `
    + `in ${alarm.datapointsToAlarm} of ${alarm.evaluationPeriods} periods of ${seconds((alarm.periodSeconds * 1000) / system.timeScale)}`);
}
