# Defaults for computed attributes that must look like real AWS values: a mocked provider otherwise invents random
# strings, and the real provider's validation (still applied under a mock) rejects them where an ARN is expected.
# Account 123456789012 marks every value as fake; one region serves all aliases (these are shapes, not places).
# Identifiers and names are left to the mock, random per resource.

mock_resource "aws_iam_role" {
  defaults = {
    arn = "arn:aws:iam::123456789012:role/mock"
  }
}

mock_resource "aws_cloudwatch_log_group" {
  defaults = {
    arn = "arn:aws:logs:us-east-1:123456789012:log-group:mock"
  }
}

mock_resource "aws_lambda_function" {
  defaults = {
    arn                  = "arn:aws:lambda:us-east-1:123456789012:function:mock"
    qualified_arn        = "arn:aws:lambda:us-east-1:123456789012:function:mock:1"
    invoke_arn           = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock/invocations"
    qualified_invoke_arn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:mock:1/invocations"
  }
}

mock_resource "aws_api_gateway_rest_api" {
  defaults = {
    arn           = "arn:aws:apigateway:us-east-1::/restapis/mock"
    execution_arn = "arn:aws:execute-api:us-east-1:123456789012:mock"
  }
}

mock_resource "aws_api_gateway_deployment" {
  defaults = {
    execution_arn = "arn:aws:execute-api:us-east-1:123456789012:mock/"
  }
}

mock_resource "aws_api_gateway_stage" {
  defaults = {
    arn           = "arn:aws:apigateway:us-east-1::/restapis/mock/stages/prod"
    execution_arn = "arn:aws:execute-api:us-east-1:123456789012:mock/prod"
  }
}
