package engine

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A person's own records: messages, mail, contacts, calendars, notes,
// browsing and command histories and clipboard histories, kept by the
// desktop's applications in files of their own.
//
// None of them is a login, so the credential lists do not name them, and
// most sit where the settings reader does not look (~/Library/Messages is
// no hidden directory, ~/.local/share is a data tree). Yet reading one
// puts other people's words and a person's private life into the agent's
// context, and sending one away leaks them for good. So a read of a file
// in one of these stores is judged once more as the effect
// "read:personal-data": the standard profile asks, the paranoid one
// denies; and, as a settings read the policy stops, it is a sensitive
// source for flows (sensitiveSettings), so the same file sent off the
// machine is denied whatever carries it (sqlite3 … | curl, tar … | nc).

// effectPersonalData is the descriptor of a personal store's read.
const effectPersonalData = "read:personal-data"

// personalStores are the stores' paths relative to a home: a directory
// (every file under it) or a file. A "*" segment stands for one
// segment (a profile's directory).
var personalStores = table.Map[string, bool]{Words: `
	Library/Messages Library/Mail Library/Calendars Library/Safari/History.db
	Library/Group_Containers/group.com.apple.notes Library/Group_Containers/group.com.apple.reminders
	Library/Application_Support/CallHistoryDB Library/Application_Support/AddressBook Library/Metadata/CoreSpotlight
	Mail Maildir .mail .maildir .thunderbird/*/ImapMail .thunderbird/*/Mail
	.local/share/evolution/mail .local/share/contacts .local/share/calendars .local/share/khal
	.local/share/atuin/history.db .local/share/gpaste .local/share/copyq .config/copyq/copyq_tabs
	.local/share/TelegramDesktop/tdata .config/Signal/sql`}

// personalStore reports whether rel, a path relative to a home, is in a
// personal store (or is one).
func personalStore(rel string) bool {
	first, _, _ := strings.Cut(rel, "/")
	switch first {
	case "Library", "Mail", "Maildir", ".mail", ".maildir", ".thunderbird", ".local", ".config":
	default:
		return false // the stores' first segments: most reads end here
	}
	// Walk the prefixes of rel, segment by segment, and try each both as
	// written and with a profile directory's segment taken for "*".
	end := 0
	for end < len(rel) {
		k := strings.IndexByte(rel[end:], '/')
		if k < 0 {
			end = len(rel)
		} else {
			end += k
		}
		if personalPrefix(rel[:end]) {
			return true
		}
		end++
	}
	return false
}

// personalPrefix reports whether prefix, whole segments of a home-relative
// path, names a personal store.
func personalPrefix(prefix string) bool {
	key := strings.ReplaceAll(prefix, " ", "_") // the table's words have no spaces
	if personalStores.Get(key) {
		return true
	}
	// .thunderbird/abcd.default-release/ImapMail: the second segment is a
	// profile's name
	if first, rest, ok := strings.Cut(key, "/"); ok {
		if _, tail, ok := strings.Cut(rest, "/"); ok && personalStores.Get(first+"/*/"+tail) {
			return true
		}
	}
	return false
}
