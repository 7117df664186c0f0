/** What RegionalApi makes in every configured region, by resource type. */
export const REGIONAL_API_SET: Readonly<Record<string, number>> = {
  aws_lambda_function: 2,
  aws_iam_role: 2,
  aws_iam_role_policy: 4,
  aws_cloudwatch_log_group: 3,
  aws_lambda_permission: 2,
  aws_api_gateway_method_settings: 1,
  aws_api_gateway_rest_api: 1,
  aws_api_gateway_resource: 2,
  aws_api_gateway_method: 4,
  aws_api_gateway_integration: 4,
  aws_api_gateway_method_response: 2,
  aws_api_gateway_integration_response: 2,
  aws_api_gateway_gateway_response: 2,
  aws_api_gateway_deployment: 1,
  aws_api_gateway_stage: 1,
};

/**
 * What RegionalFrontDoor adds in every region with the default ALIAS records and health-check target: one certificate
 * for both names; a custom domain and mapping for the public name and one for the region's own hostname; latency
 * A + AAAA for the public name and simple A + AAAA for the hostname.
 */
export const REGIONAL_FRONT_DOOR_SET: Readonly<Record<string, number>> = {
  aws_acm_certificate: 1,
  aws_acm_certificate_validation: 1,
  aws_api_gateway_domain_name: 2,
  aws_api_gateway_base_path_mapping: 2,
  aws_route53_health_check: 1,
  aws_route53_record: 4,
};

/** What CertificateExpiryAlarm adds in every region, with no alarm emails configured. */
export const CERTIFICATE_EXPIRY_SET: Readonly<Record<string, number>> = {
  aws_sns_topic: 1,
  aws_cloudwatch_metric_alarm: 1,
};

/**
 * What error-rate eviction (on by default) adds in every region: detailed metrics for GET /helloworld, the error-rate
 * and request-count alarms, and five health checks (the served-route probe, one per alarm, the error gate, and the
 * check the latency records carry).
 */
export const ERROR_RATE_EVICTION_SET: Readonly<Record<string, number>> = {
  aws_api_gateway_method_settings: 1,
  aws_cloudwatch_metric_alarm: 2,
  aws_route53_health_check: 5,
};

/** Resource counts by type, added up over `sets`. */
export function addSets(...sets: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const set of sets) for (const [type, count] of Object.entries(set)) total[type] = (total[type] ?? 0) + count;
  return total;
}
