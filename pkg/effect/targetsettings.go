package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Where a cloud CLI's change lands is its service's, unless the program
// reads a setting that points it elsewhere: an option (aws --endpoint-url),
// a variable (AWS_ENDPOINT_URL, CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB,
// FIRESTORE_EMULATOR_HOST), or a connection string (Azure storage's
// UseDevelopmentStorage=true). Each program reads its own settings and no
// other's: gcloud reads no AWS variable, and no PUBSUB_EMULATOR_HOST
// (only the client libraries do); a service's own variable
// (AWS_ENDPOINT_URL_S3) points that service's commands only, and wins over
// the general one. endpointSettings lists them; a program it does not
// list reads only the general endpoint options (endpointOptions) on its
// own command line.

// settingReading is how a setting's value names where a change lands.
type settingReading uint8

const (
	readsURL        settingReading = iota + 1 // a URL, or host[:port]: here when loopback
	readsConnString                           // an Azure storage connection string
	// readsAccount: a storage account's name, another machine's unless it
	// is the development storage's own (devstoreaccount1), which says
	// nothing by itself of where its endpoint is
	readsAccount
)

// endpointSetting is one option or variable a program reads for its
// endpoint.
type endpointSetting struct {
	// name is the option (leading "-") or the variable; a variable
	// ending in "_*" is a service's own, the rest naming the service
	// (AWS_ENDPOINT_URL_S3).
	name    string
	reading settingReading
	// under: only commands whose first operand is this (az storage; for
	// firebase, the part of firestore:delete before the colon); a
	// leading "!" excludes the operand after it (az storage account:
	// the account itself, which Azure Resource Manager changes).
	under string
}

// endpointSettingsText: PROGRAMS: SETTING[=READING][@UNDER[!NOT]] ...
// (reading url unless "conn" or "account").
const endpointSettingsText = `
aws: --endpoint-url AWS_ENDPOINT_URL AWS_ENDPOINT_URL_*
terraform,tofu,terragrunt,pulumi,cdk,cdktf,sam,serverless,sls: AWS_ENDPOINT_URL
s5cmd: --endpoint-url
s3cmd: --host
gcloud: CLOUDSDK_API_ENDPOINT_OVERRIDES_*
firebase: FIRESTORE_EMULATOR_HOST@firestore FIREBASE_DATABASE_EMULATOR_HOST@database FIREBASE_AUTH_EMULATOR_HOST@auth
cbt: BIGTABLE_EMULATOR_HOST -admin-endpoint -data-endpoint
az: --connection-string=conn@storage!account AZURE_STORAGE_CONNECTION_STRING=conn@storage!account --account-name=account@storage!account AZURE_STORAGE_ACCOUNT=account@storage!account --blob-endpoint@storage!account --queue-endpoint@storage!account --table-endpoint@storage!account --file-endpoint@storage!account
`

// endpointSettings are the settings of endpointSettingsText by program.
var endpointSettings = table.Map[string, []endpointSetting]{Build: func() map[string][]endpointSetting {
	m := map[string][]endpointSetting{}
	for line := range strings.SplitSeq(endpointSettingsText, "\n") {
		progs, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var set []endpointSetting
		for _, f := range strings.Fields(rest) {
			f, under, _ := strings.Cut(f, "@")
			name, reading, _ := strings.Cut(f, "=")
			s := endpointSetting{name: name, reading: readsURL, under: under}
			switch reading {
			case "conn":
				s.reading = readsConnString
			case "account":
				s.reading = readsAccount
			}
			set = append(set, s)
		}
		for p := range strings.SplitSeq(progs, ",") {
			m[p] = set
		}
	}
	return m
}}

