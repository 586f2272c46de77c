package engine

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/secret"
)

// Paths and hosts as the system sees them.
//
// A path is judged as written and under every other name that reaches the
// same file: the names the text itself implies (match.PathAlternates:
// /proc/self/root, /proc/self/cwd, macOS /private), and, when the caller
// supplied Env.Resolve, the path with symbolic links followed. Each other
// name is a subject of its own, judged by every policy from its first
// rule, so an allow rule that fits the written name (`*.pub`) cannot stop
// a deny rule that fits the real one (`~/.ssh/**`). They only ever add
// decisions.
//
// A host is judged as written and, when it embeds an IP address
// (match.EmbeddedIP: "169.254.169.254.nip.io"), as that address.
//
// The call sites are in subject.go, each one line marked "paths.go".

// maxPathNames bounds the names one path is judged under.
const maxPathNames = 8

// judgePathAlternates judges the other names of s's path (see above). It
// refuses a path with a NUL byte.
func (ev *evaluation) judgePathAlternates(s *subject) {
	p := s.path
	if p == "" || ev.denied() {
		return
	}
	if match.HasNUL(p) {
		ev.refuseNUL(s)
		p = p[:strings.IndexByte(p, 0)] // also judge what the C library would open
		if p == "" {
			return
		}
		a := subject{tool: s.tool, text: p, path: p, content: s.content}
		ev.judge(&a)
	}
	var buf [maxPathNames]string
	for _, q := range ev.pathNames(buf[:0], p, ev.uncleaned(s)) {
		if ev.denied() {
			return
		}
		a := subject{tool: s.tool, text: q, path: q, content: s.content}
		if s.tool == call.ToolRead && ev.testMaterial(q) {
			a.effect = effectTestMaterial // testmaterial.go
		}
		ev.judge(&a)
		if s.tool == call.ToolRead {
			ev.judgeSettings(q) // homesettings.go
		}
	}
	if s.tool == call.ToolRead {
		// a kept copy (id_rsa.bak, .env.swp, #.env#, /var/backups/shadow.bak)
		// holds what the original held: reading it reads that. Writing one
		// changes only the copy.
		var bk [4]string
		for _, q := range match.BackupOriginals(bk[:0], p) {
			if ev.denied() {
				return
			}
			a := subject{tool: s.tool, text: q, path: q, content: s.content}
			if ev.testMaterial(q) {
				a.effect = effectTestMaterial // testmaterial.go: dev.key.bak keeps dev.key
			}
			ev.judge(&a)
			ev.judgeSettings(q) // homesettings.go
		}
	}
	if s.tool == call.ToolRead && !ev.denied() {
		if q := ev.rewrittenTestKeyName(p); q != "" {
			a := subject{tool: s.tool, text: q, path: q, content: s.content}
			ev.judge(&a) // testmaterial.go: a test key's name the line wrote over
		}
	}
	if q := ev.xdgConfigName(p); q != "" && !ev.denied() && s.tool != call.ToolWrite {
		// by the rules only: a data tree's other files are not settings;
		// and for what is read there only (a login taken): a tool reads
		// its settings from the config base, so what is written to its
		// data or state (nvim's lsp.log) changes none of them
		a := subject{tool: s.tool, text: q, path: q, content: s.content}
		ev.judge(&a)
	}
}

// xdgConfigName returns the name under ~/.config of a file in the home's
// other XDG base directories (~/.local/share/X, ~/.local/state/X), or "":
// a tool that follows XDG keeps its login under whichever base its
// version or the environment chose (gh's hosts.yml, a plugin's token in
// ~/.local/share/TOOL/), and the policy's rules name the config one.
func (ev *evaluation) xdgConfigName(p string) string {
	home := ev.e.env.Home
	if home == "" || len(p) <= len(home)+1 || p[len(home)] != '/' || !strings.HasPrefix(p, home) {
		return ""
	}
	rest := p[len(home)+1:]
	for _, base := range [...]string{".local/share/", ".local/state/"} {
		if x, ok := strings.CutPrefix(rest, base); ok && x != "" && strings.Count(x, "/") <= 1 {
			// TOOL/FILE only: deeper are a tool's data (plugins, docs)
			return home + "/.config/" + x
		}
	}
	return ""
}

