import { corsHeaders, jsonResponse } from '../../../lambda-src/shared/http';

describe('corsHeaders', () => {
  test('"*" allows every origin', () => {
    expect(corsHeaders('*', 'https://x.example.com')).toEqual({ 'Access-Control-Allow-Origin': '*' });
  });

  test('a listed origin is echoed back, varying on Origin', () => {
    expect(corsHeaders('https://a.example.com,https://b.example.com', 'https://b.example.com')).toEqual({
      'Access-Control-Allow-Origin': 'https://b.example.com', Vary: 'Origin',
    });
  });

  test('an unlisted origin gets no Allow-Origin header', () => {
    expect(corsHeaders('https://a.example.com', 'https://evil.example.com')).toEqual({ Vary: 'Origin' });
  });
});

test('jsonResponse finds the Origin header whatever its case, and forbids caching', () => {
  const response = jsonResponse(200, { a: 1 }, { headers: { origin: 'https://a.example.com' } }, 'https://a.example.com');
  expect(response.headers).toMatchObject({
    'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': 'https://a.example.com',
  });
  expect(JSON.parse(response.body)).toEqual({ a: 1 });
});
