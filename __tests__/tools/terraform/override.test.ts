import { StackModel } from '../../../tools/stack-model/stack-model';
import { offlineOverride } from '../../../tools/terraform/override';

const OFFLINE = {
  access_key: expect.any(String),
  secret_key: expect.any(String),
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

describe('offline override', () => {
  test('a local backend and one offline provider block per alias, alias for alias', () => {
    const override = offlineOverride(new StackModel({ provider: { aws: [{ alias: 'us-east-1' }, { alias: 'eu-west-1' }] } }));
    expect(override).toEqual({
      terraform: { backend: { local: { path: 'offline-proof.tfstate' } } },
      provider: { aws: [{ alias: 'us-east-1', ...OFFLINE }, { alias: 'eu-west-1', ...OFFLINE }] },
    });
  });

  test('a default (unaliased) provider gets an unaliased override', () => {
    expect(offlineOverride(new StackModel({ provider: { aws: [{}] } })).provider).toEqual({ aws: [OFFLINE] });
  });

  test('a stack without providers gets only the backend', () => {
    expect(offlineOverride(new StackModel({}))).toEqual({ terraform: { backend: { local: { path: 'offline-proof.tfstate' } } } });
  });
});
