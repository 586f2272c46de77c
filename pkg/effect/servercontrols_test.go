package effect

import (
	"strings"
	"testing"
)

// TestServerControlVerbs: the control tools the catalogue lists for name
// servers, mail servers, RAID controllers, LSF, brokers, Postgres
// clusters, data lakes, feature stores and certificate clients change
// what others rely on by their verbs and options, print keys by their
// exports, and look by the rest. Nothing is run.
func TestServerControlVerbs(t *testing.T) {
	for line, want := range map[string]string{
		"rndc reload example.com":                                          "destroy:deploy",
		"rndc status":                                                      "",
		"knotc zone-key-rollover example.org ksk":                          "destroy:deploy",
		"knotc zone-status example.org":                                    "",
		"keymgr example.org generate algorithm=ed25519 ksk=yes":            "destroy:deploy",
		"keymgr example.org list":                                          "",
		"pdnsutil secure-zone example.com":                                 "destroy:deploy",
		"pdnsutil delete-zone example.com":                                 "destroy:remote",
		"pdnsutil list-zone example.com":                                   "",
		"pdnsutil export-zone-key example.com 1":                           "flow:secret->agent",
		"dnscontrol push":                                                  "destroy:deploy",
		"dnscontrol preview":                                               "",
		"octodns-sync --config-file config/production.yaml --doit":         "destroy:shared-change",
		"octodns-sync --config-file config/production.yaml":                "",
		"postsuper -d 3F1A2B4C5D":                                          "destroy:remote",
		"doveadm expunge -u alice@example.com mailbox Trash all":           "destroy:remote",
		"doveadm who":                                                      "",
		"storcli /c0/e252/s4 set offline":                                  "destroy:deploy",
		"storcli /c0/v0 del force":                                         "destroy:remote",
		"storcli /c0 show":                                                 "",
		"bkill -u all 0":                                                   "destroy:remote",
		"bkill 4411":                                                       "",
		"badmin hclose hpc-node-12":                                        "destroy:deploy",
		"rpk topic alter-config orders --set retention.ms=1000":            "destroy:deploy",
		"rpk topic alter-config orders --brokers localhost:9092 --set x=1": "",
		"rpk topic list":                                                   "",
		"patronictl -c /etc/patroni.yml switchover --force":                "destroy:deploy",
		"patronictl -c /etc/patroni.yml list":                              "",
		"lakectl merge lakefs://repo/exp-1 lakefs://repo/main":             "destroy:deploy",
		"lakectl log lakefs://repo/main":                                   "",
		"feast apply":                                                      "destroy:deploy",
		"feast plan":                                                       "",
		"acme.sh --issue -d example.com --dns dns_cf":                      "destroy:shared-change",
		"acme.sh --list":                                                   "",
		"fastly profile token":                                             "flow:secret->agent",
		"keeper get \"Prod DB\" --format=password":                         "flow:secret->agent",
	} {
		effs := effectsOf(line)
		if want == "" {
			for _, e := range effs {
				if d := e.Descriptor(); strings.HasPrefix(d, "flow:") || strings.HasPrefix(d, "destroy:") {
					t.Errorf("%q: want no change or print, got %v", line, effs)
				}
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
}

// TestKnownDevServicesAndPreviews: the Convex CLI run through npx, the
// mail catchers' and PowerDNS's images are known; Deno Deploy's deploy
// is a preview until --prod.
func TestKnownDevServicesAndPreviews(t *testing.T) {
	for reg, names := range map[string][]string{"npm": {"convex"}, "image": {"axllent/mailpit", "mailhog/mailhog", "powerdns/pdns-auth-49"}} {
		for _, n := range names {
			if !KnownPackage(reg, n) {
				t.Errorf("KnownPackage(%s, %q) = false", reg, n)
			}
		}
	}
	if KnownPackage("npm", "convex-helpers-pro") {
		t.Error("a name near convex read as known")
	}
	if hasEffect(effectsOf("deployctl deploy --project=shop main.ts"), "destroy:deploy") {
		t.Error("a preview deploy read as production's")
	}
	if !hasEffect(effectsOf("deployctl deploy --project=shop --prod main.ts"), "destroy:deploy") {
		t.Error("deployctl deploy --prod not read as a deploy")
	}
}
