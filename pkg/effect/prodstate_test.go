package effect

import "testing"

// TestStateChangesInProduction: a process killed, a service restarted or
// packages installed through a cluster CLI pointed at production changes
// production; the same in a dev namespace, or a look (ps), does not.
func TestStateChangesInProduction(t *testing.T) {
	for cmd, want := range map[string]bool{
		"kubectl exec -n prod deploy/api -- sh -c 'kill 1'":                               true,
		"kubectl exec -n production deploy/api -- kill -HUP 1":                            true,
		"kubectl --context production exec deploy/worker -- supervisorctl restart all":    true,
		"kubectl exec -n prod deploy/api -- bash -c \"cd /app && systemctl restart app\"": true,
		"kubectl exec -n dev deploy/api -- sh -c 'kill 1'":                                false,
		"kubectl exec -n prod deploy/api -- ps aux":                                       false,
		"kill -HUP 1": false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
