import {
  GetHealthCheckCommand, GetHealthCheckStatusCommand, HealthCheckObservation, Route53Client,
} from '@aws-sdk/client-route-53';
import { describeAwsError } from './errors';
import { failoverModel, FailoverModel } from './model';

/** The failover model from the health check's own settings and the stack's failover_seconds. */
export async function readModel(route53: Route53Client, healthCheckId: string, failoverSeconds: number): Promise<FailoverModel> {
  try {
    const { HealthCheck } = await route53.send(new GetHealthCheckCommand({ HealthCheckId: healthCheckId }));
    const config = HealthCheck?.HealthCheckConfig;
    return failoverModel(config?.RequestInterval ?? 30, config?.FailureThreshold ?? 3, failoverSeconds);
  } catch (error) {
    throw describeAwsError(error, `reading Route 53 health check ${healthCheckId}`);
  }
}

/** The latest report of each Route 53 checker. */
export async function observe(route53: Route53Client, healthCheckId: string): Promise<HealthCheckObservation[]> {
  try {
    const status = await route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: healthCheckId }));
    return status.HealthCheckObservations ?? [];
  } catch (error) {
    throw describeAwsError(error, `reading the status of health check ${healthCheckId}`);
  }
}
