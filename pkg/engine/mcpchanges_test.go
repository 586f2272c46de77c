package engine

import (
	"encoding/json"
	"testing"

	"rampart.dev/pkg/call"
)

func TestReadToolParts(t *testing.T) {
	for _, c := range []struct {
		tool, verb string
		class      verbClass
	}{
		{"merge_pull_request", "merge", verbChange},
		{"acceptMergeRequest", "accept", verbChange},
		{"deployments_scale", "scale", verbChange},
		{"dns-record-update", "update", verbChange},
		{"cloud_run_update_service", "update", verbChange},
		{"run_query", "run", verbChange},
		{"get_merge_request", "get", verbRead},
		{"slack_list_channels", "list", verbRead},
		{"sequentialthinking", "", verbNone},
		{"teardown_project", "teardown", verbChange},
		{"tearDownProject", "teardown", verbChange},
		{"clear-all", "clear", verbChange},
		{"s3.empty_bucket", "empty", verbChange},
	} {
		p := readToolParts(c.tool)
		if p.verb != c.verb || p.class != c.class {
			t.Errorf("readToolParts(%q) = %q/%d, want %q/%d", c.tool, p.verb, p.class, c.verb, c.class)
		}
	}
	if p := readToolParts("cloud_run_update_service"); !p.has("run") || p.has("update") {
		t.Errorf("cloud_run_update_service: a replaced weak verb is an object, the verb is not")
	}
}

func TestProtectedBranch(t *testing.T) {
	for b, want := range map[string]bool{
		"main": true, "refs/heads/master": true, "release/5.0": true, "Production": true,
		"feature/main": false, "mainline-docs": false, "docs": false, "": false,
	} {
		if got := protectedBranch(b); got != want {
			t.Errorf("protectedBranch(%q) = %v, want %v", b, got, want)
		}
	}
}

