package effect

import "testing"

// TestFleetRunnerChanges checks that a service restarted, packages
// upgraded or processes killed through a fleet runner change shared
// machines, while a look through one, and the same change on this
// machine or through a single ssh, do not.
func TestFleetRunnerChanges(t *testing.T) {
	for cmd, want := range map[string]bool{
		"bolt command run 'systemctl restart nginx' --targets web": true,
		"bolt command run 'sudo apt-get upgrade -y' -t web":        true,
		"pssh -h hosts.txt 'systemctl restart app'":                true,
		"clush -a 'pkill -f worker'":                               true,
		"salt '*' cmd.run 'service nginx stop'":                    true,
		"ansible web -m service -a 'name=nginx state=restarted'":   true,
		"salt -G 'role:web' cmd.run 'yum update -y nginx'":         true,
		"pdsh -w web[01-10] uptime":                                false,
		"salt '*' cmd.run 'apt-get update'":                        false,
		"clush -a 'systemctl status app'":                          false,
		"salt '*' cmd.run 'df -h'":                                 false,
		"systemctl restart nginx":                                  false,
		"bash -c 'systemctl restart nginx'":                        false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:shared-change"); got != want {
			t.Errorf("%s: shared change %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
