package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// kubectl's discovery cache (~/.kube/cache/discovery) holds the API groups
// and resources a cluster serves, no login: reading it is everyday work.
// The rest of ~/.kube stays a credential store: the kubeconfig, the
// oidc-login plugin's token cache, and a path that climbs out of the
// discovery cache into them.
func TestKubeDiscoveryCacheIsNoSecret(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"read", "/home/dev/.kube/cache/discovery/k8s.prod.acme.internal_6443/servergroups.json", call.Allow},
		{"exec", "cat ~/.kube/cache/discovery/k8s_6443/v1/serverresources.json", call.Allow},
		{"read", "/home/dev/.kube/cache/oidc-login/3f1a8e2b", call.Deny},
		{"read", "/home/dev/.kube/cache/discovery/x/../../../config", call.Deny},
		{"read", "/home/dev/.kube/config", call.Deny},
		{"exec", "cat ~/.kube/cache/discovery/../../config", call.Deny},
	} {
		if d := e.Evaluate(mkCall(tt.tool, tt.arg)); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
