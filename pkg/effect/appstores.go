package effect

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A desktop application's store of a person's records deleted: mail
// (~/Library/Mail, a Thunderbird profile's Mail and ImapMail, Evolution's
// mail), messages and chat histories (Signal, Telegram, Slack, Element,
// Discord: the messages kept on this machine), a password manager's local
// vaults (1Password's group container, KeePassXC's and Bitwarden's data),
// and the Mac's own apps' stores (Safari's bookmarks, history and reading
// list, Notes, Reminders, Calendar, Contacts, call history).
// They sit in the hidden and Library directories where caches and tool
// state are deleted every day, so the home's tree rule (dirops.go) passes
// them by; deleted, what only this machine kept is gone. destroy:home: a
// person confirms. A cache inside one (~/.config/Slack/Cache,
// ~/.config/Signal/logs) is no store.

// appStores are the stores' paths relative to the home, "*" standing for
// one segment (a profile's name); spaces are written "_".
var appStores = table.Once[[]string]{Build: func() []string {
	return strings.Fields(`Library/Mail Library/Messages .thunderbird/*/Mail .thunderbird/*/ImapMail
	.local/share/evolution/mail .config/Signal Library/Application_Support/Signal .local/share/TelegramDesktop
	Library/Application_Support/Telegram_Desktop .config/Slack Library/Application_Support/Slack .config/Element
	Library/Application_Support/Element .config/discord Library/Application_Support/discord
	Library/Group_Containers/2BUA8C4S2C.com.1password .config/1Password Library/Application_Support/1Password
	.config/Bitwarden Library/Application_Support/Bitwarden .local/share/keepassxc .config/keepassxc
	.local/share/geary .config/Mailspring .local/share/local-mail .local/share/evolution/addressbook
	Library/Safari Library/Containers/com.apple.Safari/Data/Library/Safari Library/Group_Containers/group.com.apple.notes
	Library/Containers/com.apple.Notes Library/Group_Containers/group.com.apple.reminders Library/Calendars
	Library/Application_Support/AddressBook Library/Application_Support/CallHistoryDB`)
}}

// appStoreDeletes adds destroy:home for each delete from index start on
// of an application's store of a person's records, or of a directory
// that holds one.
func (a *analysis) appStoreDeletes(start int) {
	home := strings.TrimSuffix(a.env.Home, "/")
	if home == "" {
		return
	}
	n := len(a.out)
	for k := start; k < n; k++ {
		e := a.out[k]
		if e.Kind != Delete {
			continue
		}
		rel, ok := strings.CutPrefix(strings.TrimSuffix(e.Path, "/"), home+"/")
		if ok {
			rel = sandboxedRel(rel)
		}
		if !ok || rel == "" || rel[0] != '.' && !strings.HasPrefix(rel, "Library/") {
			continue // the stores live in hidden and Library directories
		}
		if s := appStoreOf(strings.ReplaceAll(rel, " ", "_")); s != "" {
			a.add(Effect{Kind: Destroy, Cmd: e.Cmd, Detail: "home", Word: "delete " + e.Path + ": " + s + ", a person's records kept by an application"})
		}
	}
}

// sandboxedRel returns the home-relative path a sandboxed application's
// file has in the home it sees: a Flatpak's ~/.var/app/ID/config/X is its
// ~/.config/X, data/X its ~/.local/share/X, .thunderbird its own; a
// Snap's ~/snap/NAME/current/X (or common, or a revision) is its ~/X. Any
// other path is returned as it is.
func sandboxedRel(rel string) string {
	if r, ok := strings.CutPrefix(rel, ".var/app/"); ok {
		_, r, ok = strings.Cut(r, "/")
		if !ok {
			return rel
		}
		switch {
		case strings.HasPrefix(r, "config/"):
			return ".config/" + r[len("config/"):]
		case strings.HasPrefix(r, "data/"):
			return ".local/share/" + r[len("data/"):]
		}
		return r
	}
	if r, ok := strings.CutPrefix(rel, "snap/"); ok {
		parts := strings.SplitN(r, "/", 3)
		if len(parts) == 3 {
			return parts[2]
		}
	}
	return rel
}

// appStoreOf returns the store rel (a home-relative path, spaces as "_")
// deletes: a store it is, one it holds, or one it lies in when the rest
// of its path names no cache or log; "" for none.
func appStoreOf(rel string) string {
	segs := strings.Split(rel, "/")
	for _, s := range appStores.Get() {
		ss := strings.Split(s, "/")
		m := min(len(ss), len(segs))
		same := true
		for j := 0; j < m && same; j++ {
			ok, _ := path.Match(ss[j], segs[j])
			same = ok || strings.ContainsAny(segs[j], "*?[") && segs[j] != "" && globCovers(segs[j], ss[j])
		}
		if !same {
			continue
		}
		if len(segs) <= len(ss) {
			return s // the store, or a directory holding it
		}
		if !cacheSegment(segs[len(ss)]) {
			return s // inside it, past no cache
		}
	}
	return ""
}

// globCovers reports whether a pattern segment of a deleted path (a shell
// glob left in it: *.default-release) may stand for the store's segment.
func globCovers(pattern, seg string) bool {
	if seg == "*" {
		return true
	}
	ok, _ := path.Match(pattern, seg)
	return ok
}

// cacheSegment reports a directory name of an application's disposable
// state: caches, logs, crash reports, GPU and code caches.
func cacheSegment(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "cache") || l == "logs" || l == "log" || l == "crashpad" || l == "crash_reports" || l == "blob_storage" || l == "service_worker"
}
