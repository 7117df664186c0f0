import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { Construct } from 'constructs';
import { healthCheckTags } from '../aws/route53';

export interface CalculatedHealthCheckProps {
  /** Route 53 is global; the region's provider keeps every regional resource on its own provider. */
  readonly provider: AwsProvider;
  /** Ids of the child health checks. */
  readonly childHealthCheckIds: readonly string[];
  /** How many children must be healthy for this check to be: all of them for AND, 1 for OR. */
  readonly healthyChildren: number;
  /** The health check's `Name` tag. */
  readonly name: string;
}

/** A CALCULATED Route 53 health check: healthy while at least `healthyChildren` of its children are. */
export class CalculatedHealthCheck extends Construct {
  readonly resource: Route53HealthCheck;

  constructor(scope: Construct, id: string, props: CalculatedHealthCheckProps) {
    super(scope, id);
    if (props.healthyChildren < 1 || props.healthyChildren > props.childHealthCheckIds.length) {
      // 0 is always healthy and more than the children always unhealthy: neither is a decision.
      throw new Error(`${this.node.path}: healthyChildren ${props.healthyChildren} must be 1 to ${props.childHealthCheckIds.length}`);
    }
    this.resource = new Route53HealthCheck(this, 'health-check', {
      provider: props.provider,
      type: 'CALCULATED',
      childHealthchecks: [...props.childHealthCheckIds],
      childHealthThreshold: props.healthyChildren,
      tags: healthCheckTags(props.name),
      // Records (or another calculated check) point at this one: they move to a replacement before it is deleted.
      lifecycle: { createBeforeDestroy: true },
    });
  }

  get healthCheckId(): string {
    return this.resource.id;
  }
}
