package effect

import (
	"regexp"
	"strings"

	"rampart.dev/pkg/internal/substrs"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Inline code that holds a cloud's or a service's client library and
// calls one of its changing operations changes what that service holds,
// as the CLI's own verb does: boto3's ecs.update_service(…) is aws ecs
// update-service, stripe.Refund.create(…) is stripe refunds create,
// new UpdateServiceCommand(…) is the JavaScript SDK's spelling of the
// same, octokit.repos.update({private: false}) is gh repo edit. The
// operation's name is read by its leading verb (update_service,
// attachUserPolicy, messages.create), so a new operation of a known SDK
// needs no new line; its reads (describe_services, listReleases,
// customers.list) change nothing. Code pointed at an emulator on this
// machine, or holding a test-mode key, changes nothing shared.

// codeServiceSDKs are the spellings by which code loads a service's
// client library (the clouds' are codeCloudSDKs).
var codeServiceSDKs = []string{
	"stripe", "Stripe", "twilio", "sendgrid", "mailgun", "mailchimp", "postmark", "vonage", "onesignal",
	"firebase-admin", "firebase_admin", "octokit", "Octokit", "from github import", "launchdarkly", "pagerduty",
	"cloudflare",
	// payment gateways, exchanges and chains: a refund or a void, an order
	// or a withdrawal, a transaction signed and sent
	"braintree", "ccxt", "from web3 import", "require('ethers')", "require(\"ethers\")", "from 'ethers'", "from \"ethers\"", "@solana/web3.js",
}

// sdkChangeVerbs are the leading verbs of an SDK operation that changes
// what the service holds, sends or charges.
var sdkChangeVerbs = table.Map[string, bool]{Words: `create update put patch set attach detach
	change modify send publish invalidate stop
	reboot cancel refund capture add remove
	replace scale rotate enable disable revoke
	grant authorize promote deploy rollback edit
	apply restore associate disassociate register
	deregister run start execute invoke upload
	transfer merge delete terminate destroy purge
	withdraw void`}

// sdkBareVerbs are the verbs that name an operation standing alone
// (stripe.Refund.create, messages.create, subscriptions.cancel,
// repo.edit); the others count only in a compound name
// (update_service, putSecretValue), since alone they are a language's
// own (a dict's update, a set's add, a queue's put); update counts alone
// when it is called on a chain (sdkChange).
var sdkBareVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"create": true, "cancel": true, "edit": true, "send": true, "publish": true, "refund": true,
		"capture": true, "deploy": true, "promote": true, "rollback": true, "invalidate": true, "delete": true,
		// a repository or a resource handed to another owner
		"transfer": true,
		// an exchange's funds sent off it (ccxt's withdraw), a gateway's
		// authorised payment cancelled (braintree's transaction.void)
		"withdraw": true, "void": true,
	}
}}

// sdkSetupNouns are the parts of an operation that configures the client
// itself (setApiKey, set_credentials, set_stream_logger): nothing leaves.
var sdkSetupNouns = table.Map[string, bool]{Words: `api apikey key token credentials config
	region endpoint header headers logger level
	default timeout proxy auth client session app`}

// sdkLogins are operations named with a changing verb that only log the
// client in (Backblaze B2's authorize_account): nothing the service holds
// changes.
var sdkLogins = table.Map[string, bool]{Words: "authorize_account authorizeAccount"}

// sdkLocalMarks are what code says when it talks to an emulator on this
// machine or in a test mode: no service's real state is reached.
var sdkLocalMarks = []string{
	"localhost", "127.0.0.1", "localstack", "mock_aws", "from moto", "import moto", "_TEST_KEY", "_TEST_SECRET_KEY", "sk_test_",
	"emulator", "EMULATOR",
	// a gateway's sandbox, a chain's public test network
	"Environment.Sandbox", "sepolia", "testnet", "devnet",
}

// sdkCall matches an operation called on a client: a method (.name( ) or
// the JavaScript SDK's command object (new NameCommand( ).
var sdkCall = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`([\w)\]]*)\.([a-z][A-Za-z0-9_]*)\s*\(|\bnew\s+([A-Z][A-Za-z0-9]*)Command\s*\(`)
}}

