package engine

import (
	"net/url"
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A credential written out in a command line that contacts a host (curl
// -H 'Authorization: Bearer ghp_…' https://…) leaves for that host as
// surely as one a fetch sends in its headers (judgeSentParams). It is the
// credential used, not leaked, only where a fetch's would be: a token whose
// service is the host's (ownHost), in a header or in a body field named for
// a credential (usesCredential), and only when the command connects to the
// host its URL names: a proxy, --resolve or --connect-to sends it to
// another machine whatever the URL says.

// connectionRedirects are the options of a command that contacts a host
// which send the connection to another machine than the URL's.
var connectionRedirects = table.Map[string, bool]{Words: "-x --proxy --preproxy --socks4 --socks4a --socks5 --socks5-hostname --resolve --connect-to --proxy1.0"}

// dataOptions are the options whose value is a request's body.
var dataOptions = table.Map[string, bool]{Words: "-d --data --data-raw --data-binary --data-ascii --data-urlencode --json -F --form --form-string --post-data --body-data"}

// judgeLiteralSecrets judges the credentials written in the words of each
// command of a line that contacts a host.
func (ev *evaluation) judgeLiteralSecrets(res *shell.Result, effs []effect.Effect) {
	for _, e := range effs {
		if ev.denied() {
			return
		}
		if e.Kind != effect.Connect || e.Cmd < 0 || e.Cmd >= len(res.Commands) || e.Target == "" {
			continue
		}
		c := &res.Commands[e.Cmd]
		host := targetHost(e.Target)
		if host == "" || loopbackHost(host) {
			continue
		}
		redirected := false
		for _, w := range c.Args {
			o, _, _ := strings.Cut(w, "=")
			redirected = redirected || connectionRedirects.Get(o)
		}
		for j, w := range c.Args {
			o, v, eq := strings.Cut(w, "=")
			inData := dataOptions.Get(o)
			if inData && !eq {
				continue // the value is the next word, judged as data below
			}
			if j > 0 {
				// -d 'DATABASE_URL=postgres://…': the word after a data
				// option is its value whole, whatever it holds
				if po, _, peq := strings.Cut(c.Args[j-1], "="); dataOptions.Get(po) && !peq {
					v, inData, eq = w, true, false
				}
			}
			if !eq {
				v = w
			}
			for _, f := range sentSecrets(v) {
				kind := f.kind
				if kind == "url_password" && !inData {
					// a URL's own password: judgeURLCredentials; in data
					// (-d 'DATABASE_URL=postgres://u:p@…') it is sent
					continue
				}
				if ui := urlUserinfo(v); !inData && ui != "" && f.value != "" && loginStart(v, ui, f.value) {
					// a token as the URL's own login (x-access-token:ghp_…@):
					// judgeURLCredentials judges it by the host it logs in to
					continue
				}
				if kind == "authorization" {
					if k := tokenService(f.value); k != "" {
						kind = k
					}
				}
				key := "headers"
				if inData {
					key = "data"
				}
				if redirected || !ownHost(kind, host) || !usesCredential(key, v) {
					fs := subject{tool: "flow", text: kind + " sent to " + host, effect: "flow:credential->network"}
					ev.judge(&fs)
					return
				}
			}
		}
	}
}

// targetHost is the host of a connection's target (a URL, or host[:port]).
func targetHost(t string) string {
	t = strings.Trim(t, `"'`)
	if !strings.Contains(t, "://") {
		t = "https://" + t
	}
	u, err := url.Parse(t)
	if err != nil {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
}

// loginStart reports a secret found in a URL word that starts inside the
// URL's login (userinfo ui), whatever a finder took after it.
func loginStart(v, ui, found string) bool {
	k, u := strings.Index(v, found), strings.Index(v, ui)
	return k >= 0 && u >= 0 && k < u+len(ui)
}
