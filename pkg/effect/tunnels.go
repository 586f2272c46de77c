package effect

import (
	"path"
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// tunnelLookVerbs name a tunnel tool's verbs that open nothing: they list,
// check or describe tunnels and the tool's own configuration (cloudflared
// tunnel list, ngrok config check, zrok status). A verb not named here
// (run, http, share, create, add-authtoken) is judged as opening one.
var tunnelLookVerbs = table.Map[string, bool]{Words: `list ls check status version help
	info show get describe logs log
	validate diag diagnose whoami inspect
	completion overview verify`}

// selfReportFlags are options by which a program reports on itself and
// does nothing else.
var selfReportFlags = table.Map[string, bool]{Words: "--version -version -v -V --help -help -h"}

// tunnelNouns are the words of a tunnel tool that name what its verb acts
// on (cloudflared tunnel list, ngrok config check): they may come before
// the verb.
var tunnelNouns = table.Map[string, bool]{Words: `tunnel tunnels config route ingress
	endpoints endpoint agent service credentials
	ip dns lb funnel serve`}

// tunnelOnlyLooks reports whether a tunnel tool's leading words (its
// subcommand and first positionals) are a verb that only looks, after at
// most the nouns it acts on: ngrok config check, cloudflared tunnel info X.
// Any other word first (http, run, share, a port) opens a tunnel.
func tunnelOnlyLooks(args []string, cl *catalog.Classified) bool {
	if len(args) > 0 && !slices.ContainsFunc(args, func(a string) bool { return !selfReportFlags.Get(a) }) {
		return true // cloudflared --version, ngrok -h
	}
	if n := len(args); n > 1 && (args[n-1] == "off" || args[n-1] == "reset") {
		return true // tailscale funnel 3000 off, tailscale funnel reset: closed
	}
	looks := false
	leadingWords(cl, 4, func(w string) bool { // cloudverbs.go
		l := strings.ToLower(w)
		looks = tunnelLookVerbs.Get(l)
		return !tunnelNouns.Get(l)
	})
	return looks
}

// tunnelWords reports whether a command whose entry opens a tunnel only
// through some of its words ("tunnel-words=*:public": gh codespace ports
// visibility 3000:public) has one of them among its operands.
func tunnelWords(e *catalog.Entry, cl *catalog.Classified) bool {
	globs := e.Prop("tunnel-words")
	if globs == "" {
		return false
	}
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		for _, g := range strings.Split(globs, ",") {
			if ok, _ := path.Match(g, w.Text); ok {
				return true
			}
		}
	}
	return false
}

// tunnelServes records a tunnel whose address is a directory (ngrok http
// file:///home/dev): the tunnel serves its files to the world, as a file
// server of it on a public address does (serves).
func (a *analysis) tunnelServes(i int, c *shell.Command) {
	for _, w := range c.Args {
		p, ok := strings.CutPrefix(w, "file://")
		if !ok || !strings.HasPrefix(p, "/") {
			continue
		}
		if p = path.Clean(p); a.sensitiveDir(p) || a.sensitive(p) {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "home-archive->network", Word: c.Name + " serves " + p})
			return
		}
	}
}

// tunDevices reports whether a word is ssh -w's value: the local and,
// after a colon, the remote tun device, each a number or "any" (ssh -w
// 0:0 joins two machines' networks, as a VPN does).
func tunDevices(v string) bool {
	local, remote, _ := strings.Cut(v, ":")
	dev := func(d string) bool { return d == "any" || d != "" && isDigits(d) }
	return dev(local) && (remote == "" || dev(remote))
}
