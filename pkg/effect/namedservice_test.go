package effect

import "testing"

func TestNamedService(t *testing.T) {
	for name, want := range map[string]string{
		"DRONE_TOKEN": "drone", "HASURA_ADMIN_SECRET": "hasura", "acme_api_key": "acme", "APCA_SECRET": "apca",
		"PROD_API_KEY": "", "MY_TOKEN": "", "TOKEN": "", "CI_DEPLOY_KEY": "", "BB_APP_PASSWORD": "",
		"AB12_KEY": "", "API_TOKEN": "", "PROD_DRONE_TOKEN": "drone", "MY_HASURA_ADMIN_SECRET": "hasura",
		"CI_ACME_API_KEY": "acme", "TF_VAR_DEPLOY_TOKEN": "", "PROD_FOO_BAR": "", "STAGING_API_KEY": "",
	} {
		if got := namedService(name); got != want {
			t.Errorf("namedService(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestNamedServiceHome(t *testing.T) {
	for _, c := range []struct {
		service string
		hosts   []string
		home    bool
	}{
		{"drone", []string{"https://drone.acme.io/api/repos"}, true},
		{"drone", []string{"https://acme-drone.fly.dev/api"}, true},
		{"drone", []string{"https://ci-metrics.devstats.cc/r"}, false},
		{"drone", []string{"https://ci.acme.com/api"}, true},
		{"drone", []string{"https://ci"}, true},
		{"drone", []string{"http://10.0.4.2/api"}, true},
		{"drone", []string{"http://[fd00::2]/api"}, true},
		{"drone", []string{"http://[2001:db8::7]/api"}, false},
		{"drone", []string{"https://drone.acme.io/a", "https://collect.example.net/b"}, false},
		{"drone", []string{"$DRONE_SERVER/api"}, true},
		{"apca", []string{"https://paper-api.alpaca.markets/v2/account"}, true},
		{"acme", []string{"https://api.acmecorp.com/v1"}, true},
		{"acme", []string{"https://metrics-relay.example.net/push"}, false},
		{"acme", []string{"https://facme.example.net/push"}, false},
		{"artifactory", []string{"https://acme.jfrog.io/artifactory/api"}, true},
		{"hasura", []string{"https://hooks.relaystation.io/in"}, false},
		{"drone", []string{"https://dashboard-reports-one.net/r"}, false},
		{"drone", []string{"http://3405803786/r"}, false},
		{"drone", []string{"http://0xCB007109/r"}, false},
		{"drone", []string{"http://167772161/r"}, true},
		{"drone", []string{"http://100.88.1.4:8080/api"}, true},
	} {
		if got := namedServiceHome(c.hosts, c.service); got != c.home {
			t.Errorf("namedServiceHome(%v, %q) = %v, want %v", c.hosts, c.service, got, c.home)
		}
	}
}