func TestMentionsEveryone(t *testing.T) {
	for s, want := range map[string]bool{
		"@channel deploy freeze": true, "hi <!here>": true, "ping @everyone.": true,
		"ops@heretics.example": false, "mail someone@here.example": false, "@channels-list": false,
	} {
		if got := mentionsEveryone(s, 0); got != want {
			t.Errorf("mentionsEveryone(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestToolVerbKinds(t *testing.T) {
	for verb, kind := range map[string]string{"teardown": "destroy", "empty": "wipe", "deactivate": "disable", "overwrite": "overwrite", "handover": "transfer", "ship": "publish", "get": ""} {
		if toolVerbKinds.Get(verb) != kind {
			t.Errorf("toolVerbKinds[%q] = %q, want %q", verb, toolVerbKinds.Get(verb), kind)
		}
	}
}

// TestOutboundChannels: an MCP tool that sets the service sending its
// data to an address from now on (a webhook, an export, a forward) asks
// when the address is another host's, whatever the service; one on this
// machine, a listing, or an export with no address passes.
func TestOutboundChannels(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		tool, args string
		stopped    bool
	}{
		{"webhook_create", `{"topic":"orders/create","address":"https://hooks.example.net/o"}`, true},
		{"create_webhook", `{"baseId":"app1","notificationUrl":"https://sync.example.net/wh"}`, true},
		{"create_target", `{"type":"http_target","target_url":"https://fwd.example.net/t"}`, true},
		{"export_contacts", `{"format":"csv","destination":{"type":"url","url":"https://files.example.net/up"}}`, true},
		{"create_log_drain", `{"app":"api","url":"syslog+tls://logs.example.net:6514"}`, true},
		{"create_webhook", `{"repo":"api","config":{"url":"http://localhost:8080/hook"}}`, false},
		{"list_webhooks", `{"repo":"api"}`, false},
		{"export_contacts", `{"format":"csv"}`, false},
		// an argument named for a delivery, whatever the tool's name; an
		// address without a scheme; a mailbox mail is forwarded to
		{"create_job", `{"schedule":"@hourly","callback_url":"https://cb.example.net/j"}`, true},
		{"update_project", `{"settings":{"webhook":"https://hooks.example.net/v"}}`, true},
		{"create_webhook", `{"config":{"url":"intake.example.net/gh"}}`, true},
		{"create_log_sink", `{"destination":"pubsub.googleapis.com/projects/other/topics/in"}`, true},
		{"update_auto_forwarding", `{"enabled":true,"emailAddress":"inbox@example.net"}`, true},
		{"create_push_mirror", `{"url":"https://git.example.net/a.git"}`, true},
		{"create_alert", `{"query":"errors > 5","notify":"oncall@acme.com"}`, false},
		{"create_job", `{"schedule":"@hourly","callback_url":"http://127.0.0.1:9000/j"}`, false},
		{"update_project", `{"settings":{"webhook_path":"docs/hooks.md"}}`, false},
		{"get_callback", `{"callback_url":"https://cb.example.net/j"}`, false},
		{"register_webhook", `{"url":"https://hooks.example.net/j"}`, true},
		{"subscribe", `{"topic":"orders","endpoint":"https://in.example.net/n"}`, true},
		{"configure_notification_channel", `{"url":"https://in.example.net/pd"}`, true},
		// a URL written in parts; a cloud resource named as the
		// destination (a bucket in any account)
		{"create_hook", `{"host":"hooks.example.net","port":443,"path":"/in"}`, true},
		{"create_integration", `{"settings":{"scheme":"https","hostname":"203.0.113.9","pathname":"/s"}}`, true},
		{"put_bucket_replication", `{"Bucket":"b","Rules":[{"Destination":{"Bucket":"arn:aws:s3:::other-991"}}]}`, true},
		{"update_phone_number", `{"sid":"PN1","sms_url":"https://intake.example.net/s"}`, true},
		{"update_phone_number", `{"sid":"PN1","sms_url":"http://localhost:3000/sms"}`, false},
		{"create_hook", `{"host":"localhost","port":8080,"path":"/in"}`, false},
		{"create_hook", `{"host":"hooks.example.net","events":["push"]}`, false},
		{"update_integration", `{"role_arn":"arn:aws:iam::111:role/r","enabled":true}`, false},
	} {
		d := e.Evaluate(mcpCallOf(t, "svc", c.tool, c.args))
		if d.Blocks() != c.stopped {
			t.Errorf("%s %s: %v (%s), want stopped %v", c.tool, c.args, d.Decision, d.Message, c.stopped)
		}
	}
}

// mcpCallOf is a tools/call of server's tool with the JSON arguments.
func mcpCallOf(t *testing.T, server, tool, args string) call.Call {
	var a map[string]any
	if err := json.Unmarshal([]byte(args), &a); err != nil {
		t.Fatalf("%s: %v", args, err)
	}
	return call.Call{Tool: call.ToolMCP, Cwd: testCwd, Params: call.Params{"server": server, "tool": tool, "arguments": a}}
}

func TestDeliveryKey(t *testing.T) {
	for k, want := range map[string]bool{"callback_url": true, "notifyUrl": true, "webhook": true, "forwardingEmail": true,
		"destination_conf": true, "http.api.url": false, "url": false, "hookedOn": false, "endpoint_url": true, "name": false,
		"sms_url": true, "voiceUrl": true, "target_url": true, "alert_target": true, "status": false} {
		if deliveryKey(k) != want {
			t.Errorf("deliveryKey(%q) = %v, want %v", k, !want, want)
		}
	}
}

// TestStoreToolSends: a tool that stores what it is given in a store
// others search (a vector store, a shared memory) sends it out, as a
// create or a post does; a reading tool does not.
func TestStoreToolSends(t *testing.T) {
	for tool, want := range map[string]bool{
		"qdrant-store":  true,
		"upsert_points": true,
		"qdrant-find":   false,
		"read_file":     false,
	} {
		if got, _ := sendsOut(tool); got != want {
			t.Errorf("sendsOut(%q) = %v, want %v", tool, got, want)
		}
	}
}

// TestRunOnProductionJob: a run started on a job, pipeline or workflow
// named for production is production's change; one named for tests, and
// a look at a production job's log, are not.
func TestRunOnProductionJob(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		tool, args string
		stopped    bool
	}{
		{"trigger_build", `{"job_name":"deploy-production","parameters":{"VERSION":"2.3.1"}}`, true},
		{"build_job", `{"jobName":"release-prod"}`, true},
		{"run_pipeline", `{"pipeline":"prod-db-restore"}`, true},
		{"trigger_workflow", `{"workflow":"deploy-prod.yml","ref":"main"}`, true},
		{"trigger_build", `{"job_name":"api-unit-tests"}`, false},
		{"trigger_build", `{"job_name":"deploy-staging"}`, false},
		{"get_build_log", `{"job_name":"deploy-production","build_number":3}`, false},
	} {
		d := e.Evaluate(mcpCallOf(t, "ci", c.tool, c.args))
		if d.Blocks() != c.stopped {
			t.Errorf("%s %s: %v (%s), want stopped %v", c.tool, c.args, d.Decision, d.Message, c.stopped)
		}
	}
}

// TestChangeInProduction: any change a tool's name says it makes, where
// an argument that says where it is made names production (or the
// server is production's), is production's change; a team's records
// filed under a project named PROD, and the same change in development,
// are not.
func TestChangeInProduction(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		server, tool, args string
		stopped            bool
	}{
		{"mongodb", "create_index", `{"database":"app","collection":"orders","keys":{"customerId":1},"connection":"prod"}`, true},
		{"azure", "appconfig_kv_set", `{"account-name":"appcfg-prod","key":"Checkout:Enabled","value":"false"}`, true},
		{"storage", "update_bucket_cors", `{"bucket":"acme-prod-assets","origins":["*"]}`, true},
		{"postgres-prod", "execute", `{"sql":"UPDATE subscriptions SET status='active' WHERE id=8812"}`, true},
		{"mongodb", "create_index", `{"database":"app","collection":"orders","keys":{"customerId":1},"connection":"dev"}`, false},
		{"jira", "create_issue", `{"project":"PROD","summary":"Checkout fails on Safari"}`, false},
		{"gitlab", "create_merge_request", `{"project_id":"acme/api","source_branch":"fix/x","target_branch":"main"}`, false},
		{"mongodb", "list_indexes", `{"connection":"prod","collection":"orders"}`, false},
		// the place in a list, in an object, under a plural or a kube context
		{"vercel", "create_env_var", `{"target":["production"],"key":"API_URL","value":"https://api.acme.io"}`, true},
		{"config", "set_config", `{"environments":["production"],"key":"checkout.enabled","value":"false"}`, true},
		{"kafka", "alter_topic_config", `{"topic":"orders","cluster":{"name":"prod-eu"},"config":{"retention.ms":"1"}}`, true},
		{"config", "update_setting", `{"target":{"environment":"production"},"key":"rate_limit","value":"0"}`, true},
		{"k8s", "patch_configmap", `{"name":"web-config","namespace":"default","kubeContext":"prod-eu-1","data":{"FLAG":"off"}}`, true},
		{"vercel", "create_env_var", `{"target":["preview","development"],"key":"API_URL","value":"https://api.acme.io"}`, false},
		{"config", "set_config", `{"target":{"environment":"staging"},"key":"rate_limit","value":"0"}`, false},
		{"flags", "set_flag", `{"flag":"checkout","environments":["staging","dev"],"enabled":false}`, false},
		{"flags", "set_flag", `{"flag":"checkout","environments":["staging","production"],"enabled":false}`, true},
		// records are exempt by the name's head object, or when filed
		// under a project; a page rule or a pipeline run is not a record
		{"cloudflare", "update_page_rule", `{"zone":"acme-prod","actions":[{"id":"always_use_https"}]}`, true},
		{"ci", "trigger_pipeline", `{"environment":"production","ref":"v2.4.1"}`, true},
		{"sentry", "update_issue", `{"environment":"production","status":"resolved"}`, false},
		{"jira", "update_issue_status", `{"project":"PROD","issue":"PROD-12","status":"Done"}`, false},
		{"linear", "add_comment_to_issue", `{"workspace":"acme-prod","issue":"ENG-4","body":"fixed"}`, false},
		{"aws", "run_task", `{"cluster":"prod","taskDefinition":"migrate"}`, true},
		{"elasticsearch", "update_document", `{"cluster":"es-prod","index":"orders","id":"7","doc":{"paid":true}}`, true},
		{"k8s", "add_label", `{"namespace":"production","pod":"api-1","label":"traffic=off"}`, true},
		{"asana", "update_task", `{"project":"acme-prod","task":"1203","completed":true}`, false},
	} {
		d := e.Evaluate(mcpCallOf(t, c.server, c.tool, c.args))
		if d.Blocks() != c.stopped {
			t.Errorf("%s %s %s: %v (%s), want stopped %v", c.server, c.tool, c.args, d.Decision, d.Message, c.stopped)
		}
	}
}

