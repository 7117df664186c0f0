# Runs against the synthesized multi-region-api stack with every aliased AWS provider mocked (the harness puts one
# mock_provider per alias above this line; see src/terraform/tftest.ts). Assertions read outputs only, so the file
# holds for any region set. Each region's mock gives its REST API the id "mockapi-<region>" and its stage the
# invoke URL AWS would build from that id, so an output wired to another region's resource shows up here.

run "outputs_wire_up_under_apply" {
  command = apply

  assert {
    condition     = output.global_url == "https://${output.domain_name}/v1/helloworld"
    error_message = "global_url is ${output.global_url}, expected https://<domain_name>/v1/helloworld"
  }

  assert {
    condition     = length(output.regions) > 0 && output.failover_seconds > 0
    error_message = "no regions in the regions output, or no failover time"
  }

  assert {
    condition     = alltrue([for region, r in output.regions : r.rest_api_id == "mockapi-${region}"])
    error_message = "a region's rest_api_id does not come from that region's provider"
  }

  assert {
    condition = alltrue([for region, r in output.regions :
      r.invoke_url == "https://${r.rest_api_id}.execute-api.${region}.amazonaws.com/prod"
    ])
    error_message = "a region's invoke_url is not its own stage's https://<api id>.execute-api.<region>.amazonaws.com/prod"
  }

  assert {
    condition = alltrue([for region, r in output.regions :
      r.execute_api_host == "${r.rest_api_id}.execute-api.${region}.amazonaws.com"
    ])
    error_message = "a region's execute_api_host is not <its api id>.execute-api.<region>.amazonaws.com"
  }

  assert {
    condition = alltrue([for region, r in output.regions :
      r.health_check_fqdn == (r.hostname == null ? r.execute_api_host : r.hostname)
    ])
    error_message = "a region's health check probes another host than that region's own hostname (or, without one, its API)"
  }

  assert {
    condition = alltrue([for region, r in output.regions :
      r.hostname == null || endswith(coalesce(r.hostname, "-"), ".${output.domain_name}") && strcontains(coalesce(r.hostname, "-"), region)
    ])
    error_message = "a region's own hostname is not a name under domain_name that names the region"
  }

  assert {
    condition     = length(distinct([for r in output.regions : r.hostname])) == length(output.regions)
    error_message = "regions share a hostname"
  }

  assert {
    condition     = length(distinct([for r in output.regions : r.health_check_id])) == length(output.regions)
    error_message = "regions share a health check"
  }
}
