package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// A CLI that signs its calls with a token it keeps (gh: its hosts.yml)
// sends that token to the host it is told to use. An entry with a
// "token-file" names the file, "token-host" the service's own host, and
// "host-option" and "host-env" how a call names another (gh api
// --hostname H, GH_HOST=H gh …): told a host that is not the service's,
// the call reads the token and sends it there. A host that may be the
// service's own self-managed instance is not another host: a private one
// (github.acme.internal) is the team's, and a public one named for the
// service (github.acme.com) may be the team's or someone's named like it,
// which asks (selfhosted.go).
//
// An entry with a "token-host" and no token file (crowdin, lokalise2)
// keeps its token in a variable ("token-env") or is given it: what its
// words carry goes to its service, so a token of another service given as
// its --token leaves for that service's host, and told another host it
// sends its own token there.

// tokenToOtherHost judges command i's host option and variable.
func (a *analysis) tokenToOtherHost(i int, c *shell.Command, cl *catalog.Classified, f *cmdFacts) {
	e := cl.Entry
	if e == nil || !e.HasProps() || e.Prop("token-host") == "" {
		return
	}
	tokenFile := e.Prop("token-file")
	host := ""
	if opt := e.Prop("host-option"); opt != "" {
		for _, w := range cl.Words {
			if w.Option == opt {
				host = w.Text
			}
		}
	}
	if env := e.Prop("host-env"); host == "" && env != "" {
		host = a.assignedOnLine(i, c, env)
	}
	host = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(host, "https://"), "http://"), "/"))
	own := e.Prop("token-host")
	if host == "" || host == own || strings.HasSuffix(host, "."+own) || strings.HasPrefix(host, "$") {
		if tokenFile == "" && !strings.HasPrefix(host, "$") {
			// crowdin upload --token "$T": its words go to its service,
			// and so does its variable given another's secret on the
			// line (CROWDIN_PERSONAL_TOKEN="$GITHUB_TOKEN" crowdin …)
			f.sink = "network"
			f.hosts = append(f.hosts, own)
			if env := e.Prop("token-env"); env != "" && !f.secretArg {
				eachSecretVar([]string{a.assignedOnLine(i, c, env)}, func(v string) bool {
					f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(v), v
					return false
				})
			}
		}
		return
	}
	service, _, _ := strings.Cut(e.Name, " ") // "gh api": gh's token
	if instance, public := selfManagedInstance([]string{"https://" + host}, service); instance {
		if public {
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "secret-host", Word: service + "'s token sent to " + host + ", which may be a self-managed instance of its service or someone else's"})
		}
		return
	}
	if tokenFile != "" {
		p := a.clean(tokenFile, i)
		a.add(Effect{Kind: Read, Cmd: i, Path: p, Detail: "token"})
		f.reads = append(f.reads, p)
	} else if v := e.Prop("token-env"); v != "" && !f.secretArg {
		f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(v), v
	}
	f.sink = "network"
	f.hosts = append(f.hosts[:0], host)
}
