import { originMatchTemplate } from '../../../src/aws/cors-origin-template';
import { echoedOrigins } from '../../../tools/local/mock-template';

const origins = ['https://a.example.com', 'http://localhost:8080'];

test('reads the origin list back from the template the stack writes', () => {
  expect(echoedOrigins(originMatchTemplate(origins), 'here')).toEqual(origins);
});

test.each([
  ['another list shape', originMatchTemplate(origins).replace('#set($allowed = [', '#set($allowed=[')],
  ['a changed override', originMatchTemplate(origins).replace('Access-Control-Allow-Origin = $origin', 'X = $origin')],
  ['an extra line', `${originMatchTemplate(origins)}\n#set($x = 1)`],
])('refuses %s', (_name, template) => {
  expect(() => echoedOrigins(template, 'api/OPTIONS')).toThrow('api/OPTIONS: response template is not the origin-echo template');
});