// lexicalNames appends to dst the names of the cleaned path p other than
// p that its text gives, without asking the file system: its lexical
// alternates, a macOS or sandboxed home's names, a Windows or macOS
// application data folder's.
func (ev *evaluation) lexicalNames(dst []string, p string) []string {
	dst = match.PathAlternates(dst, p, ev.c.Cwd)
	dst = ev.macHomeNames(dst, p)
	dst = ev.sandboxHomeNames(dst, p)
	for i, n := -1, len(dst); i < n; i++ { // the path, and a macOS home's names for it
		q := p
		if i >= 0 {
			q = dst[i]
		}
		dst = ev.appDataHomeNames(dst, p, q, 0)
	}
	return dst
}

// pathNames appends to dst the names of the cleaned path p other than p:
// its lexical alternates, and, with Env.Resolve, each of those resolved
// (with the resolved home written as the home, so ~ patterns still apply
// when the home directory is itself reached through a link). raw, when not
// "", is the path as written, made absolute but not cleaned; it is
// resolved too, since on disk "link/.." is not the directory holding link.
func (ev *evaluation) pathNames(dst []string, p, raw string) []string {
	cwd := ev.c.Cwd
	dst = ev.lexicalNames(dst, p)
	resolve := ev.e.env.Resolve
	if resolve == nil {
		return dst
	}
	n := len(dst)
	for i := -2; i < n && len(dst) < maxPathNames; i++ {
		q := p
		switch {
		case i == -2:
			if raw == "" {
				continue
			}
			q = raw
		case i >= 0:
			q = dst[i]
		}
		if strings.HasPrefix(q, "/proc/") {
			continue // the caller's /proc/self is not the agent's
		}
		real, ok := resolve(q)
		if !ok || real == "" || real == q {
			continue
		}
		dst = addName(dst, p, real)
		for _, r := range match.PathAlternates(nil, real, cwd) {
			dst = addName(dst, p, r)
		}
		if home := ev.e.env.Home; home != "" {
			if realHome, ok := resolve(home); ok && realHome != home && realHome != "/" {
				if rest, ok := strings.CutPrefix(real, realHome); ok && (rest == "" || rest[0] == '/') {
					dst = addName(dst, p, home+rest)
				}
			}
		}
	}
	return dst
}

// macHomeNames adds the names a path in a macOS home directory
// ("/Users/NAME/...") also reaches: macOS volumes ignore case by default,
// so ~/.Aws/Credentials is ~/.aws/credentials, and when NAME is this
// user's, the same file under the home the engine knows.
func (ev *evaluation) macHomeNames(dst []string, p string) []string {
	rest, ok := strings.CutPrefix(p, "/Users/")
	if !ok {
		return dst
	}
	if lower := strings.ToLower(p); lower != p {
		dst = addName(dst, p, lower)
	}
	name, below, _ := strings.Cut(rest, "/")
	if home := ev.e.env.Home; home != "" && name != "" && path.Base(home) == name && !strings.HasPrefix(home, "/Users/") {
		q := home
		if below != "" {
			q += "/" + strings.ToLower(below)
		}
		dst = addName(dst, p, q)
		if c := macCased(below); c != "" && below != "" {
			// ~/library/keychains is ~/Library/Keychains, which the rules
			// name in the system's own case
			dst = addName(dst, p, home+"/"+c)
		}
	}
	return dst
}

// macHomeDirs are the directories of a macOS home the system makes, in
// the case it gives them and the policy's rules spell them in, keyed by
// their lower case.
var macHomeDirs = table.Map[string, string]{Build: func() map[string]string {
	m := map[string]string{}
	for _, d := range []string{"Library", "Application Support", "Keychains", "LaunchAgents", "LaunchDaemons",
		"Cookies", "Mobile Documents", "Group Containers", "Containers", "Preferences", "Google", "Chrome",
		"Firefox", "Profiles", "BraveSoftware", "Brave-Browser", "Microsoft Edge", "Claude", "Jupyter", "Mail",
		"Messages", "Safari", "Accounts", "Default", "Login Data", "Local State", "Web Data", "Cookies.binarycookies"} {
		m[strings.ToLower(d)] = d
	}
	return m
}}

