package effect

import "testing"

// TestHeldout27Changes: a cloud CLI's verbs that set an environment's
// variables, issue a certificate, break a state lock, restore a backup or
// hand a primary to another member change production when they point
// there; a chat server's CLI posts to everyone in a channel. Their looks
// and their runs elsewhere do not.
func TestHeldout27Changes(t *testing.T) {
	for line, want := range map[string]bool{
		"eb setenv DB_POOL=20 -e production":        true,
		"eb setenv DB_POOL=20 -e dev":               false,
		"eb printenv dev":                           false,
		"zappa certify production --yes":            true,
		"zappa status production":                   false,
		"npx sst unlock --stage production":         true,
		"npx sst unlock --stage dev":                false,
		"eb restore env-id-1234 production":         true,
		"mmctl post create acme:town-square -m hi":  true,
		"mmctl post list acme:town-square":          false,
		"mmctl channel list acme":                   false,
		"zulip-send --stream eng --subject x -m hi": true,
		// a server named by -server, -c, --cluster or --endpoint is
		// this machine's only when the value names it
		"zkCli.sh -server localhost:2181 deleteall /test":      false,
		"zkCli.sh -server zk.acme.io:2181 deleteall /kafka":    true,
		"acmectl -c localhost:8091 bucket-delete test":         false,
		"acmectl --cluster 127.0.0.1:8091 bucket-delete t":     false,
		"acmectl -c cb.acme.io:8091 bucket-delete test":        true,
		"acmectl -c config.yml bucket-delete test":             true,
		"acmectl --endpoint http://[::1]:9000 delete-bucket t": false,
	} {
		effs := effectsOf(line)
		got := false
		for _, k := range []string{"destroy:remote", "destroy:production", "destroy:shared-change", "destroy:deploy"} {
			got = got || hasEffect(effs, k)
		}
		if got != want {
			t.Errorf("%q: changes = %v, want %v (%v)", line, got, want, effs)
		}
	}
}

// TestWorkspaceSSH: coder ssh and devpod ssh run their command in the
// workspace; what it does there is read as the command's own.
func TestWorkspaceSSH(t *testing.T) {
	for line, want := range map[string]bool{
		"coder ssh ws1 -- printenv GITHUB_TOKEN":                true,
		"devpod ssh acme-web --command 'printenv GITHUB_TOKEN'": true,
		"coder ssh ws1 -- make test":                            false,
		"devpod ssh acme-web --command 'go test ./...'":         false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Flow && e.Detail == "secret->agent"
		}
		if got != want {
			t.Errorf("%q: secret printed = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestKubesealRecovery: kubeseal --recovery-unseal reads the controller's
// private key it is given; sealing with the public certificate reads no key.
func TestKubesealRecovery(t *testing.T) {
	for line, want := range map[string]bool{
		"kubeseal --recovery-unseal --recovery-private-key key.pem < sealed.yaml": true,
		"kubeseal --format yaml --cert pub.pem < secret.yaml > sealed.yaml":       false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Read && e.Path == "/home/dev/project/key.pem"
		}
		if got != want {
			t.Errorf("%q: key read = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestTimeMachineBackups: Time Machine's delete and deletelocalsnapshots
// destroy a machine's backups; its looks and settings do not.
func TestTimeMachineBackups(t *testing.T) {
	for line, want := range map[string]bool{
		"tmutil delete -d /Volumes/Backup -t 2026-11-01-120000": true,
		"tmutil deletelocalsnapshots /":                         true,
		"tmutil listlocalsnapshots /":                           false,
		"tmutil listbackups":                                    false,
		"tmutil addexclusion node_modules":                      false,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "destroy:backups"); got != want {
			t.Errorf("%q: backups destroyed = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
