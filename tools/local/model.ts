/** What the local runner builds from the synthesized stack: the same names and values Terraform would create. */

export interface FunctionModel {
  /** Logical id of the aws_lambda_function. */
  readonly id: string;
  readonly functionName: string;
  /** Absolute path of the synthesized archive.zip. */
  readonly archivePath: string;
  /** `<file>.<export>`, e.g. `index.handler`. */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}

export type IntegrationModel =
  | { readonly type: 'AWS_PROXY'; readonly functionId: string }
  | {
    readonly type: 'MOCK';
    readonly statusCode: number;
    /** Static headers from response_parameters (`method.response.header.X` = `'value'`). */
    readonly headers: Readonly<Record<string, string>>;
    /** Origins whose request Origin the response template echoes into Access-Control-Allow-Origin. */
    readonly echoOrigins: readonly string[];
  };

export interface RouteModel {
  /** The resource path, e.g. `/helloworld`. */
  readonly path: string;
  /** HTTP method -> integration. */
  readonly methods: ReadonlyMap<string, IntegrationModel>;
}

export interface BasePathModel {
  readonly domainName: string;
  /** The first path segment on the custom domain; `''` maps the domain's root. */
  readonly basePath: string;
  readonly stageName: string;
}

/** An aws_api_gateway_gateway_response: headers API Gateway adds to its own 4XX or 5XX answers. */
export interface GatewayResponseModel {
  /** A static value, or the value of a request header (`method.request.header.Origin`). */
  readonly headers: ReadonlyArray<{ readonly name: string; readonly value?: string; readonly fromRequestHeader?: string }>;
}

export interface RegionApiModel {
  readonly region: string;
  /** Logical id of the aws_api_gateway_rest_api. */
  readonly restApiId: string;
  readonly stageNames: readonly string[];
  readonly routes: readonly RouteModel[];
  readonly functions: ReadonlyMap<string, FunctionModel>;
  readonly basePaths: readonly BasePathModel[];
  /** By response type (`DEFAULT_4XX`, `DEFAULT_5XX`); none means API Gateway's answers carry no extra headers. */
  readonly gatewayResponses: ReadonlyMap<string, GatewayResponseModel>;
}

export interface HealthCheckModel {
  readonly id: string;
  /** The region the check's fqdn leads to: its execute-api host, or a hostname whose record aliases its custom domain. */
  readonly targetRegion: string;
  /** The name the check connects to and sends as Host (and SNI): a regional hostname, or `<api>.execute-api.<region>.amazonaws.com`. */
  readonly host: string;
  /** True when `host` is a custom domain name (the users' path: certificate, domain, base path mapping). */
  readonly viaCustomDomain: boolean;
  readonly type: string;
  readonly resourcePath: string;
  readonly searchString: string;
  /** Seconds between checks, before time scaling. */
  readonly requestInterval: number;
  readonly failureThreshold: number;
  /** Route 53 checker regions that probe it: the check's `regions`, or Route 53's default set when unset. */
  readonly checkerRegions: readonly string[];
}

/**
 * A Route 53 check that probes nothing itself: CALCULATED (healthy while at least `healthyChildren` of its children
 * are) or CLOUDWATCH_METRIC (its alarm's condition, or `insufficientDataHealthStatus` while the metric has no data).
 */
export type DerivedCheckModel =
  | { readonly kind: 'calculated'; readonly id: string; readonly childIds: readonly string[]; readonly healthyChildren: number }
  | {
    readonly kind: 'alarm';
    readonly id: string;
    /** Logical id of the aws_cloudwatch_metric_alarm it reads. */
    readonly alarmId: string;
    /** cloudwatch_alarm_region: where Route 53 reads the alarm's metric. */
    readonly alarmRegion: string;
    readonly insufficientDataHealthStatus: 'Healthy' | 'Unhealthy' | 'LastKnownStatus';
  };

/** API Gateway metrics the local run publishes (per request: Count 1, 5XXError and 4XXError 1 or 0). */
export const API_METRICS = ['Count', '5XXError', '4XXError'] as const;
export type ApiMetricName = typeof API_METRICS[number];

/** The dimensions an API Gateway metric is filed under: one API (its region), its stage, one method of a resource. */
export interface ApiMetricScope {
  readonly region: string;
  /** Undefined: every stage (the `ApiName` dimension alone). */
  readonly stage?: string;
  /** With `method`: a per-method metric, e.g. `/helloworld`. */
  readonly resource?: string;
  readonly method?: string;
}

export const STATISTICS = ['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum'] as const;
export const COMPARISONS = [
  'GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold',
] as const;
export const MISSING_DATA = ['missing', 'ignore', 'breaching', 'notBreaching'] as const;

/** An aws_cloudwatch_metric_alarm that a CLOUDWATCH_METRIC health check reads, as CloudWatch evaluates it. */
export interface AlarmModel {
  /** Logical id of the aws_cloudwatch_metric_alarm. */
  readonly id: string;
  readonly alarmName: string;
  readonly metricName: ApiMetricName;
  readonly scope: ApiMetricScope;
  readonly statistic: typeof STATISTICS[number];
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** M of the "M out of N" evaluation (N = evaluationPeriods). */
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparison: typeof COMPARISONS[number];
  readonly treatMissingData: typeof MISSING_DATA[number];
}

export interface LatencyRecordModel {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly setIdentifier: string;
  /** latency_routing_policy.region */
  readonly latencyRegion: string;
  /** The region whose custom domain the record points at. */
  readonly targetRegion: string;
  readonly healthCheckId?: string;
  /** Seconds a resolver may cache the answer (ALIAS records answer with 60). */
  readonly ttlSeconds: number;
}

export interface LocalStackModel {
  /** Regions in provider order, which is the config's order. */
  readonly regions: readonly string[];
  readonly apis: ReadonlyMap<string, RegionApiModel>;
  /** Checks that probe an endpoint (HTTP(S), with or without a search string). */
  readonly healthChecks: ReadonlyMap<string, HealthCheckModel>;
  /** Calculated and CloudWatch-alarm checks. */
  readonly derivedChecks: ReadonlyMap<string, DerivedCheckModel>;
  /** The alarms CLOUDWATCH_METRIC checks read, by logical id. */
  readonly alarms: ReadonlyMap<string, AlarmModel>;
  readonly records: readonly LatencyRecordModel[];
}
