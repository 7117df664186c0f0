import { detectionSeconds as route53DetectionSeconds } from '../../src/contract';

/** The failover-time model the drill measures against (the same arithmetic as the stack's failover_seconds output). */
export interface FailoverModel {
  readonly requestIntervalSeconds: number;
  readonly failureThreshold: number;
  /** failover_seconds minus detection: the TTL resolvers may keep the old answer. */
  readonly ttlSeconds: number;
  readonly failoverSeconds: number;
}

export function failoverModel(requestIntervalSeconds: number, failureThreshold: number, failoverSeconds: number): FailoverModel {
  const detection = route53DetectionSeconds({ requestInterval: requestIntervalSeconds, failureThreshold });
  return { requestIntervalSeconds, failureThreshold, ttlSeconds: Math.max(0, failoverSeconds - detection), failoverSeconds };
}

export function detectionSeconds(model: FailoverModel): number {
  return route53DetectionSeconds({ requestInterval: model.requestIntervalSeconds, failureThreshold: model.failureThreshold });
}

/** One line of the drill's report: elapsed since STATUS=fail was requested, and what the model expects. */
export function phaseLine(label: string, elapsedMs: number, model?: string): string {
  const elapsed = `${(elapsedMs / 1000).toFixed(1)} s`.padStart(9);
  return `  ${label.padEnd(34)}${elapsed}${model ? `   model ${model}` : ''}`;
}
