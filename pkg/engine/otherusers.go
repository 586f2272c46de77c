package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Other people's files on a shared machine.
//
// On a cluster's login node, a lab's GPU box or a university server, the
// homes of other users sit beside the user's own (/home/alice, /home/bob),
// and many are readable: their notes, theses, reviews and code are not the
// user's to take. Their credentials are judged by the credential lists as
// the user's own are (a home pattern covers every home); their settings by
// the settings reader. Any other file in another account's home is judged
// once more as the effect "read:other-user": the standard profile asks.
// As a settings read the policy stops, it is a sensitive source for flows
// (sensitiveSettings): another user's thesis rsynced to a laptop, or their
// experiments piped to an upload, are denied as a credential leaving is.
//
// What another user has put out for others is not theirs alone: a public
// key, and what lies under a directory at the top of their home named for
// sharing (public, public_html, shared, www, and names that begin so:
// shared-with-lab). The home directory itself is listed, not read. Some
// accounts' homes are software trees rather than a person's (Homebrew's
// /home/linuxbrew), and the user's own name under another root
// (/Users/dev beside /home/dev) is the user's.

// effectOtherUser is the descriptor of a read of another user's file.
const effectOtherUser = "read:other-user"

// sharedTopDirs are the directories at the top of a home, in lower case,
// that hold what their owner shares with others.
var sharedTopDirs = table.Map[string, bool]{Words: "public public_html pub shared www html"}

// sharedTopPrefixes are the beginnings of such directories' names: a
// sharing word and a separator (shared-with-lab, public_data), so that a
// word that only begins like one (publications, publicity, sharepoint)
// is no sharing.
var sharedTopPrefixes = [...]string{"public-", "public_", "public.", "shared-", "shared_", "shared.", "share-", "share_", "pub-", "pub_", "www-", "www_"}

// softwareHomes are the accounts whose homes hold software or a machine's
// work, not a person's files: Homebrew's prefix on Linux, a CI runner's
// account (its home holds the job's workspace, /home/runner/work).
var softwareHomes = table.Map[string, bool]{Words: "linuxbrew runner"}

// otherUsersFile reports whether the cleaned path p, with rel its part
// below the home it lies in (homeRel), is a file of another user's home
// that its owner has not put out for others.
func (ev *evaluation) otherUsersFile(p, rel string) bool {
	if rel == "" || strings.HasPrefix(rel, ".") && !strings.HasPrefix(rel, ".local/") && !strings.HasPrefix(rel, ".cache/") && ev.toolsHidden(rel) {
		// the home itself; a hidden file the settings reader has already
		// judged (a tool's settings, or a reviewed one without secrets)
		return false
	}
	home := ev.e.env.Home
	if home != "" && strings.HasPrefix(p, home) && (len(p) == len(home) || p[len(home)] == '/') {
		return false // the user's own
	}
	owner := strings.TrimSuffix(p[:len(p)-len(rel)], "/")
	if home != "" && (owner == home || path.Base(owner) == path.Base(home)) || softwareHomes.Get(path.Base(owner)) {
		return false // the user's own account under another root (/Users/dev), or software's
	}
	if strings.HasSuffix(rel, ".pub") && publicKeyFile(rel) {
		return false
	}
	top, _, _ := strings.Cut(rel, "/")
	top = strings.ToLower(top)
	if sharedTopDirs.Get(top) {
		return false
	}
	for _, pre := range sharedTopPrefixes {
		if strings.HasPrefix(top, pre) {
			return false
		}
	}
	return true
}

// publicKeyFile reports whether rel, a path below a home ending in .pub,
// is a public key: in a directory of keys (.ssh, a keys directory) or
// named as one (id_ed25519.pub, deploy_key.pub, ssh_host_rsa_key.pub).
// Other .pub files are documents (a Publisher file, partners.pub).
func publicKeyFile(rel string) bool {
	dir, base := path.Split(strings.ToLower(rel))
	return strings.HasPrefix(base, "id_") || strings.Contains(base, "key") || strings.Contains(dir, ".ssh/") || strings.Contains(dir, "key") || strings.Contains(dir, ".gnupg/")
}

// toolsHidden reports whether rel, a hidden path below a home, is a
// tool's: in one of the home's known tool directories (.config, .ssh), a
// reviewed setting or data tree, or code. A hidden directory of the
// owner's own (.private/diary.md, .thesis-backup/) is their files.
func (ev *evaluation) toolsHidden(rel string) bool {
	fold := ev.e.env.FoldCase
	top, _, _ := strings.Cut(rel, "/")
	if settingsDirs.Get(top) || settingsWithoutSecrets(rel, fold) || !strings.Contains(rel, "/") {
		return true // a tool's directory, a reviewed file, a dotfile at the top
	}
	for i := 0; i < len(rel); i++ {
		if rel[i] != '/' {
			continue
		}
		dir := rel[:i]
		if settingsDataTrees.Get(dir) || settingsWithoutSecrets(dir+"/", fold) || settingsCodeSegments.Get(path.Base(dir)) {
			return true
		}
	}
	return false
}
