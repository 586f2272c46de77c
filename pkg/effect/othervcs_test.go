package effect

import (
	"strings"
	"testing"
)

// TestOtherVCSDiscards: Subversion, Mercurial and Perforce verbs that
// throw away a working copy's changes or local commits, or force a push,
// rewrite history as git's reset --hard and push --force do; their reads,
// commits, plain updates and previews do not. Nothing is run.
func TestOtherVCSDiscards(t *testing.T) {
	for line, want := range map[string]bool{
		"svn revert -R .":                                   true,
		"svn revert src/a.c":                                true,
		"hg update --clean":                                 true,
		"hg up -C default":                                  true,
		"hg -R ../other checkout --clean tip":               true,
		"hg push --force":                                   true,
		"hg push -f default":                                true,
		"hg strip -r 'draft()'":                             true,
		"p4 revert //depot/main/...":                        true,
		"svn status":                                        false,
		"svn diff -r HEAD src/":                             false,
		"svn checkout https://svn.example.org/repo/trunk t": false,
		"hg update default":                                 false,
		"hg push":                                           false,
		"hg commit -m 'fix'":                                false,
		"hg log -l 10":                                      false,
		"p4 revert -n //depot/main/...":                     false,
		"p4 opened":                                         false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:history"); got != want {
			t.Errorf("%q: destroy:history = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
	for line, want := range map[string]bool{
		"hg config auth":               true,
		"hg config auth.acme.password": true,
		"p4 tickets":                   true,
		"hg config ui.username":        false,
		"p4 opened":                    false,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || strings.HasPrefix(e.String(), "flow:secret->agent")
		}
		if got != want {
			t.Errorf("%q: prints a secret = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestKnownDesktopAndChainPackages: the everyday builders of desktop apps
// and contracts, run by npx, are known packages; a name beside them that
// is not listed stays code nobody here has read.
func TestKnownDesktopAndChainPackages(t *testing.T) {
	for line, want := range map[string]bool{
		"npx electron-builder --dir":     false,
		"npx @electron/asar list a.asar": false,
		"npx hardhat compile":            false,
		"npx coveralls":                  false,
		"npx electron-builderz --dir":    true,
		"npx hardhat-fast-deployer":      true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || strings.HasPrefix(e.String(), "unknown:package")
		}
		if got != want {
			t.Errorf("%q: unknown package = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
