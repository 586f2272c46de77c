package effect

import "testing"

func TestOperation(t *testing.T) {
	for _, c := range []struct {
		path                   string
		op                     string
		verb, noun, read, prev bool
	}{
		{"/v1/refunds", "refunds", false, true, false, false},
		{"/api/chat.postMessage", "chat.postmessage", true, true, false, false},
		{"/api/v1/monitor/12345/mute", "mute", true, false, false, false},
		{"/client/v4/zones/$ZONE/dns_records", "dns_records", false, true, false, false},
		{"/2010-04-01/Accounts/AC1/Messages.json", "messages", false, true, false, false},
		{"/v1/deployments/abc/_shutdown", "shutdown", true, false, false, false},
		{"/crm/v3/objects/contacts/search", "search", false, false, true, false},
		{"/1/queries/prod", "prod", false, false, false, true},
		{"/api/conversations.list", "conversations.list", false, false, true, false},
		{"/repos/acme/api/pulls", "pulls", false, false, false, false},
		{"/", "", false, false, false, false},
	} {
		op, verb, noun, read, prev := operation(c.path)
		if op != c.op || verb != c.verb || noun != c.noun || read != c.read || prev != c.prev {
			t.Errorf("operation(%q) = %q %v %v %v %v, want %q %v %v %v %v", c.path, op, verb, noun, read, prev, c.op, c.verb, c.noun, c.read, c.prev)
		}
	}
}

func TestThisMachine(t *testing.T) {
	for h, want := range map[string]bool{
		"localhost": true, "127.0.0.1": true, "web": true, "myapp.local": true, "web.test": true,
		"api.localhost": true, "host.docker.internal": true, "api.staging.acme.io": true, "staging.acme.io": true,
		"acme-staging.herokuapp.com": true, "0.0.0.0": true,
		"api.stripe.com": false, "acme.dev": false, "api.acme.dev": false, "evil-staging.net": false,
		"db.prod.acme.internal": false, "api.acme.io": false,
	} {
		if got := thisMachine(h); got != want {
			t.Errorf("thisMachine(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestBodyAction(t *testing.T) {
	for body, want := range map[string][2]any{
		"Action=StopInstances&Version=1":              {"StopInstances", true},
		"Version=1&Action=DescribeInstances":          {"DescribeInstances", false},
		`{"jsonrpc":"2.0","method":"refund_payment"}`: {"refund_payment", true},
		`{"operationName":"DeleteProject"}`:           {"DeleteProject", true},
		`{"name":"x"}`:                                {"", false},
	} {
		name, change := bodyAction(body)
		if name != want[0] || change != want[1] {
			t.Errorf("bodyAction(%q) = %q %v, want %v", body, name, change, want)
		}
	}
}

func TestVersionRef(t *testing.T) {
	for r, want := range map[string]bool{
		"v2.0.0": true, "1.4": true, "release-2024.06.1": true, "v3.0.0-rc.1": true,
		"main": false, "feature/v2.0": false, "v2": false, "fix-typo": false,
	} {
		if got := versionRef(r); got != want {
			t.Errorf("versionRef(%q) = %v, want %v", r, got, want)
		}
	}
}
