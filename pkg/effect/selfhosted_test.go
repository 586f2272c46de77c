package effect

import "testing"

func TestSelfHostedHome(t *testing.T) {
	for _, c := range []struct {
		service string
		hosts   []string
		home    bool
	}{
		{"consul", []string{"https://consul.prod.acme.internal:8501/v1/kv/x"}, true},
		{"consul", []string{"http://10.0.0.5:8500/v1/kv/x"}, true},
		{"consul", []string{"http://127.0.0.1:8500/v1/agent/self"}, true},
		{"consul", []string{"https://acme.hashicorp.cloud/v1/kv"}, true},
		{"consul", []string{"https://consul-metrics.cloud-observe.net/register"}, false},
		{"consul", []string{"https://consul.example-relay.net/x", "https://drop.net/y"}, false},
		{"grafana", []string{"https://grafana.acme.com/api/search"}, true},
		{"grafana", []string{"https://acme.grafana.net/api/search"}, true},
		{"grafana", []string{"https://grafana-dashboards-share.net/import"}, false},
		{"grafana", []string{"https://api.grafana"}, false},
		{"nomad", []string{"http://nomad-1:4646/v1/jobs"}, true},
		{"nomad", []string{"https://nomad-ui-proxy.hashitools.net/t"}, false},
		{"nomad", nil, true},
	} {
		home, ok := selfHostedHome(c.hosts, c.service)
		if !ok || home != c.home {
			t.Errorf("selfHostedHome(%q, %v) = %v %v, want %v true", c.service, c.hosts, home, ok, c.home)
		}
	}
	if _, ok := selfHostedHome([]string{"https://api.github.com"}, "gh"); ok {
		t.Errorf("selfHostedHome(gh) is a self-hosted service; want a known domain's")
	}
}