// TestChangeInProductionTierSlotAlias checks the place of a change named
// by an environment's tier, an app's deployment slot or a function's
// alias: production's stops, a dev one's passes.
func TestChangeInProductionTierSlotAlias(t *testing.T) {
	e := standard(t)
	for _, c := range []struct {
		server, tool, args string
		stopped            bool
	}{
		{"aws", "update_function_alias", `{"function":"checkout","alias":"live","version":"41"}`, true},
		{"azure", "restart_webapp", `{"name":"acme-web","slot":"production"}`, true},
		{"cloud", "scale_service", `{"service":"web","replicas":0,"tier":"production"}`, true},
		{"cloud", "scale_service", `{"service":"web","replicas":2,"tier":"dev"}`, false},
		{"azure", "restart_webapp", `{"name":"acme-web","slot":"staging"}`, false},
		{"aws", "get_function", `{"function":"checkout","alias":"live"}`, false},
		// verbs that switch what serves: slots swapped, traffic cut over
		{"azure", "swap_slots", `{"app":"acme-web","slotName":"production","source":"staging"}`, true},
		{"db", "switchover_primary", `{"cluster":"pg-prod"}`, true},
		{"azure", "swap_slots", `{"app":"acme-web","slotName":"qa","source":"dev"}`, false},
		// the place under a target or destination prefix
		{"azure", "slotSwap", `{"app":"acme-web","targetSlot":"production"}`, true},
		{"config", "update_settings", `{"destination_environment":"production","rate_limit":0}`, true},
		{"azure", "slotSwap", `{"app":"acme-web","targetSlot":"qa"}`, false},
	} {
		d := e.Evaluate(mcpCallOf(t, c.server, c.tool, c.args))
		if d.Blocks() != c.stopped {
			t.Errorf("%s %s %s: %v (%s), want stopped %v", c.server, c.tool, c.args, d.Decision, d.Message, c.stopped)
		}
	}
}

// A feature flag switched in an environment named in a nested object is
// judged by that environment: LaunchDarkly's environmentKey under
// PatchWithComment.
func TestFlagEnvironmentNested(t *testing.T) {
	e := standard(t)
	for args, stopped := range map[string]bool{
		`{"projectKey":"web","featureFlagKey":"new-checkout","PatchWithComment":{"environmentKey":"test","instructions":[{"kind":"turnFlagOn"}]}}`:       false,
		`{"projectKey":"web","featureFlagKey":"new-checkout","PatchWithComment":{"environmentKey":"production","instructions":[{"kind":"turnFlagOn"}]}}`: true,
		`{"projectKey":"web","featureFlagKey":"new-checkout","PatchWithComment":{"instructions":[{"kind":"turnFlagOn"}]}}`:                               true,
		`{"projectKey":"web","featureFlagKey":"x","patch":{"environmentKey":"staging","env":{"name":"prod"}}}`:                                           true,
	} {
		d := e.Evaluate(mcpCallOf(t, "launchdarkly", "update-feature-flag", args))
		if d.Blocks() != stopped {
			t.Errorf("%s: %v (%s), want stopped %v", args, d.Decision, d.Message, stopped)
		}
	}
}
