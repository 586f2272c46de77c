package shell

import "strings"

// What AppleScript and JXA ask of the user's own applications.
//
// osascript reaches data that no file path names: tell application "Notes"
// to get body of every note reads every note; Application("Messages")
// .chats() every conversation; tell application "Google Chrome" to execute
// active tab of window 1 javascript "document.cookie" runs code inside the
// user's logged-in page and reads its session. appleAppsFacts finds these
// by the application the code addresses and what it asks of it:
//
//   - a person's own records (Notes, Messages, Mail, Contacts, Calendar,
//     Reminders, Photos), or every tab a browser has open, read: the code
//     gets their objects or properties (get, every, body, name of,
//     .notes(), .chats()), not only brings the application forward, opens
//     a location or quits it;
//   - a message or a mail sent in the person's name (Messages' send, Mail's
//     outgoing message sent);
//   - JavaScript run in a browser's page (execute … javascript, do
//     JavaScript, doJavaScript(…), .execute({javascript: …})): code in
//     the user's logged-in session, which reads that session's cookies
//     and storage when it names them.

// appleAppFacts are what AppleScript or JXA code does to the user's
// applications.
type appleAppFacts struct {
	// Personal: reads a person's records from their applications
	Personal bool
	// Sends: sends a message or a mail in the person's name (Messages'
	// send, Mail's outgoing message sent)
	Sends bool
	// PageCode: runs JavaScript in a page of the user's browser; Storage:
	// that code names the page's cookies or storage
	PageCode, Storage bool
	// Browser is the first browser the code addresses ("Google Chrome",
	// "Safari"), for the store its session lives in
	Browser string
	// Types: System Events types keystrokes into the window in front
	Types bool
	// LoginItem: System Events adds a login item (LoginItemApp,
	// LoginItemHidden), 0 when none
	LoginItem uint8
	// Clipboard: the code reads back what was copied (the clipboard,
	// theClipboard())
	Clipboard bool
}

// personalApps are the applications that keep a person's records, by the
// name AppleScript and JXA address them with (lower case).
var personalApps = []string{"notes", "messages", "mail", "contacts", "address book", "calendar", "ical", "reminders", "photos"}

// BrowserApps are the browsers AppleScript and JXA drive (lower case).
var BrowserApps = []string{"google chrome", "google chrome canary", "chromium", "brave browser", "microsoft edge", "arc", "vivaldi", "opera", "safari", "safari technology preview"}

// appReadWords are the words of AppleScript and JXA that read an
// application's objects: get, every, the properties of records.
var appReadWords = []string{"get ", "every ", "content", "body", "text of", "name of", "url of", "title of", "subject", "sender", "whose", "summary", "value of",
	".notes(", ".messages(", ".chats(", ".people(", ".events(", ".calendars(", ".reminders(", ".accounts(", ".inbox", ".tabs(", ".windows(", ".url(", ".name(", ".body("}

// sendWords are the ways code has Messages or Mail send.
var sendWords = []string{"send \"", "send (", "send(", ".send(", " to send", "send msg", "send theMessage"}

// browserTabsWords are the ways code reads every tab a browser has open
// (one tab's address, the page the agent is working on, is not).
var browserTabsWords = []string{"every tab", "tabs of", ".tabs(", "history"}

// pageCodeWords are the ways AppleScript and JXA run JavaScript in a
// browser's page.
var pageCodeWords = []string{"javascript \"", "javascript '", "do javascript", "dojavascript(", "javascript:"}

// pageStorageWords are what page code names to read the session.
var pageStorageWords = []string{"cookie", "localstorage", "sessionstorage", "indexeddb", "caches.", "credentials"}

// appleApps reads AppleScript or JXA code for what it does to the user's
// applications.
func appleApps(code string) appleAppFacts {
	var f appleAppFacts
	low := strings.ToLower(code)
	f.Clipboard = strings.Contains(low, "clipboard") && appleClipboardRead(low) // appledesktop.go
	if !strings.Contains(low, "application") && !strings.Contains(low, "app \"") && !strings.Contains(low, "app '") {
		return f
	}
	addressed := appsAddressed(low)
	if len(addressed) == 0 {
		return f
	}
	// a record of properties a new object is made with (make new outgoing
	// message with properties {subject:…, content:…}) sets those
	// properties: its words read nothing
	reads := anyIn(withoutPropertyRecords(low), appReadWords)
	for _, app := range addressed {
		switch {
		case contains(BrowserApps, app):
			if f.Browser == "" {
				f.Browser = app
			}
			if anyIn(low, pageCodeWords) {
				f.PageCode = true
				f.Storage = f.Storage || anyIn(low, pageStorageWords)
			} else if anyIn(low, browserTabsWords) {
				f.Personal = true // every tab's address: what the person is browsing
			}
		case app == "system events":
			systemEvents(low, &f) // appledesktop.go
		case contains(personalApps, app):
			if (app == "messages" || app == "mail") && anyIn(low, sendWords) {
				f.Sends = true
			} else if reads {
				f.Personal = true
			}
		}
	}
	return f
}

// appsAddressed returns the applications code addresses by name
// (application "X", app "X", Application("X"), Application('X')), lower
// case.
func appsAddressed(low string) []string {
	var out []string
	for _, lead := range []string{"application \"", "app \"", "application(\"", "application('", "app('", "app(\""} {
		for at := 0; ; {
			k := strings.Index(low[at:], lead)
			if k < 0 {
				break
			}
			start := at + k + len(lead)
			q := low[start-1]
			end := strings.IndexByte(low[start:], q)
			if end < 0 {
				break
			}
			out = append(out, low[start:start+end])
			at = start + end
		}
	}
	return out
}

// browserIndex is 1 + the index of a browser's name in BrowserApps, or 0.
func browserIndex(name string) uint8 {
	for i, b := range BrowserApps {
		if b == name {
			return uint8(i + 1)
		}
	}
	return 0
}
