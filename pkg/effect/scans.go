package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// Scans: a port or host scanner (an entry with "scans": nmap, masscan,
// rustscan) pointed at other machines probes what it does not own, a
// network range at a time; what it is pointed at may be another team's
// or a customer's, and an intrusion detector reads it as an attack. A
// Scan effect for each target that is not this machine (localhost,
// 127.0.0.0/8, ::1), which a person confirms. Scanning this machine's own
// ports (nmap -sV localhost) is everyday debugging. A target the line
// does not spell out ("$HOST") is another machine as far as anyone can
// tell.

// scans adds a Scan effect for each target of a scanner that is not this
// machine.
func (a *analysis) scans(i int, c *shell.Command, cl *catalog.Classified) {
	if helpOrDryRunOf(cl, c.Args) {
		return
	}
	e := cl.Entry
	if e.Prop("scans") == "always" {
		// a cloud run: load sent from a service's machines
		a.add(Effect{Kind: Scan, Cmd: i, Target: c.Name, Word: c.Name + " run from a service's machines"})
		return
	}
	a.namedTargets(i, c, e) // NAME=URL in options, variables and standard input
	for _, w := range cl.Words {
		if (w.Option == "-e" || w.Option == "--environment") && namesProduction(w.Text) {
			// artillery run -e production: the script's production target
			a.add(Effect{Kind: Scan, Cmd: i, Target: w.Text, Word: c.Name + " " + w.Option + " " + w.Text})
		}
	}
	// an entry that names which words are hosts (hydra's first operand,
	// rustscan -a) has no others: hydra's service and module options
	// after its host, the nmap options after rustscan's "--"
	urlOperands := false
	for _, w := range cl.Words {
		urlOperands = urlOperands || w.Role == catalog.URL
	}
	if narrow := e.Prop("scans-all"); narrow != "" && !scanNarrowed(cl, narrow) {
		// zmap -p 6379: with no range and no allowlist it probes every
		// public IPv4 address
		a.add(Effect{Kind: Scan, Cmd: i, Target: "0.0.0.0/0", Word: c.Name + " with no target scans every address"})
		return
	}
	targeted := false
	for _, w := range cl.Words {
		if w.Role == catalog.Read && w.Option != "" && e.Has("targets-stdin") {
			targeted = true // nuclei -l hosts.txt: the targets are a list's
		}
		if w.Option != "" && w.Role != catalog.URL || w.Text == "" || w.Role == catalog.Read || w.Role == catalog.Exec {
			continue // a port list, an output file, a script's name; not a target's option (rustscan -a)
		}
		if urlOperands && w.Option == "" && w.Role != catalog.URL {
			continue // hydra HOST http-post-form "/login:…", rustscan -a HOST -- -sV
		}
		targeted = true
		if ownMachine(w.Text) {
			continue
		}
		a.add(Effect{Kind: Scan, Cmd: i, Target: w.Text, Word: c.Name + " " + w.Text})
	}
	if !targeted && e.Has("targets-stdin") {
		a.stdinTargets(i, c)
	}
}

// stdinTargets adds a Scan effect for the targets a scanner given none on
// its command line reads from standard input ("targets-stdin": echo
// 203.0.113.0/24 | naabu, subfinder -d x | naabu | nuclei): each one the
// line shows that is not this machine, and, when what reaches it is not
// all known (a program's output, a file), targets nobody can see.
func (a *analysis) stdinTargets(i int, c *shell.Command) {
	if c.Stage == 0 && len(c.Stdin) == 0 {
		return // nothing piped in: the scanner's own prompt or its help
	}
	known := len(c.Stdin) > 0 && !c.StdinUnseen
	for _, text := range c.Stdin {
		for _, f := range strings.Fields(text) {
			if !ownMachine(f) {
				a.add(Effect{Kind: Scan, Cmd: i, Target: f, Word: c.Name + " " + f})
			}
		}
	}
	if !known {
		a.add(Effect{Kind: Scan, Cmd: i, Target: "-", Word: c.Name + " targets read from standard input"})
	}
}

// OwnMachine reports a host, address, range or URL that is this machine
// or a network it hosts for its containers and VMs, as a scan target is
// judged (ownMachine).
func OwnMachine(t string) bool { return ownMachine(t) }

