import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { randomUUID } from 'crypto';
import { FailureShare } from './faults';
import { ProxyHandler, loadHandler } from './load-handler';
import { FunctionModel } from './model';

/** The function ran past its timeout (Lambda reports `Task timed out after N.00 seconds`). */
export class FunctionTimedOut extends Error {}

/** An invocation the local run failed on purpose (the `hello-errors` fault): the function threw before answering. */
export class InjectedFailure extends Error {}

/** One region's copy of a synthesized function: its archive, its environment, its timeout. */
export class LocalFunction {
  private environment: Record<string, string>;
  private handler: ProxyHandler;
  private failures: FailureShare | undefined;

  constructor(readonly model: FunctionModel, readonly region: string) {
    this.environment = { ...model.environment };
    this.handler = loadHandler(model, this.processEnv());
  }

  get variables(): Readonly<Record<string, string>> {
    return this.environment;
  }

  /** Like `aws lambda update-function-configuration --environment`: later invocations run in a fresh environment. */
  updateEnvironment(changes: Readonly<Record<string, string>>): void {
    this.environment = { ...this.environment, ...changes };
    this.handler = loadHandler(this.model, this.processEnv());
  }

  /** Makes `rate` of later invocations throw instead of running the handler, as a crashing release would; undefined stops it. */
  failShare(rate: number | undefined): void {
    this.failures = rate === undefined ? undefined : new FailureShare(rate);
  }

  /** Runs the handler; a throw, a rejection or running past the function's timeout rejects. */
  async invoke(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
    if (this.failures?.next()) throw new InjectedFailure(`${this.model.functionName} threw (hello-errors fault, rate ${this.failures.rate})`);
    const timeoutMs = this.model.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    const context = {
      functionName: this.model.functionName,
      awsRequestId: randomUUID(),
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    } as Context;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new FunctionTimedOut(`Task timed out after ${this.model.timeoutSeconds}.00 seconds`)), timeoutMs);
    });
    try {
      return await Promise.race([Promise.resolve().then(() => this.handler(event, context)), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private processEnv(): Record<string, string> {
    return {
      ...this.environment,
      AWS_REGION: this.region,
      AWS_DEFAULT_REGION: this.region,
      AWS_LAMBDA_FUNCTION_NAME: this.model.functionName,
    };
  }
}
