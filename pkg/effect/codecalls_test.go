package effect

import "testing"

func TestSDKChange(t *testing.T) {
	for _, tc := range []struct {
		code, want string
	}{
		{"import boto3; boto3.client('ecs').update_service(cluster='prod', service='api')", "update_service"},
		{"import boto3; boto3.client('sqs').purge_queue(QueueUrl=u)", "purge_queue"},
		{"import boto3; boto3.client('autoscaling').setDesiredCapacity(x)", "setDesiredCapacity"},
		{"const {ECSClient, UpdateServiceCommand} = require('@aws-sdk/client-ecs'); c.send(new UpdateServiceCommand({}))", "UpdateService"},
		{"import stripe; stripe.Refund.create(payment_intent='pi_1')", "create"},
		{"const sg = require('@sendgrid/mail'); sg.setApiKey(k); sg.send({to: 'a@b.c'})", "send"},
		{"new Octokit({auth: t}).repos.update({private: false})", "update"},
		{"from github import Github; Github(t).get_repo('a/b').edit(private=False)", "edit"},
		// reads, the client's own setup, a language's own update, an emulator
		{"import boto3; print(boto3.client('ecs').describe_services(cluster='prod'))", ""},
		{"const {S3Client, ListBucketsCommand} = require('@aws-sdk/client-s3'); new S3Client({}).send(new ListBucketsCommand({}))", ""},
		{"import boto3; d = {}; d.update(a=1); print(boto3.client('s3').list_buckets())", ""},
		{"const sg = require('@sendgrid/mail'); sg.setApiKey(k)", ""},
		{"import boto3; boto3.client('ecs', endpoint_url='http://localhost:4566').update_service(cluster='c')", ""},
		{"import stripe; stripe.api_key = os.environ['STRIPE_TEST_KEY']; stripe.Refund.create(payment_intent='pi_1')", ""},
		{"d = {}; d.update_service(x)", ""},
	} {
		if got := sdkChange(tc.code); got != tc.want {
			t.Errorf("sdkChange(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
