import {
  GetHealthCheckCommand, GetHealthCheckStatusCommand, HealthCheckObservation, Route53Client,
} from '@aws-sdk/client-route-53';
import { awsCall, CallLimits } from '../aws/call';
import { failoverModel, FailoverModel } from './model';

/** The failover model from the health check's own settings and the stack's failover_seconds. */
export async function readModel(
  route53: Route53Client, limits: CallLimits, healthCheckId: string, failoverSeconds: number,
): Promise<FailoverModel> {
  const { HealthCheck } = await awsCall(limits, `reading Route 53 health check ${healthCheckId}`,
    (abortSignal) => route53.send(new GetHealthCheckCommand({ HealthCheckId: healthCheckId }), { abortSignal }));
  const config = HealthCheck?.HealthCheckConfig;
  return failoverModel(config?.RequestInterval ?? 30, config?.FailureThreshold ?? 3, failoverSeconds);
}

/** The latest report of each Route 53 checker. */
export async function observe(route53: Route53Client, limits: CallLimits, healthCheckId: string): Promise<HealthCheckObservation[]> {
  const status = await awsCall(limits, `reading the status of health check ${healthCheckId}`,
    (abortSignal) => route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: healthCheckId }), { abortSignal }));
  return status.HealthCheckObservations ?? [];
}