// sdkChange returns the first changing operation that code holding a
// cloud's or a service's client library calls, or "".
func sdkChange(code string) string {
	text := substrs.NewText(code)
	if !codeCloudSDKSet.Get().In(&text) && !codeServiceSDKSet.Get().In(&text) || sdkLocalMarkSet.Get().In(&text) {
		return ""
	}
	for _, m := range sdkCall.Get().FindAllStringSubmatchIndex(code, -1) {
		name, chain := "", false
		if m[6] >= 0 {
			name = code[m[6]:m[7]] // new UpdateServiceCommand(
		} else {
			name = code[m[4]:m[5]]
			if name == "send" && strings.HasPrefix(strings.TrimSpace(code[m[1]:]), "new ") {
				continue // client.send(new ListBucketsCommand(…)): the command says what is done
			}
			// update standing alone is an operation when it is called on
			// a chain (f().repos.update, client.subscriptions.update), not
			// on a name of the code's own (d.update)
			recv := code[m[2]:m[3]]
			chain = m[2] > 0 && code[m[2]-1] == '.' || strings.HasSuffix(recv, ")")
		}
		if sdkLogins.Get(name) {
			continue
		}
		if sdkChangeName(name, chain) && !sdkRecordOp(name, recvOf(code, m)) && !sdkDevDelivery(name, code) {
			return name
		}
	}
	return ""
}

// sdkChangeName reports whether an operation's name (update_service,
// attachUserPolicy, UpdateService, create) leads with a changing verb and
// is not the client's own setup; a name of one word counts when it is one
// of sdkBareVerbs, or update called on a chain.
func sdkChangeName(name string, chain bool) bool {
	w := verbWord(strings.ToLower(name[:1]) + name[1:])
	first, parts, setup := "", 0, false
	verbParts(strings.ReplaceAll(w, "api-key", "apikey"), func(p string, k int) {
		if k == 0 {
			first = p
		}
		parts++
		setup = setup || sdkSetupNouns.Get(p)
	})
	if first == "" || setup || !sdkChangeVerbs.Get(first) {
		return false
	}
	if parts == 1 {
		return sdkBareVerbs.Get(first) || chain && first == "update"
	}
	return true
}

// codeServiceChange adds destroy:shared-change for an interpreter's inline
// code that calls a changing operation of a cloud's or a service's SDK.
func (a *analysis) codeServiceChange(i int, c *shell.Command, code string) {
	if op := sdkChange(code); op != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "shared-change", Word: c.Name + " calls the SDK operation " + op})
	}
}

// An SDK operation that files or edits a team's work record (an issue, a
// comment, a pull request, a review: Github(…).get_repo(…).create_issue(…),
// octokit.issues.create({…}), pulls.create, createComment) is what gh issue
// create and gh pr create do: everyday work, not a change of what others
// share. Its delete, merge or close still is.

// sdkRecordNouns are the objects of such an operation, in its name
// (create_issue_comment) or as the object it is called on (issues.create).
var sdkRecordNouns = table.Map[string, bool]{Words: "issue issues comment comments pull pulls pr prs review reviews note notes label labels reaction reactions discussion discussions ticket tickets card cards"}

// sdkRecordVerbs are the verbs that file or edit a record.
var sdkRecordVerbs = table.Map[string, bool]{Words: "create add edit update post submit request"}

// sdkRecordOp reports an operation (its name, and the name of the object it
// is called on) that files or edits a work record.
func sdkRecordOp(name, recv string) bool {
	w := verbWord(strings.ToLower(name[:1]) + name[1:])
	verb, record := "", sdkRecordNouns.Get(strings.ToLower(recv))
	verbParts(w, func(p string, k int) {
		if k == 0 {
			verb = p
		} else {
			record = record || sdkRecordNouns.Get(p)
		}
	})
	return sdkRecordVerbs.Get(verb) && record
}

// recvOf returns the name an sdkCall match is called on (issues in
// o.issues.create(), "" for a command object).
func recvOf(code string, m []int) string {
	if m[2] < 0 {
		return ""
	}
	return code[m[2]:m[3]]
}

// An upload, a message or a put (upload_file, send_message, upload_blob,
// put_object) whose code names a development, test or staging place and
// no production one (acme-dev-artifacts, jobs-dev) delivers to the
// developer's own place, as aws s3 cp dist/x s3://acme-dev-artifacts/ does.

// sdkDeliveryVerbs are the leading verbs of such operations.
var sdkDeliveryVerbs = table.Map[string, bool]{Words: "upload send put publish"}

// sdkDevDelivery reports a delivering operation of code that names only
// places short of production.
func sdkDevDelivery(name, code string) bool {
	verb := ""
	verbParts(verbWord(strings.ToLower(name[:1])+name[1:]), func(p string, k int) {
		if k == 0 {
			verb = p
		}
	})
	if !sdkDeliveryVerbs.Get(verb) {
		return false
	}
	dev := false
	for _, lit := range codeLiterals(code) {
		if namesProduction(lit) {
			return false
		}
		dev = dev || namesStaging(strings.ToLower(lit))
	}
	return dev
}