// macCased returns below, a path under a macOS home, lower-cased and
// with each of macHomeDirs in the system's case, or "" when it names
// none of them.
func macCased(below string) string {
	segs := strings.Split(strings.ToLower(below), "/")
	changed := false
	for k, s := range segs {
		if c, ok := macHomeDirs.Lookup(s); ok {
			segs[k], changed = c, true
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(segs, "/")
}

// sandboxHomeNames adds the name a file in a sandboxed application's home
// has outside the sandbox: a snap's ~/snap/APP/REV/X and
// ~/snap/APP/common/X are its ~/X (and its ~/.config/X when X is not
// hidden: chromium keeps ~/snap/chromium/common/chromium), a flatpak's
// ~/.var/app/ID/config/X, data/X and cache/X are ~/.config/X,
// ~/.local/share/X and ~/.cache/X, and its ~/.var/app/ID/X is ~/X. The
// browser profiles and logins the policy names are there under those
// names.
func (ev *evaluation) sandboxHomeNames(dst []string, p string) []string {
	home := ev.e.env.Home
	if home == "" || len(p) <= len(home) || p[len(home)] != '/' || !strings.HasPrefix(p, home) {
		return dst
	}
	rest := p[len(home)+1:]
	if r, ok := strings.CutPrefix(rest, "snap/"); ok {
		_, r, _ = strings.Cut(r, "/")  // the app
		_, r, ok = strings.Cut(r, "/") // common, current or a revision
		if !ok || r == "" {
			return dst
		}
		dst = addName(dst, p, home+"/"+r)
		if r[0] != '.' {
			dst = addName(dst, p, home+"/.config/"+r)
		}
		return dst
	}
	if r, ok := strings.CutPrefix(rest, ".var/app/"); ok {
		_, r, ok = strings.Cut(r, "/") // the application's id
		if !ok || r == "" {
			return dst
		}
		for _, m := range [...][2]string{{"config/", ".config/"}, {"data/", ".local/share/"}, {"cache/", ".cache/"}} {
			if x, ok := strings.CutPrefix(r, m[0]); ok {
				return addName(dst, p, home+"/"+m[1]+x)
			}
		}
		return addName(dst, p, home+"/"+r)
	}
	return dst
}

// appDataHomeNames adds the names a file kept where another system puts
// a user's files has in the home the policy describes. On macOS,
// ~/Library/Application Support/X is what ~/.config/X is elsewhere (the
// tools that follow XDG on Linux keep their logins there: gh, rclone, a
// hosting CLI's auth.json), and a sandboxed application's
// ~/Library/Containers/ID/Data/X is its ~/X. Under WSL, a Windows home
// /mnt/D/Users/NAME/X (any drive, any user: the Windows user name seldom
// is the Linux one) is a home as this one is, so ~/X, and its
// AppData/Roaming/X and AppData/Local/X are ~/.config/X and
// ~/.local/share/X; Windows names ignore case, so the name is also judged
// in lower case, and curl and git read _netrc there as .netrc.
func (ev *evaluation) appDataHomeNames(dst []string, p, q string, depth int) []string {
	home := ev.e.env.Home
	if home == "" {
		return dst
	}
	if len(q) > len(home) && q[len(home)] == '/' && strings.HasPrefix(q, home) {
		rest := q[len(home)+1:] // (q past home+"/", with no string built)
		// a Windows home's AppData named from the home (cmd.exe's
		// %APPDATA%, PowerShell's $env:LOCALAPPDATA) is the Windows
		// home's: ~/.config and ~/.local/share, as below
		for _, m := range [...][2]string{{"appdata/roaming/", ".config/"}, {"appdata/local/", ".local/share/"}} {
			if x, ok := cutFold(rest, m[0]); ok && x != "" {
				return addName(dst, p, home+"/"+m[1]+x)
			}
		}
		// macOS volumes ignore case: ~/library/application support is the same
		rest, ok := cutFold(rest, "Library/")
		if !ok {
			return dst
		}
		if x, ok := cutFold(rest, "Application Support/"); ok && x != "" {
			return addName(dst, p, home+"/.config/"+x)
		}
		if x, ok := cutFold(rest, "Containers/"); ok && depth == 0 {
			if _, x, ok = strings.Cut(x, "/"); ok {
				if x, ok = cutFold(x, "Data/"); ok && x != "" {
					// the container's home, which has a Library of its own
					dst = addName(dst, p, home+"/"+x)
					return ev.appDataHomeNames(dst, p, home+"/"+x, depth+1)
				}
			}
		}
		return dst
	}
	rest, ok := strings.CutPrefix(q, "/mnt/")
	if !ok || len(rest) < 2 || rest[1] != '/' {
		return dst
	}
	rest, ok = cutFold(rest[2:], "users/")
	if !ok {
		// Windows' own places that a Unix system keeps elsewhere: its
		// OpenSSH server's keys and settings are /etc/ssh's.
		for _, m := range windowsSystemPlaces {
			if x, ok := cutFold(rest, m[0]); ok && x != "" {
				dst = addName(dst, p, m[1]+x)
				if lower := strings.ToLower(x); lower != x {
					dst = addName(dst, p, m[1]+lower)
				}
			}
		}
		// a Windows drive's other files: their names ignore case too
		if lower := strings.ToLower(q); lower != q {
			dst = addName(dst, p, lower)
		}
		return dst
	}
	_, rest, ok = strings.Cut(rest, "/") // the Windows user
	if !ok || rest == "" {
		return dst
	}
	for _, m := range [...][2]string{{"appdata/roaming/", ".config/"}, {"appdata/local/", ".local/share/"}} {
		if x, ok := cutFold(rest, m[0]); ok {
			rest = m[1] + x
			break
		}
	}
	if rest == "_netrc" || strings.EqualFold(rest, "_netrc") {
		rest = ".netrc"
	}
	dst = addName(dst, p, home+"/"+rest)
	if lower := strings.ToLower(rest); lower != rest {
		dst = addName(dst, p, home+"/"+lower)
	}
	return dst
}

// windowsSystemPlaces are directories of a Windows drive (below its
// root, any case) and the Unix directories that hold the same things: the
// OpenSSH server's host keys, sshd_config and administrators'
// authorized keys, and the hosts file's directory.
var windowsSystemPlaces = [...][2]string{
	{"programdata/ssh/", "/etc/ssh/"},
	{"windows/system32/drivers/etc/", "/etc/"},
}

// cutFold is strings.CutPrefix ignoring ASCII case.
func cutFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// uncleaned is the path of a read or write call as written, made absolute,
// when cleaning changed more than slashes and dots: when it holds "..".
// Other subjects only carry the cleaned path.
func (ev *evaluation) uncleaned(s *subject) string {
	if !s.primary || s.tool != call.ToolRead && s.tool != call.ToolWrite {
		return ""
	}
	raw := ev.c.Path()
	if !strings.Contains(raw, "..") {
		return ""
	}
	return match.AbsPath(raw, ev.c.Cwd, ev.e.env.Home)
}

// addName appends q unless it is p or already listed, up to maxPathNames.
func addName(dst []string, p, q string) []string {
	if q == p || len(dst) >= maxPathNames || slices.Contains(dst, q) {
		return dst
	}
	return append(dst, q)
}

// refuseNUL denies a path holding a NUL byte: the C library ends a path at
// the first NUL, so the name judged would not be the file opened.
func (ev *evaluation) refuseNUL(s *subject) {
	ent := nulEntry.Get()
	ev.add(result{action: call.Deny, entry: ent, rule: ent.Rules()[0], text: strings.ReplaceAll(s.path, "\x00", `\0`)})
}

// nulEntry is the built-in policy that refuses paths with a NUL byte.
var nulEntry = table.Once[*policy.Entry]{Build: func() *policy.Entry {
	return policy.NewEntry(&policy.Entry{Name: "path-with-nul-byte", Priority: policy.DefaultPriority, Origin: "rampart-builtin"},
		[]*policy.Rule{{Action: call.Deny, Message: "A path with a NUL byte is refused (the file opened would not be the one judged)"}})
}}

// judgeHostAlternates judges the IP address s's host embeds as a host of
// its own, so domain rules written for the address also apply to the name
// ("169.254.169.254.nip.io", "a9fea9fe.nip.io").
func (ev *evaluation) judgeHostAlternates(s *subject) {
	if !s.hasURL || ev.denied() || !hostSpellsIP(s.url.Host) {
		return
	}
	// match.EmbeddedIPs: a wildcard-DNS name's address, and those a
	// rebinding service's name spells ("a9fea9fe.7f000001.rbndr.us")
	for _, ip := range match.EmbeddedIPs(s.url.Host) {
		u := s.url
		u.Host, u.IPHost = ip, ""
		a := subject{tool: s.tool, text: s.text, url: u, hasURL: true, urlRaw: u.String()}
		ev.judge(&a)
		if ev.denied() {
			return
		}
	}
}

// hostSpellsIP reports a host name with a digit in it: one without can
// spell no address but in hex labels, which need a digit or a letter
// a-f eight times over, so the cheap test is a digit or a long hex run.
func hostSpellsIP(h string) bool {
	run := 0
	for i := 0; i < len(h); i++ {
		c := h[i]
		if '0' <= c && c <= '9' {
			return true
		}
		if 'a' <= c && c <= 'f' {
			if run++; run >= 8 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// judgeURLCredentials judges a credential written into a URL's path,
// query or fragment (a token in a query string, a key in a path) as the
// credential leaving for that host: a fetch carries it out as surely as a
// body does. The URL's userinfo is the login to the host itself and is
// left alone, as are placeholders (an AWS documentation key, "your-token")
// and hosts on this machine; a token whose service is known, used as the
// login to another host, is handed over to it.
func (ev *evaluation) judgeURLCredentials(s *subject) {
	ev.judgeCarriedURLs(s)
	ev.judgeCarriedCommand(s) // fetchrequest.go: ?cmd= run by the server
	if !s.hasURL || ev.denied() || loopbackHost(s.url.Host) {
		return
	}
	raw := s.urlRaw
	if raw == "" {
		raw = s.text
	}
	if kind := credentialIn(urlUserinfo(raw)); kind != "" && !ownHost(kind, s.url.Host) {
		// https://ghp_…@example.net/: a token whose service is known
		// logs in only to its own host; to another it is handed over
		fs := subject{tool: "flow", text: kind + " in a URL's login to " + s.url.Host, effect: "flow:credential->network"}
		ev.judge(&fs)
		return
	}
	if kind := hostCredential(raw); kind != "" {
		// https://AKIA….x.example.org/: the name's DNS query carries it (urlhost.go)
		fs := subject{tool: "flow", text: kind + " in the host name " + s.url.Host, effect: "flow:credential->network"}
		ev.judge(&fs)
		return
	}
	if len(s.url.Rest) < 16 {
		return
	}
	rest := withoutOwnQueryCredentials(s.url.Rest, s.url.Host) // ownquery.go
	// percent-decoded as often as it was encoded (a collector decodes
	// "%255F" twice as readily as "%5F" once)
	for n := 0; n < 3 && strings.IndexByte(rest, '%') >= 0; n++ {
		u, err := url.PathUnescape(rest)
		if err != nil || u == rest {
			break
		}
		rest = u
	}
	kind := sentCredentialIn(rest)
	if kind == "" {
		for _, text := range decodedRuns(rest) {
			if kind = sentCredentialIn(text); kind != "" {
				break
			}
		}
	}
	if kind != "" {
		fs := subject{tool: "flow", text: kind + " in a URL to " + s.url.Host, effect: "flow:credential->network"}
		ev.judge(&fs)
	}
}

// urlUserinfo returns the userinfo of a URL as written (user:password
// before the host), or "".
func urlUserinfo(raw string) string {
	_, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i > 0 {
		// percent-decoded as the client decodes it before it logs in
		// (ghp%5F… is ghp_…)
		if u, err := url.PathUnescape(rest[:i]); err == nil {
			return u
		}
		return rest[:i]
	}
	return ""
}

// judgeCarriedURLs judges the URLs a URL's query carries as fetches of
// their own: a redirector (redirect-to?url=…, a search engine's url?q=…,
// a login's next=…) sends the client on to them, so a metadata address
// behind one is reached all the same. Each is read as written and
// percent-decoded.
func (ev *evaluation) judgeCarriedURLs(s *subject) {
	if !s.hasURL || ev.denied() {
		return
	}
	pth, query, ok := strings.Cut(s.url.Rest, "?")
	if strings.Contains(pth, "%") {
		if u, ok := percentDecoded(pth); ok { // decode.go: /r/http:%2F%2F…
			pth = u
		}
	}
	if i := strings.Index(pth, "://"); i > 0 {
		// a URL carried in the path (/r/http://…, a proxy's /https://…)
		start := i
		for start > 0 && isSchemeByte(pth[start-1]) {
			start--
		}
		if v := pth[start:]; start < i && i-start <= 12 {
			a := subject{tool: call.ToolFetch, text: v, urlRaw: v}
			if a.url, a.hasURL = match.ParseURL(v); a.hasURL {
				ev.judge(&a)
				ev.judgeHostAlternates(&a)
				if ev.denied() {
					return
				}
			}
		}
	}
	if !ok || !strings.Contains(query, "://") && !strings.Contains(query, "%3A%2F%2F") && !strings.Contains(query, "%3a%2f%2f") {
		return
	}
	for part := range strings.SplitSeq(query, "&") {
		_, v, _ := strings.Cut(part, "=")
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		if i := strings.Index(v, "://"); i <= 0 || i > 12 {
			continue
		}
		a := subject{tool: call.ToolFetch, text: v, urlRaw: v}
		a.url, a.hasURL = match.ParseURL(v)
		if !a.hasURL {
			continue
		}
		ev.judge(&a)
		ev.judgeHostAlternates(&a)
		if ev.denied() {
			return
		}
	}
}

// isSchemeByte is a letter of a URL scheme.
func isSchemeByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// credentialIn is the kind of the first credential in text that is not a
// URL's own password or a placeholder, or "".
func credentialIn(text string) string {
	for _, f := range secret.Scan(text) {
		if f.Kind != "url_password" && !placeholder(text[f.Start:f.End]) {
			return f.Kind
		}
	}
	return ""
}

// sentCredentialIn is credentialIn for text a request carries to a host
// (a URL's path and query): a URL's password there is not the login of
// the URL contacted but a credential handed to its host
// (?db=postgres://admin:S3cret@db.internal/app).
func sentCredentialIn(text string) string {
	for _, f := range secret.Scan(text) {
		if placeholder(text[f.Start:f.End]) || f.Kind == "url_password" && exampleLogin(text[f.Start:f.End], text[f.End:]) {
			continue
		}
		return f.Kind
	}
	return ""
}

// exampleLogin reports a URL's password that only shows how a login is
// written (postgres://user:password@localhost/db in a page's query): a
// word that names the field, or any password for this machine's server,
// given by what follows the password (after, "@host…").
func exampleLogin(pw, after string) bool {
	switch strings.ToLower(pw) {
	case "password", "pass", "passwd", "pwd", "secret", "pw":
		return true
	}
	host, ok := strings.CutPrefix(after, "@")
	if !ok {
		return false
	}
	if i := strings.IndexAny(host, ":/?#"); i >= 0 {
		host = host[:i]
	}
	return loopbackHost(host)
}

// base32NoPad reads base32 without its padding, as a URL carries it.
var base32NoPad = base32.StdEncoding.WithPadding(base32.NoPadding)

// decodedRuns decodes the runs of a URL's path and query that are base64
// (standard or URL alphabet, 24 characters or more), hex or base32: data is often
// encoded so that it survives the trip in a URL, and a key encoded is a
// key all the same.
func decodedRuns(rest string) []string {
	var out []string
	for i := 0; i < len(rest); {
		j := i
		for j < len(rest) && isBase64Byte(rest[j]) {
			j++
		}
		if j-i >= 24 {
			out = appendDecoded(out, rest[i:j])
			// "/" is base64's and a path's: a run across path
			// segments is read whole and segment by segment
			if run := rest[i:j]; strings.IndexByte(run, '/') >= 0 {
				for seg := range strings.SplitSeq(run, "/") {
					if len(seg) >= 24 {
						out = appendDecoded(out, seg)
					}
				}
			}
		}
		i = j + 1
	}
	return out
}

// appendDecoded appends what run decodes to as base64, hex (xxd -p, od)
// and base32, whichever of them it is.
func appendDecoded(out []string, run string) []string {
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(run); err == nil {
			out = append(out, string(b))
			break
		}
	}
	if b, err := hex.DecodeString(run[:len(run)&^1]); err == nil {
		out = append(out, string(b))
	}
	if b, err := base32NoPad.DecodeString(run[:len(run)/8*8]); err == nil {
		out = append(out, string(b))
	}
	return out
}

func isBase64Byte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

// matchSubjectPaths is matchPaths for the paths of s: its own path is
// made ready for matching once (match.PathQuery) and kept on the
// evaluation (pathQuery), since one subject's path is matched against the
// path sets of many rules.
func (ev *evaluation) matchSubjectPaths(set *match.PathSet, s *subject, paths []string) (string, bool) {
	if s.path == "" || ev.e.env.FoldCase {
		return ev.matchPaths(set, paths)
	}
	if set.MatchQuery(ev.pathQuery(s.path)) {
		return s.path, true
	}
	return "", false
}

// pathQuery returns the path p made ready for matching with the
// evaluation's home and working directory (match.NewPathQuery). The last
// one made is kept, with the path and working directory it was made from
// (an evaluation's engine, and so its home, is its own throughout): a
// subject's path is matched against the path sets of many rules, and
// asked again by the next subject of the same path. The query is the
// evaluation's until the next ask of another path. This test is small
// enough to be inlined; newPathQuery makes one.
func (ev *evaluation) pathQuery(p string) *match.PathQuery {
	if ev.hasQ && ev.qPath == p && ev.qCwd == ev.c.Cwd {
		return &ev.q
	}
	return ev.newPathQuery(p)
}

// newPathQuery makes and keeps the query pathQuery returns.
func (ev *evaluation) newPathQuery(p string) *match.PathQuery {
	ev.q = match.NewPathQuery(p, ev.e.env.Home, ev.c.Cwd)
	ev.hasQ, ev.qPath, ev.qCwd = true, p, ev.c.Cwd
	return &ev.q
}

// matchPaths is anyPath with the engine's case rule: with Env.FoldCase,
// paths, home, cwd and patterns are compared folded (match.FoldPath).
func (ev *evaluation) matchPaths(set *match.PathSet, paths []string) (string, bool) {
	home, cwd := ev.e.env.Home, ev.c.Cwd
	if !ev.e.env.FoldCase {
		return anyPath(set, paths, home, cwd)
	}
	folded, fh, fc := set.Folded(), match.FoldPath(home), match.FoldPath(cwd)
	for _, p := range paths {
		if folded.Match(match.FoldPath(p), fh, fc) {
			return p, true
		}
	}
	return "", false
}

// keptCopyAllowed reports whether a read subject's path is a kept copy
// (id_ed25519.pub.bak, id_rsa.pub~: match.BackupOriginals) of a file of a
// kind that an allow rule's paths vouch for by its name's pattern
// (~/.ssh/*.pub, *.pub): the copy holds what the original holds, so it is
// of that kind too. A pattern naming one file (~/.kube/kubectx) vouches
// for that file alone, not for another file named after it. Only allow
// rules look through the copy's name here; the deny and ask rules judge
// it as written, and its original is judged on its own
// (judgePathAlternates).
func (ev *evaluation) keptCopyAllowed(set *match.PathSet, s *subject) (string, bool) {
	if s.tool != call.ToolRead || s.path == "" {
		return "", false
	}
	var bk [4]string
	origs := match.BackupOriginals(bk[:0], s.path)
	if len(origs) == 0 {
		return "", false
	}
	for _, src := range set.Sources() {
		if !strings.ContainsAny(src[strings.LastIndexByte(src, '/')+1:], "*?[") {
			continue // one file's name, not a kind of file
		}
		one := match.LazyPathSet([]string{src})
		for _, q := range origs {
			if _, ok := ev.matchPaths(one, []string{q}); ok {
				return s.path, true
			}
		}
	}
	return "", false
}
