package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestClusterCLIAliases: OpenShift's oc and kubecolor are kubectl under
// other names, so their changes to a cluster ask as kubectl's do, and
// their looks and their changes in a development namespace do not.
func TestClusterCLIAliases(t *testing.T) {
	e := standard(t)
	for line, want := range map[string]call.Action{
		"oc rollout restart deployment/api -n myapp-prod":      call.RequireApproval,
		"oc delete pod api-1 -n shop":                          call.RequireApproval,
		"kubecolor apply -f k8s/ -n shop":                      call.RequireApproval,
		"kubectl rollout restart deployment/api -n myapp-prod": call.RequireApproval,
		"oc rollout status deployment/api -n myapp-prod":       call.Allow,
		"oc rollout history deployment/api":                    call.Allow,
		"oc apply -f k8s/ -n myapp-dev":                        call.Allow,
		"oc get pods -n shop":                                  call.Allow,
	} {
		d := e.Evaluate(mkCall("exec", line))
		if d.Decision < want || want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%q = %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}
