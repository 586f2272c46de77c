package effect

import "testing"

// TestFleetRunnerChanges checks that a service restarted, packages
// upgraded or processes killed through a fleet runner change shared
// machines, and so does one made through a remote shell run over many
// hosts (a loop, xargs); a look through either, the same change on this
// machine, and one ssh to a host that does not say production, do not.
func TestFleetRunnerChanges(t *testing.T) {
	for cmd, want := range map[string]bool{
		"bolt command run 'systemctl restart nginx' --targets web":                                     true,
		"bolt command run 'sudo apt-get upgrade -y' -t web":                                            true,
		"pssh -h hosts.txt 'systemctl restart app'":                                                    true,
		"clush -a 'pkill -f worker'":                                                                   true,
		"salt '*' cmd.run 'service nginx stop'":                                                        true,
		"ansible web -m service -a 'name=nginx state=restarted'":                                       true,
		"salt -G 'role:web' cmd.run 'yum update -y nginx'":                                             true,
		"pdsh -w web[01-10] uptime":                                                                    false,
		"salt '*' cmd.run 'apt-get update'":                                                            false,
		"clush -a 'systemctl status app'":                                                              false,
		"salt '*' cmd.run 'df -h'":                                                                     false,
		"systemctl restart nginx":                                                                      false,
		"bash -c 'systemctl restart nginx'":                                                            false,
		"ssh deploy@staging.acme.dev 'sudo systemctl restart api'":                                     false,
		"xargs -I{} ssh {} 'sudo pkill -f java' < hosts.txt":                                           true,
		"while read h; do ssh -p 2222 \"ops@$h\" 'sudo apt-get install -y redis-server'; done < hosts": true,
		"for h in web-01 web-02; do ssh \"$h\" 'sudo systemctl restart app'; done":                     true,
		"for h in localhost 127.0.0.1; do ssh \"$h\" 'systemctl --user restart app'; done":             false,
		"for h in web-01 web-02; do ssh \"$h\" 'systemctl status app'; done":                           false,
		"cat hosts | parallel ssh {} sudo systemctl restart app":                                       true,
		"ssh dev@127.0.0.1 sudo systemctl restart app":                                                 false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:shared-change"); got != want {
			t.Errorf("%s: shared change %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
