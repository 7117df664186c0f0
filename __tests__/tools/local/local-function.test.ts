import { LocalFunction } from '../../../tools/local/local-function';
import { readStack } from '../../../tools/local/read-stack';
import { getEvent } from '../../../tools/local/proxy-event';
import { synthForLocalRun } from '../../helpers/local-stack';

const model = readStack(synthForLocalRun());
const functionOf = (region: string, name: string) => {
  const fn = [...model.apis.get(region)!.functions.values()].find((f) => f.functionName.endsWith(name))!;
  return new LocalFunction(fn, region);
};

test('each region\'s copy of the same archive sees only its own environment', async () => {
  const east = functionOf('us-east-1', 'hello-world');
  const west = functionOf('us-west-2', 'hello-world');
  const saved = process.env.AWS_REGION;
  process.env.AWS_REGION = 'the-test-process';
  try {
    expect(JSON.parse((await east.invoke(getEvent('/helloworld'))).body)).toEqual({ message: 'Hello from us-east-1' });
    expect(JSON.parse((await west.invoke(getEvent('/helloworld'))).body)).toEqual({ message: 'Hello from us-west-2' });
  } finally {
    process.env.AWS_REGION = saved;
  }
});

test('updating STATUS on one region\'s health function fails that region only', async () => {
  const east = functionOf('us-east-1', 'health-check');
  const west = functionOf('us-west-2', 'health-check');
  east.updateEnvironment({ STATUS: 'fail' });
  expect((await east.invoke(getEvent('/healthcheck'))).statusCode).toBe(503);
  expect((await west.invoke(getEvent('/healthcheck'))).statusCode).toBe(200);
  east.updateEnvironment({ STATUS: 'ok' });
  expect((await east.invoke(getEvent('/healthcheck'))).statusCode).toBe(200);
});
