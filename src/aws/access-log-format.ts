/**
 * API Gateway access-log fields, one JSON object per request (every value quoted, so each line parses as JSON even
 * when a field is empty). CloudWatch Logs Insights discovers these fields automatically.
 */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  extendedRequestId: '$context.extendedRequestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  domainName: '$context.domainName',
  httpMethod: '$context.httpMethod',
  resourcePath: '$context.resourcePath',
  path: '$context.path',
  protocol: '$context.protocol',
  status: '$context.status',
  responseLength: '$context.responseLength',
  responseLatencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationStatus: '$context.integration.status',
  integrationError: '$context.integration.error',
  errorMessage: '$context.error.message',
  xrayTraceId: '$context.xrayTraceId',
});
