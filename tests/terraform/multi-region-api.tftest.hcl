# Runs against the synthesized multi-region-api stack with every aliased AWS provider mocked (the harness puts one
# mock_provider per alias above this line; see src/terraform/tftest.ts). Assertions use outputs only, so the file
# holds for any region set.

run "apply_with_mocked_providers" {
  command = apply
}
