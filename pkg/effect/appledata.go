package effect

import (
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// The user's applications driven by AppleScript or JXA (shell.appleApps):
// what the code reads there is judged as the store it comes from.
//
//   - A person's records read from Notes, Messages, Mail, Contacts or
//     Calendar (or a browser's open tabs) are the source "personal-data":
//     printed where the agent reads them they ask
//     (flow:personal-data->agent), sent off the machine they are denied
//     as any sensitive data is (flow:personal-data->network).
//   - A message or a mail sent in the person's name asks, as code whose
//     effect a person confirms (unknown).
//   - JavaScript run in a page of the user's browser that names the
//     page's cookies or storage reads that browser's session: a read of
//     its cookie store, which the credential rules deny, and a credential
//     as a flow's source. Other code run there is code in the user's
//     logged-in session that nobody here can see through: unknown.
//   - Keystrokes typed into the window in front ask (unknown: what they
//     type is also judged as the command it spells); a login item added
//     asks as something that comes back by itself (destroy:persistence),
//     and one of a program in a temporary, shared, downloads or hidden
//     directory is written into the login items' store, which the
//     start-up rules deny.

// personalData is the source kind of a person's own records.
const personalData = "personal-data"

// loginItemsStore is, under a home, the file macOS keeps its login items
// and background items in.
const loginItemsStore = "/Library/Application Support/com.apple.backgroundtaskmanagementagent/backgrounditems.btm"

// browserCookieStores are, under a home, the cookie stores of the browsers
// AppleScript and JXA drive on macOS, by the name they are addressed with
// (lower case); another browser's is Chrome's.
var browserCookieStores = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"safari":                    "/Library/Cookies/Cookies.binarycookies",
		"safari technology preview": "/Library/Cookies/Cookies.binarycookies",
		"google chrome":             "/Library/Application Support/Google/Chrome/Default/Cookies",
		"google chrome canary":      "/Library/Application Support/Google/Chrome Canary/Default/Cookies",
		"chromium":                  "/Library/Application Support/Chromium/Default/Cookies",
		"brave browser":             "/Library/Application Support/BraveSoftware/Brave-Browser/Default/Cookies",
		"microsoft edge":            "/Library/Application Support/Microsoft Edge/Default/Cookies",
		"vivaldi":                   "/Library/Application Support/Vivaldi/Default/Cookies",
	}
}}

// appleData adds the effects of command i's AppleScript or JXA on the
// user's applications.
func (a *analysis) appleData(i int, c *shell.Command) {
	k := &c.Code
	if k.PersonalRead {
		a.per[i].source, a.per[i].origin = personalData, c.Name
		a.add(Effect{Kind: Flow, Cmd: i, Detail: personalData + "->agent", Word: c.Name + " reads a person's messages, mail, contacts, calendars, notes or open tabs"})
	}
	if k.SendsMessage {
		// a message or a mail in the person's name, to people the line
		// names: a person confirms what goes out as them
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " sends a message or a mail in the user's name"})
	}
	if k.Types {
		// keystrokes into whatever window has the focus: a person
		// confirms what is typed as them
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " types keystrokes into the window in front"})
	}
	switch k.LoginItem {
	case shell.LoginItemHidden:
		// a program kept where no installed program is, run at every
		// login: written into the login items' store, as the start-up
		// files are
		a.add(Effect{Kind: Write, Cmd: i, Path: a.env.Home + loginItemsStore})
		fallthrough
	case shell.LoginItemApp:
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "persistence", Word: c.Name + " adds a login item, run at every login"})
	}
	switch {
	case k.PageStorage:
		name := ""
		if b := int(k.Browser); b > 0 && b <= len(shell.BrowserApps) {
			name = shell.BrowserApps[b-1]
		}
		store, ok := browserCookieStores.Lookup(name)
		if !ok {
			store, _ = browserCookieStores.Lookup("google chrome")
		}
		a.add(Effect{Kind: Read, Cmd: i, Path: a.env.Home + store})
		a.per[i].source, a.per[i].origin = "credential", c.Name
	case k.PageCode:
		a.add(Effect{Kind: Unknown, Cmd: i, Detail: "code", Word: c.Name + " runs JavaScript in a page of the user's own browser"})
	}
}
