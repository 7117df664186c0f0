import { settingsFromDomain, settingsFromOutputs } from '../../../tools/client-settings/settings';

test('the endpoint is global_url without the hello path', () => {
  expect(settingsFromOutputs({ global_url: { value: 'https://api.example.com/v1/helloworld', type: 'string' } }))
    .toEqual({ endpoint: 'https://api.example.com' });
});

test.each([[{}], [null], [{ global_url: { value: 'https://api.example.com/' } }]])('no usable global_url in %j: one clear error', (outputs) => {
  expect(() => settingsFromOutputs(outputs)).toThrow(/terraform output has no global_url ending in \/v1\/helloworld/);
});

test('from the config: https://<domainName>', () => {
  expect(settingsFromDomain('api.example.com')).toEqual({ endpoint: 'https://api.example.com' });
});