// endpointTargets returns the values of the settings command i of res
// reads for its endpoint (see above), with their readings, and whether
// the program's settings are listed at all.
func endpointTargets(res *shell.Result, i int) (hosts []string, conns []string, listed bool) {
	c := &res.Commands[i]
	set, listed := endpointSettings.Lookup(c.Name)
	if !listed {
		return optionValues(c.Args, endpointOptions.Get), nil, false
	}
	service := commandService(c)
	env := lineAssigns(res, i)
	own := ""
	ignore := c.Name == "aws" && ignoresConfiguredEndpoints(c, env)
	for _, s := range set {
		if s.under != "" && !underOperand(s.under, service) || ignore && !strings.HasPrefix(s.name, "-") {
			continue
		}
		var vals []string
		if strings.HasPrefix(s.name, "-") {
			vals = optionValues(c.Args, func(o string) bool { return o == s.name })
		} else if base, ok := strings.CutSuffix(s.name, "_*"); ok {
			if service == "" {
				continue
			}
			if v, ok := valueOf(env, base+"_"+serviceEnvName(c.Name, service)); ok {
				own = v // the service's own: wins over the general variable
			}
			continue
		} else if v, ok := valueOf(env, s.name); ok {
			vals = []string{v}
		}
		switch s.reading {
		case readsConnString:
			conns = append(conns, vals...)
		case readsAccount:
			for _, v := range vals {
				if strings.Trim(v, `"'`) != "devstoreaccount1" {
					hosts = append(hosts, v) // a name: never this machine
				}
			}
		default:
			hosts = append(hosts, vals...)
		}
	}
	if c.Name == "aws" && !ignore {
		hosts = append(hosts, configuredEndpoints(res, i)...) // awsprofileendpoint.go
	}
	if own != "" {
		// AWS_ENDPOINT_URL_S3 beside AWS_ENDPOINT_URL: the general one is
		// not read; an option on the line still is
		var kept []string
		for _, h := range hosts {
			if v, ok := valueOf(env, "AWS_ENDPOINT_URL"); !ok || h != v {
				kept = append(kept, h)
			}
		}
		hosts = append(kept, own)
	}
	return hosts, conns, true
}

// underOperand reports whether a setting scoped "OPERAND" or
// "OPERAND!NOT" applies to a command whose operands (space-separated,
// from commandService) start with OPERAND and do not go on with NOT.
func underOperand(under, service string) bool {
	want, not, _ := strings.Cut(under, "!")
	first, rest, _ := strings.Cut(service, " ")
	if i := strings.IndexByte(first, ':'); i > 0 {
		first = first[:i] // firebase firestore:delete
	}
	if first != want {
		return false
	}
	next, _, _ := strings.Cut(rest, " ")
	return not == "" || next != not
}

// commandService returns the first two subcommand words of a cloud CLI's
// command, space-separated (aws s3 rb: "s3 rb"; gcloud beta pubsub topics
// delete: "pubsub topics", its release track left out), as the catalogue
// classifies them.
func commandService(c *shell.Command) string {
	cl := catalog.Default().Classify(c.Name, c.Args)
	var words []string
	for _, w := range cl.Words {
		if w.Role == catalog.Command && w.Option == "" {
			words = append(words, w.Text)
		}
	}
	if len(words) == 0 {
		words = positionals(c.Args)
	}
	if c.Name == "gcloud" && len(words) > 0 && (words[0] == "alpha" || words[0] == "beta" || words[0] == "preview") {
		words = words[1:]
	}
	if len(words) > 2 {
		words = words[:2]
	}
	return strings.Join(words, " ")
}

// serviceEnvName is how a service's own variable names it: the AWS CLI's
// service in capitals with "_" for "-" (s3api and s3 are S3's), gcloud's
// group in capitals.
func serviceEnvName(prog, service string) string {
	first, _, _ := strings.Cut(service, " ")
	if prog == "aws" && (first == "s3api" || first == "s3control") {
		first = "s3"
	}
	return strings.ToUpper(strings.ReplaceAll(first, "-", "_"))
}

// connStringHere reports an Azure storage connection string that names
// only this machine: the development storage (UseDevelopmentStorage=true,
// Azurite or the emulator here, with a proxy, if named, here too), or
// endpoints (BlobEndpoint=, QueueEndpoint=, ...) that are all loopback.
func connStringHere(v string) bool {
	v = strings.Trim(v, `"'`)
	dev, endpoints := false, 0
	for f := range strings.SplitSeq(v, ";") {
		k, val, _ := strings.Cut(strings.TrimSpace(f), "=")
		switch lk := strings.ToLower(k); {
		case lk == "usedevelopmentstorage":
			dev = strings.EqualFold(val, "true")
		case lk == "developmentstorageproxyuri" || strings.HasSuffix(lk, "endpoint"):
			if !allHere([]string{val}) {
				return false
			}
			endpoints++
		case lk == "endpointsuffix":
			return false // the account's endpoints in a cloud: AccountName.blob.SUFFIX
		}
	}
	return dev || endpoints > 0
}

// ignoresConfiguredEndpoints reports an aws command told to read no
// endpoint but its own --endpoint-url: --ignore-configured-endpoint-urls,
// or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true in its environment (env,
// the variables the line sets before it). Its variables and its
// profile's endpoint_url then point it nowhere: it goes to the service.
func ignoresConfiguredEndpoints(c *shell.Command, env []string) bool {
	for _, a := range c.Args {
		if a == "--ignore-configured-endpoint-urls" {
			return true
		}
	}
	v, ok := valueOf(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
	return ok && strings.EqualFold(strings.Trim(v, `"'`), "true")
}
