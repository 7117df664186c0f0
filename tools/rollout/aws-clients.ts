import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { Route53Client } from '@aws-sdk/client-route-53';
import { boundedClientConfig } from '../aws/call';
import { AwsGateClients } from './aws-gates';

/** Route 53's API, and the CloudWatch region it publishes health-check metrics in. */
const ROUTE53_REGION = 'us-east-1';

/**
 * SDK clients for the gates, every attempt bounded (tools/aws). They honour AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_CLOUDWATCH / AWS_ENDPOINT_URL_ROUTE_53; `endpoint` sets one explicitly (tests' fake AWS).
 */
export function awsGateClients(callTimeoutMs: number, endpoint?: string): AwsGateClients {
  const config = { ...boundedClientConfig(callTimeoutMs), ...(endpoint && { endpoint }) };
  const cloudWatch = new Map<string, CloudWatchClient>();
  const cloudWatchIn = (region: string) => {
    if (!cloudWatch.has(region)) cloudWatch.set(region, new CloudWatchClient({ region, ...config }));
    return cloudWatch.get(region)!;
  };
  return {
    cloudWatch: cloudWatchIn,
    route53: new Route53Client({ region: ROUTE53_REGION, ...config }),
    route53Metrics: cloudWatchIn(ROUTE53_REGION),
  };
}
