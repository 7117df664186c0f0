import { attributeRegions, GLOBAL } from '../stack-model/region-attribution';
import { releaseIds } from '../stack-model/release-id';
import { StackModel } from '../stack-model/stack-model';
import { alarmsUnder } from './check-status';
import { AlarmModel, DerivedCheckModel, HealthCheckModel, LatencyRecordModel, LocalStackModel, RegionApiModel } from './model';

/** The Route 53 and CloudWatch pieces of a stack that one owner (a region, or GLOBAL) holds. */
export interface RoutingPart {
  readonly healthChecks: ReadonlyMap<string, HealthCheckModel>;
  readonly derivedChecks: ReadonlyMap<string, DerivedCheckModel>;
  readonly alarms: ReadonlyMap<string, AlarmModel>;
  readonly records: readonly LatencyRecordModel[];
}

/**
 * What one region serves of a synthesized stack, as an apply of that stack to the region would set it: its API and
 * functions, and the checks, alarms and latency records attributed to it (tools/stack-model/region-attribution.ts,
 * the same attribution its release id hashes).
 */
export interface RegionRelease extends RoutingPart {
  readonly region: string;
  /** The region's release id (tools/stack-model/release-id.ts), as `npm run release` writes it into release.json. */
  readonly id: string;
  readonly stackDir: string;
  readonly api: RegionApiModel;
}

/** A synthesized stack cut along its regions: each region's release, and what belongs to no region. */
export interface StackReleases {
  readonly regions: ReadonlyMap<string, RegionRelease>;
  readonly global: RoutingPart;
}

/** Cuts `model` (read from `stack` in `stackDir`) into per-region releases; an unreadable asset throws. */
export function releasesOf(stackDir: string, stack: StackModel, model: LocalStackModel): StackReleases {
  const attribution = attributeRegions(stack);
  const ids = releaseIds(stackDir, stack, attribution);
  const ownerOf = (type: string, id: string) => attribution.owners.get(`${type}.${id}`) ?? GLOBAL;
  const partOf = (owner: string): RoutingPart => ({
    healthChecks: ofOwner(model.healthChecks, (id) => ownerOf('aws_route53_health_check', id) === owner),
    derivedChecks: ofOwner(model.derivedChecks, (id) => ownerOf('aws_route53_health_check', id) === owner),
    alarms: ofOwner(model.alarms, (id) => ownerOf('aws_cloudwatch_metric_alarm', id) === owner),
    records: model.records.filter((record) => ownerOf('aws_route53_record', record.id) === owner),
  });
  const regions = new Map<string, RegionRelease>();
  for (const region of model.regions) {
    const id = ids.regions[region];
    if (id !== undefined) regions.set(region, { region, id, stackDir, api: model.apis.get(region)!, ...partOf(region) });
  }
  return { regions, global: partOf(GLOBAL) };
}

function ofOwner<T>(items: ReadonlyMap<string, T>, owned: (id: string) => boolean): Map<string, T> {
  return new Map([...items].filter(([id]) => owned(id)));
}

/**
 * The model the local run serves: each region's API from the release it serves, the checks, alarms and records of
 * every region's release, and the global part. Throws one line when the parts do not fit together (an id held twice,
 * a record or check reaching a check or alarm that no part holds).
 */
export function composeModel(regions: readonly string[], served: ReadonlyMap<string, RegionRelease>, global: RoutingPart): LocalStackModel {
  const parts = [global, ...regions.map((region) => served.get(region)!)];
  const model: LocalStackModel = {
    regions,
    apis: new Map(regions.map((region) => [region, served.get(region)!.api])),
    healthChecks: union(parts.map((part) => part.healthChecks), 'health check'),
    derivedChecks: union(parts.map((part) => part.derivedChecks), 'health check'),
    alarms: union(parts.map((part) => part.alarms), 'alarm'),
    records: parts.flatMap((part) => part.records),
  };
  checkWhole(model);
  return model;
}

function union<T>(maps: readonly ReadonlyMap<string, T>[], what: string): Map<string, T> {
  const all = new Map<string, T>();
  for (const map of maps) {
    for (const [id, item] of map) {
      if (all.has(id)) throw new Error(`${what} ${id} would be held by two regions' releases`);
      all.set(id, item);
    }
  }
  return all;
}

/** Every check a record or a calculated check names, and every alarm an alarm check reads, is in the model. */
function checkWhole(model: LocalStackModel): void {
  const isCheck = (id: string) => model.healthChecks.has(id) || model.derivedChecks.has(id);
  for (const record of model.records) {
    if (record.healthCheckId && !isCheck(record.healthCheckId)) {
      throw new Error(`aws_route53_record.${record.id} carries health check ${record.healthCheckId}, which no region's release holds`);
    }
  }
  for (const check of model.derivedChecks.values()) {
    const missing = check.kind === 'calculated' ? check.childIds.find((child) => !isCheck(child))
      : alarmsUnder(check.id, model.derivedChecks).find((alarm) => !model.alarms.has(alarm));
    if (missing) throw new Error(`aws_route53_health_check.${check.id} reads ${missing}, which no region's release holds`);
  }
}
