package effect

import "strings"

// A service's domain also holds hosts that answer for its customers, not
// for the service: an API Gateway or a load balancer in front of someone's
// code (abc.execute-api.us-east-1.amazonaws.com), someone's bucket
// (drop.s3.amazonaws.com, storage.googleapis.com/drop), an Apps Script web
// app or a form (script.google.com/macros/…, docs.google.com/forms/…), a
// storage account (drop.blob.core.windows.net), an incoming webhook into
// someone's workspace (hooks.slack.com/services/…). A credential of the
// service sent there reaches whoever owns that site, bucket or function;
// it is the service's own only where the service itself answers.
//
// Two kinds: a host that runs a customer's code sees all a request
// carries, its headers too; one that keeps a customer's files or
// messages (a bucket, a form, a webhook) keeps what a request sends as
// data (its body, and its query in the owner's access logs) while the
// service checks its authentication and keeps it.

// A customerSuffix is a domain whose every host is a customer's; one that
// ends in a dot matches as a label sequence anywhere in the name.
type customerSuffix struct {
	suffix string
	code   bool // runs the customer's code: sees headers as well
}

// customerSuffixes are the customer domains under services' own.
var customerSuffixes = [...]customerSuffix{
	// AWS: API Gateway, load balancers, EC2 instances, Elastic Beanstalk
	// environments, Lambda function URLs, AppSync APIs (their resolvers
	// are the customer's) (S3 is read by its labels)
	{".execute-api.", true}, {".appsync-api.", true}, {".elb.amazonaws.com", true}, {".compute.amazonaws.com", true},
	{".compute-1.amazonaws.com", true}, {".elasticbeanstalk.com", true}, {".lambda-url.", true},
	// Google: App Engine and Cloud Functions; buckets and user content
	{".appspot.com", true}, {".cloudfunctions.net", true},
	{".storage.googleapis.com", false}, {".googleusercontent.com", false},
	// Azure: virtual machines and web apps; storage accounts, Service Bus
	{".cloudapp.azure.com", true}, {".cloudapp.net", true}, {".azurewebsites.net", true},
	{".blob.core.windows.net", false}, {".file.core.windows.net", false}, {".queue.core.windows.net", false},
	{".table.core.windows.net", false}, {".dfs.core.windows.net", false}, {".web.core.windows.net", false},
	{".servicebus.windows.net", false},
}

// customerDataHosts are single hosts of a service that keep what their
// customers receive: buckets named in the path, Apps Script web apps,
// Sites, Docs and Forms, incoming webhooks.
var customerDataHosts = [...]string{
	"storage.googleapis.com", "script.google.com", "sites.google.com", "docs.google.com", "forms.gle",
	"hooks.slack.com",
}

// CustomerHost reports whether host, under a service's domain, answers for
// one of the service's customers rather than for the service: always for
// a host that runs a customer's code, and, when data is true (what is
// judged travels as a body or a query, not as authentication), for one
// that keeps a customer's files or messages.
func CustomerHost(host string, data bool) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, s := range customerSuffixes {
		in := strings.HasSuffix(host, s.suffix)
		if strings.HasSuffix(s.suffix, ".") {
			in = strings.Contains("."+host, s.suffix)
		}
		if in {
			return s.code || data
		}
	}
	if !data {
		return false
	}
	for _, h := range customerDataHosts {
		if host == h {
			return true
		}
	}
	// S3: BUCKET.s3.amazonaws.com, BUCKET.s3.REGION.amazonaws.com,
	// s3-REGION.amazonaws.com/BUCKET, BUCKET.s3-website-REGION…
	if rest, ok := strings.CutSuffix(host, ".amazonaws.com"); ok {
		for l := range strings.SplitSeq(rest, ".") {
			if l == "s3" || strings.HasPrefix(l, "s3-") {
				return true
			}
		}
	}
	return false
}
