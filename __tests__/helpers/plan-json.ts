import { PlanJson } from '../../tools/terraform/plan-json';

/** A hand-made plan in the shape of `terraform show -json`: `resources` are [address, provider key, actions]. */
export function fakePlan(resources: Array<[string, string, string[]]>, regions: Record<string, string>): PlanJson {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    resource_changes: resources.map(([address, , actions]) => ({
      address, mode: 'managed', type: address.split('.')[0], name: address.split('.')[1].replace(/\[.*$/, ''),
      provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions },
    })),
    configuration: {
      provider_config: Object.fromEntries(Object.entries(regions).map(([key, region]) => [
        key, { name: 'aws', alias: key.split('.')[1], expressions: { region: { constant_value: region } } },
      ])),
      root_module: {
        resources: resources.map(([address, key]) => ({
          address: address.replace(/\[.*$/, ''), mode: 'managed', type: address.split('.')[0],
          name: address.split('.')[1].replace(/\[.*$/, ''), provider_config_key: key,
        })),
      },
    },
  };
}
