import { PolicyRule } from '../types';
import { apiGatewayStageAccessLogs } from './api-gateway-stage-access-logs';
import { apiGatewayStageThrottling } from './api-gateway-stage-throttling';
import { apiGatewayStageTracing } from './api-gateway-stage-tracing';
import { apiGatewayTls12 } from './api-gateway-tls12';
import { iamNoWildcards } from './iam-no-wildcards';
import { lambdaPermissionSourceArn } from './lambda-permission-source-arn';
import { lambdaRuntimeRule } from './lambda-runtime';
import { lambdaTracing } from './lambda-tracing';
import { logRetention } from './log-retention';
import { regionParity } from './region-parity';
import { regionProvider } from './region-provider';
import { route53AlarmRegion } from './route53-alarm-region';
import { route53LatencyCoversRoutes } from './route53-latency-covers-routes';
import { route53LatencyHealthCheck } from './route53-latency-health-check';
import { s3Encryption } from './s3-encryption';
import { s3PublicAccessBlock } from './s3-public-access-block';
import { s3TlsOnly } from './s3-tls-only';
import { s3Versioning } from './s3-versioning';
import { validWaiversRule } from './valid-waivers';

/** Every rule `npm run check:policy` and `npm test` apply to every synthesized stack. */
export function allRules(today?: () => Date): PolicyRule[] {
  const rules = [
    apiGatewayTls12, iamNoWildcards, lambdaPermissionSourceArn, logRetention, apiGatewayStageAccessLogs,
    apiGatewayStageTracing, apiGatewayStageThrottling, lambdaTracing, regionProvider, route53LatencyHealthCheck,
    route53LatencyCoversRoutes, route53AlarmRegion, regionParity, s3Versioning, s3Encryption, s3PublicAccessBlock, s3TlsOnly, lambdaRuntimeRule(today),
  ];
  return [...rules, validWaiversRule(rules.map((rule) => rule.id))];
}
