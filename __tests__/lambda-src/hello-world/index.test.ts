import { handler, helloMessage } from '../../../lambda-src/hello-world';
import { getEvent } from '../../../tools/local/proxy-event';

test('helloMessage names the region', () => {
  expect(helloMessage('eu-west-1')).toEqual({ message: 'Hello from eu-west-1' });
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
    expect(JSON.parse(response.body)).toEqual({ message: 'Hello from ap-southeast-2' });
    expect(response.headers).toMatchObject({ 'Access-Control-Allow-Origin': '*' });
  });
});
