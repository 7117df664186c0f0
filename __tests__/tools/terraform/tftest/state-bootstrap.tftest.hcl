# Runs against the synthesized state-bootstrap stack with its AWS provider mocked (the harness puts the
# mock_provider block above this line; see src/terraform/tftest.ts). Addresses are fixed by construct ids.
# A plan, not an apply: the bucket has prevent_destroy, which would fail the test's own teardown.

run "bucket_settings_and_policy_wired" {
  command = plan

  assert {
    condition     = output.state_bucket == aws_s3_bucket.state-bucket_828F7150.bucket && output.state_bucket != ""
    error_message = "state_bucket output is not the bucket the stack creates"
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_versioning.state-bucket_versioning_933ED8BF.bucket == aws_s3_bucket.state-bucket_828F7150.id,
      aws_s3_bucket_server_side_encryption_configuration.state-bucket_encryption_09E6F87B.bucket == aws_s3_bucket.state-bucket_828F7150.id,
      aws_s3_bucket_public_access_block.state-bucket_public-access-block_498D68DA.bucket == aws_s3_bucket.state-bucket_828F7150.id,
      aws_s3_bucket_policy.state-bucket_tls-only_333A73BD.bucket == aws_s3_bucket.state-bucket_828F7150.id,
      aws_s3_bucket_lifecycle_configuration.state-bucket_lifecycle_C2B75840.bucket == aws_s3_bucket.state-bucket_828F7150.id,
      aws_s3_bucket_ownership_controls.state-bucket_ownership_A4364906.bucket == aws_s3_bucket.state-bucket_828F7150.id,
    ])
    error_message = "a bucket setting (versioning, encryption, public access block, policy, lifecycle, ownership) targets another bucket"
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.state-bucket_tls-only_333A73BD.policy).Statement :
      s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false" && contains(s.Resource, "${aws_s3_bucket.state-bucket_828F7150.arn}/*")
    ])
    error_message = "the bucket policy does not deny requests without TLS to the bucket's objects"
  }
}
