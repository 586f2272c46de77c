package effect

import "testing"

// TestRemoteLooks: a command sent to managed machines that only looks
// (uptime, df -h, a log's tail) is no unknown code; one that changes what
// runs, names a program nobody knows, or runs a document whose steps the
// line does not show is.
func TestRemoteLooks(t *testing.T) {
	const send = "aws ssm send-command --instance-ids i-0a1b2c3d4e5f67890 --document-name AWS-RunShellScript --parameters "
	for line, want := range map[string]bool{
		send + `'commands=["uptime"]'`:                               false,
		send + `commands='df -h'`:                                    false,
		send + `'{"commands":["df -h","free -m"]}'`:                  false,
		send + `'commands=["tail -n 100 /var/log/nginx/error.log"]'`: false,
		send + `'commands=["systemctl status nginx --no-pager"]'`:    false,
		send + `'commands=["systemctl restart nginx"]'`:              true,
		send + `'commands=["df -h","sudo apt-get -y upgrade"]'`:      true,
		send + `'commands=["./bin/rotate-logs"]'`:                    true,
		send + `'commands=["uptime","reboot"]'`:                      true,
		send + `'commands=["uptime > /etc/motd"]'`:                   true,
		send + `file://params.json`:                                  true,
		"aws ssm send-command --instance-ids i-0 --document-name AWS-RunRemoteScript --parameters '{\"sourceType\":[\"GitHub\"]}'": true,
		"aws ssm send-command --instance-ids i-0 --document-name=AWS-ApplyPatchBaseline":                                           true,
	} {
		if got := hasEffect(effectsOf(line), "unknown:code"); got != want {
			t.Errorf("%q: unknown:code = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
