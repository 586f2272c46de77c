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
		{"grafana", []string{"https://grafana.net.dash-share.io/api/search"}, false},
		{"consul", []string{"https://hashicorp.cloud-sync.net/v1/kv"}, false},
		{"grafana", []string{"https://api.grafana"}, false},
		{"nomad", []string{"http://nomad-1:4646/v1/jobs"}, true},
		{"nomad", []string{"https://nomad-ui-proxy.hashitools.net/t"}, false},
		{"nomad", nil, true},
		{"nomad", []string{"http://[2001:db8::7]:4646/v1/jobs"}, false},
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

func TestSelfManagedInstance(t *testing.T) {
	for _, c := range []struct {
		tool             string
		hosts            []string
		instance, public bool
	}{
		{"glab", []string{"https://gitlab.acme.internal/api/v4/projects"}, true, false},
		{"glab", []string{"http://10.0.3.7/api/v4/projects"}, true, false},
		{"glab", []string{"https://gitlab.acme.io/api/v4/projects"}, true, true},
		{"glab", []string{"https://gitlab.com/api/v4/projects", "https://gitlab.acme.internal/x"}, true, false},
		{"glab", []string{"https://collect.example.net/in"}, false, false},
		{"glab", []string{"https://gitlab.acme.internal/x", "https://collect.example.net/in"}, false, false},
		{"atlassian", []string{"https://jira.acme.io/rest/api/2/issue/A-1"}, true, true},
		{"gh", []string{"https://github.acme.io/api/v3"}, true, true},
		{"gh", []string{"https://ghe.acme.internal/api/v3"}, true, false},
		{"gh", []string{"https://api.github.com/user", "https://github.acme.internal/api/v3"}, true, false},
		{"gh", []string{"https://github.com.evil.io/api/v3"}, false, false},
		{"gh", []string{"https://github.com-enterprise.io/api/v3"}, false, false},
		{"glab", []string{"https://gitlab.com.collect.net/api/v4"}, false, false},
		{"gh", []string{"https://git.acme.com/api/v3"}, false, false},
		{"gh", []string{""}, false, false},
	} {
		instance, public := selfManagedInstance(c.hosts, c.tool)
		if instance != c.instance || public != c.public {
			t.Errorf("selfManagedInstance(%v, %q) = %v %v, want %v %v", c.hosts, c.tool, instance, public, c.instance, c.public)
		}
	}
}