// ownMachine reports a scan target that is this machine: localhost, a
// loopback address or range, or a network this machine hosts for its
// containers and VMs (labnets.go).
func ownMachine(t string) bool {
	h := strings.ToLower(strings.Trim(t, `"'`))
	if at := strings.LastIndexByte(h, '@'); at >= 0 && !strings.Contains(h, "://") {
		h = h[at+1:] // impacket's DOMAIN/USER:PASSWORD@HOST: its host
	}
	if strings.Contains(h, "://") {
		// a web scanner's or load tool's URL: its host
		u, ok := match.ParseURL(h)
		if !ok {
			return false
		}
		h = u.Host
	}
	if hostedTarget(h) {
		return true // a container's or a lab VM's network on this machine (labnets.go)
	}
	if cidr := strings.IndexByte(h, '/'); cidr >= 0 {
		h = h[:cidr]
	}
	if strings.HasPrefix(h, "[") {
		if k := strings.IndexByte(h, ']'); k > 0 {
			h = h[1:k] // [::1]:9000
		}
	} else if strings.Count(h, ":") == 1 {
		h = h[:strings.IndexByte(h, ':')] // 127.0.0.1:8080
	}
	return loopback(h) || h == "localhost" || strings.HasSuffix(h, ".localhost") || h == "0:0:0:0:0:0:0:1"
}

// namedTargets adds a Scan effect for each target a load generator is
// given in NAME=VALUE form, NAME naming a target (BASE_URL, TARGET,
// LOCUST_HOST, -Jhost=): in its options (k6 -e BASE_URL=URL, --env=…,
// jmeter -Jhost=h), in a variable set for it or exported before it; and,
// with "scan-stdin", each URL of the "METHOD URL" lines on its standard
// input (echo 'GET URL' | vegeta attack). This machine's own are none.
func (a *analysis) namedTargets(i int, c *shell.Command, e *catalog.Entry) {
	add := func(t string) {
		if !ownMachine(t) {
			a.add(Effect{Kind: Scan, Cmd: i, Target: t, Word: c.Name + " " + t})
		}
	}
	for _, w := range c.Args {
		if t, ok := targetAssign(w); ok {
			add(t)
		}
	}
	for _, kv := range append(carriedAssigns(a.res, i), a.exportedBefore(i)...) {
		if t, ok := targetAssign(strings.Trim(kv, `"'`)); ok {
			add(t)
		}
	}
	if e.Prop("scan-stdin") == "" {
		return
	}
	for _, text := range c.Stdin {
		for _, f := range strings.Fields(text) {
			if strings.Contains(f, "://") {
				add(f)
			}
		}
	}
}

// targetAssign gives the value of NAME=VALUE (or an option holding one:
// --env=NAME=VALUE, -JNAME=VALUE) when NAME names a target (a URL, host,
// endpoint or server) and VALUE is a host or a URL.
func targetAssign(w string) (string, bool) {
	switch {
	case strings.HasPrefix(w, "--"):
		_, rest, ok := strings.Cut(w, "=")
		if !ok || !strings.Contains(rest, "=") {
			return "", false
		}
		w = rest
	case len(w) > 2 && w[0] == '-':
		w = w[2:] // -Jhost=h: the option's letter, then its value
	}
	name, val, ok := strings.Cut(w, "=")
	val = strings.Trim(val, `"'`)
	if !ok || val == "" || strings.ContainsAny(val, " $`") || !strings.Contains(val, ".") && !strings.Contains(val, "://") {
		return "", false
	}
	u := strings.ToUpper(name)
	for _, part := range [...]string{"URL", "HOST", "TARGET", "ENDPOINT", "SERVER", "ORIGIN", "DOMAIN"} {
		if strings.Contains(u, part) {
			return val, true
		}
	}
	return "", false
}

// scanNarrowed reports whether a scanner whose entry says it scans every
// address by default ("scans-all=OPTS", zmap) is given a target: an
// operand, or one of OPTS (an allowlist file, a list of addresses).
func scanNarrowed(cl *catalog.Classified, opts string) bool {
	for _, w := range cl.Words {
		if w.Option == "" || matchesAny(w.Option, opts) {
			return true
		}
	}
	return false
}
