import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { jsonResponse } from '../shared/http';

/** `helloText` of src/contract.ts, written out: importing it would change the bundle's bytes and so every deployed function. */
export function helloMessage(region: string): { message: string } {
  return { message: `Hello from ${region}` };
}

/** GET /helloworld: says which region answered, so a client can watch latency routing and failover. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const region = process.env.AWS_REGION ?? 'unknown-region';
  return jsonResponse(200, helloMessage(region), event, process.env.ALLOWED_ORIGINS);
}
