package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestLocalTargetRoutes: the reading of where a change lands serves every
// route a target is named through. A Kubernetes API server reached over
// https on loopback is a cluster of this machine (kind's, k3d's), by the
// fetch tool, an MCP fetch or curl; kubectl proxy's plain http on loopback
// relays to whatever the current context names, and a forward or a
// connection sent elsewhere on the line moves loopback away. An MCP
// cluster or cloud tool's context and endpoint arguments are the CLI's
// options (cliTargetFlags): kubectl_delete {context: kind-dev} is kubectl
// --context kind-dev delete; another context, or a kubeconfig or server
// beside it, is judged as the CLI would be.
func TestLocalTargetRoutes(t *testing.T) {
	e := standard(t)
	for _, tt := range []struct {
		tool, arg string
		want      call.Action
	}{
		{"fetch", `{"url":"https://127.0.0.1:42673/api/v1/namespaces/feature-login","method":"DELETE"}`, call.Allow},
		{"fetch", `{"url":"https://localhost:6443/apis/apps/v1/namespaces/default/deployments/api","method":"DELETE"}`, call.Allow},
		{"mcp", `{"server":"fetch","tool":"fetch","arguments":{"url":"https://127.0.0.1:42673/api/v1/namespaces/x","method":"DELETE"}}`, call.Allow},
		{"exec", "curl -sk -X DELETE https://127.0.0.1:6443/api/v1/namespaces/payments", call.Allow},
		{"fetch", `{"url":"http://127.0.0.1:8001/api/v1/namespaces/payments","method":"DELETE"}`, call.RequireApproval},
		{"fetch", `{"url":"http://localhost:8001/apis/apps/v1/namespaces/default/deployments/api","method":"DELETE"}`, call.RequireApproval},
		{"mcp", `{"server":"fetch","tool":"fetch","arguments":{"url":"http://127.0.0.1:8001/api/v1/namespaces/x","method":"DELETE"}}`, call.RequireApproval},
		{"exec", "ssh -fNL 6443:10.0.4.20:6443 bastion && curl -k -X DELETE https://127.0.0.1:6443/api/v1/namespaces/payments", call.RequireApproval},
		{"exec", "kubectl proxy --port=6443 & curl -k -X DELETE https://127.0.0.1:6443/api/v1/namespaces/payments", call.RequireApproval},
		{"exec", "curl -k --connect-to 127.0.0.1:6443:k8s.acme.net:6443 -X DELETE https://127.0.0.1:6443/api/v1/namespaces/payments", call.RequireApproval},
		{"exec", "curl -k --resolve localhost:6443:10.0.4.20 -X DELETE https://localhost:6443/api/v1/namespaces/payments", call.RequireApproval},
		{"fetch", `{"url":"https://10.0.4.20:6443/api/v1/namespaces/payments","method":"DELETE"}`, call.RequireApproval},

		// cbt's delete verbs destroy, unless its emulator here is named
		{"exec", "cbt -project acme-prod -instance main deletetable orders", call.RequireApproval},
		{"exec", "BIGTABLE_EMULATOR_HOST=localhost:8086 cbt -project demo -instance local deletetable orders", call.Allow},

		{"mcp", `{"server":"kubernetes","tool":"kubectl_delete","arguments":{"resourceType":"namespace","name":"x","context":"kind-dev"}}`, call.Allow},
		{"mcp", `{"server":"kubernetes","tool":"helm_uninstall","arguments":{"name":"pg","namespace":"data","context":"microk8s"}}`, call.Allow},
		{"mcp", `{"server":"aws","tool":"use_aws","arguments":{"service_name":"s3","operation_name":"delete-bucket","parameters":{"bucket":"t"},"endpoint_url":"http://localhost:4566"}}`, call.Allow},
		{"mcp", `{"server":"kubernetes","tool":"kubectl_delete","arguments":{"resourceType":"namespace","name":"x","context":"staging"}}`, call.Deny},
		{"mcp", `{"server":"kubernetes","tool":"kubectl_delete","arguments":{"resourceType":"namespace","name":"x","context":"kind-dev","kubeconfig":"/home/dev/.kube/prod.yaml"}}`, call.Deny},
		{"mcp", `{"server":"aws","tool":"use_aws","arguments":{"service_name":"s3","operation_name":"delete-bucket","parameters":{"bucket":"t"},"endpoint_url":"https://s3.amazonaws.com"}}`, call.RequireApproval},
	} {
		c := tableCall(t, tableRow{tool: tt.tool, arg: tt.arg})
		if d := e.Evaluate(c); d.Decision != tt.want {
			t.Errorf("%s %q = %v (%s), want %v", tt.tool, tt.arg, d.Decision, d.Message, tt.want)
		}
	}
}
