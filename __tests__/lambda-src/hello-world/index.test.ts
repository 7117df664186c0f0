import { handler, helloMessage } from '../../../lambda-src/hello-world';
import { helloText, regionOfHello } from '../../../src/contract';
import { getEvent } from '../../../tools/local/proxy-event';

test('helloMessage names the region, as the contract says', () => {
  expect(helloMessage('eu-west-1')).toEqual({ message: helloText('eu-west-1') });
  expect(regionOfHello(helloMessage('eu-west-1').message)).toBe('eu-west-1');
});

describe('handler', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('answers 200 with the region it runs in and CORS headers', async () => {
    process.env.AWS_REGION = 'ap-southeast-2';
    process.env.ALLOWED_ORIGINS = '*';
    const response = await handler(getEvent('/helloworld', { Origin: 'https://app.example.com' }));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ message: helloText('ap-southeast-2') });
    expect(response.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*' });
  });
});
