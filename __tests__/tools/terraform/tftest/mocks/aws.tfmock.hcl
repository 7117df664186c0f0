# Defaults for computed attributes that must look like real AWS values: a mocked provider otherwise invents random
# strings, and the real provider's validation (still applied under a mock) rejects them where an ARN is expected.
# The harness copies this file once per mocked provider with __REGION__ replaced by that provider's region, so a
# value that reaches an output tells which region's resource it came from. Account 123456789012 marks it fake.

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::123456789012:role/mock-__REGION__"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:__REGION__:123456789012:log-group:mock"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn                  = "arn:aws:lambda:__REGION__:123456789012:function:mock"
    qualified_arn        = "arn:aws:lambda:__REGION__:123456789012:function:mock:1"
    invoke_arn           = "arn:aws:apigateway:__REGION__:lambda:path/2015-03-31/functions/arn:aws:lambda:__REGION__:123456789012:function:mock/invocations"
    qualified_invoke_arn = "arn:aws:apigateway:__REGION__:lambda:path/2015-03-31/functions/arn:aws:lambda:__REGION__:123456789012:function:mock:1/invocations"
  }
}

# One REST API per region, so a region-specific id is unique where it matters.
mock_resource "aws_api_gateway_rest_api" {
  defaults = {
    id            = "mockapi-__REGION__"
    arn           = "arn:aws:apigateway:__REGION__::/restapis/mockapi-__REGION__"
    execution_arn = "arn:aws:execute-api:__REGION__:123456789012:mockapi-__REGION__"
  }
}

mock_resource "aws_api_gateway_deployment" {
  defaults = {
    execution_arn = "arn:aws:execute-api:__REGION__:123456789012:mockapi-__REGION__/"
  }
}

mock_resource "aws_api_gateway_stage" {
  defaults = {
    arn           = "arn:aws:apigateway:__REGION__::/restapis/mockapi-__REGION__/stages/prod"
    execution_arn = "arn:aws:execute-api:__REGION__:123456789012:mockapi-__REGION__/prod"
    invoke_url    = "https://mockapi-__REGION__.execute-api.__REGION__.amazonaws.com/prod"
  }
}

# The real provider knows the validation records at plan time, and the stack's for_each over them needs that, so
# the mock supplies them during planning too. Values generated at plan time must not change at apply, so every
# computed string gets a fixed default here (numbers, booleans and collections are stable empty values already).
mock_resource "aws_acm_certificate" {
  override_during = plan
  defaults = {
    id                  = "arn:aws:acm:__REGION__:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    arn                 = "arn:aws:acm:__REGION__:123456789012:certificate/00000000-0000-0000-0000-000000000000"
    key_algorithm       = "RSA_2048"
    not_after           = "2027-01-01T00:00:00Z"
    not_before          = "2026-01-01T00:00:00Z"
    renewal_eligibility = "INELIGIBLE"
    status              = "PENDING_VALIDATION"
    type                = "AMAZON_ISSUED"
    # The shared name (the same CNAME in every region, as ACM asks) and the region's own name.
    domain_validation_options = [{
      domain_name           = "api.example.com"
      resource_record_name  = "_mock.api.example.com."
      resource_record_type  = "CNAME"
      resource_record_value = "_mock.acm-validations.aws."
      }, {
      domain_name           = "__REGION__.api.example.com"
      resource_record_name  = "_mock.__REGION__.api.example.com."
      resource_record_type  = "CNAME"
      resource_record_value = "_mock-__REGION__.acm-validations.aws."
    }]
  }
}

# Known during planning, so a plan-mode run can check what refers to the bucket (its policy, its settings).
mock_resource "aws_s3_bucket" {
  override_during = plan
  defaults = {
    id  = "mock-bucket"
    arn = "arn:aws:s3:::mock-bucket"
  }
}

mock_resource "aws_sns_topic" {
  defaults = {
    arn = "arn:aws:sns:__REGION__:123456789012:mock"
  }
}

mock_resource "aws_cloudwatch_metric_alarm" {
  defaults = {
    arn = "arn:aws:cloudwatch:__REGION__:123456789012:alarm:mock"
  }
}
