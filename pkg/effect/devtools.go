package effect

import (
	"strings"

	"rampart.dev/pkg/shell"
)

// A browser's DevTools protocol, spoken by hand.
//
// A browser started with a remote-debugging port (Chrome's 9222) answers
// anyone on the machine who speaks its protocol over a websocket, and the
// protocol hands out the session: Network.getAllCookies,
// Network.getCookies and Storage.getCookies return every cookie the
// profile holds, and Runtime.evaluate of document.cookie a page's. The
// HTTP side opens a tab on any URL, a file: URL among them
// (/json/new?file:///home/u/.ssh/id_ed25519), whose text the protocol
// then reads back. A websocket client, an HTTP client or an interpreter
// whose words or input carry such a request reads what it names: the
// cookie store of the browser, or the file the tab opens. The cookie
// store is Chrome's on Linux, the profile a debugging port is most often
// opened on; the credential rules deny its read and a flow carries it as
// a credential.

// devtoolsClient reports the programs whose words or input may carry a
// DevTools request: websocket and HTTP clients, and interpreters whose
// code speaks the protocol.
func devtoolsClient(name string) bool {
	switch name {
	case "websocat", "wscat", "wsta", "curl", "wget", "http", "xh", "node", "deno", "bun", "python", "python3", "ruby", "perl":
		return true
	}
	return false
}

// devtoolsCookieCalls are the protocol's methods that return the
// session's cookies, and the page expression that does.
var devtoolsCookieCalls = []string{"Network.getAllCookies", "Network.getCookies", "Storage.getCookies", "getAllCookies"}

// devtoolsCookieStore is the cookie store a debugging port hands out,
// under the home.
const devtoolsCookieStore = "/.config/google-chrome/Default/Cookies"

// devtools adds the reads of command i's DevTools requests.
func (a *analysis) devtools(i int, c *shell.Command) {
	if !devtoolsClient(c.Name) {
		return
	}
	each := func(text string) {
		cookies := false
		for _, m := range devtoolsCookieCalls {
			cookies = cookies || strings.Contains(text, m)
		}
		if !cookies && strings.Contains(text, "Runtime.evaluate") && strings.Contains(text, "document.cookie") {
			cookies = true
		}
		if cookies && a.env.Home != "" {
			a.add(Effect{Kind: Read, Cmd: i, Path: a.env.Home + devtoolsCookieStore})
			a.per[i].source, a.per[i].origin = "credential", c.Name
		}
		if p, ok := devtoolsFileTab(text); ok {
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
		}
	}
	for _, w := range c.Args {
		each(w)
	}
	for _, s := range c.Stdin {
		each(s)
	}
}

// devtoolsFileTab returns the file a DevTools request to open a tab on a
// file: URL names (/json/new?file:///home/u/.ssh/id_rsa).
func devtoolsFileTab(text string) (string, bool) {
	k := strings.Index(text, "/json/new?file://")
	if k < 0 {
		return "", false
	}
	p := text[k+len("/json/new?file://"):]
	if end := strings.IndexAny(p, " '\"\t\n&#"); end >= 0 {
		p = p[:end]
	}
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	return p, true
}
