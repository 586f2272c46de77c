package engine

import (
	"net/netip"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
)

// Scanners behind an MCP server: a pentest server's nmap_scan, nuclei_scan,
// hydra_attack, start_active_scan or sqlmap_scan probes the hosts its
// arguments name as the same program run in a shell does. A tool whose
// name says it scans or attacks, given a target (target, host, ip,
// url, rhosts…) that is not this machine or a network it hosts, is the
// Scan effect the exec of nmap or nuclei gives: a person confirms it.
// Scanning this machine's own server (localhost, a container's address)
// is everyday testing.

// scanToolWords are the words of a tool's name that say it probes hosts.
var scanToolWords = table.Map[string, bool]{Words: "scan scanner scans ascan attack brute bruteforce spray exploit nmap masscan rustscan naabu nuclei nikto sqlmap hydra medusa ffuf gobuster feroxbuster dirb dirsearch wpscan kerbrute netexec crackmapexec recon"}

// scanTargetKeys are the argument keys that name what a scanner probes.
var scanTargetKeys = table.Map[string, bool]{Words: "target targets host hosts hostname ip ips address addresses url urls baseurl base_url rhost rhosts range ranges cidr network site domain"}

// scansTargets adds a Scan effect for each target a scanning tool's
// arguments name that is not this machine.
func (w *mcpWalk) scansTargets(args map[string]any) {
	scanner := false
	for _, word := range readToolParts(w.tool).words {
		scanner = scanner || scanToolWords.Get(word)
	}
	if !scanner {
		return
	}
	for k, v := range args {
		if !scanTargetKeys.Get(strings.ToLower(k)) {
			continue
		}
		var vals []string
		switch x := v.(type) {
		case string:
			vals = strings.FieldsFunc(x, func(r rune) bool { return r == ',' || r == ' ' })
		case []any:
			for _, e := range x {
				if s, ok := e.(string); ok {
					vals = append(vals, s)
				}
			}
		}
		for _, t := range vals {
			if networkTarget(t) && !effect.OwnMachine(t) {
				w.ev.judgeEffect(effect.Effect{Kind: effect.Scan, Cmd: -1, Target: t, Word: w.server + " " + w.tool + " " + t}, call.ToolMCP)
			}
		}
	}
}

// networkTarget reports a value that names a host on a network: a URL, an
// address or range, or a dotted host name (host:port allowed); not an
// image reference, a path or a plain word (project-api:dev, ./src).
func networkTarget(t string) bool {
	if strings.Contains(t, "://") {
		return true
	}
	if p, err := netip.ParsePrefix(t); err == nil && p.IsValid() {
		return true
	}
	h := t
	if k := strings.LastIndexByte(h, ':'); k > 0 && strings.Count(h, ":") == 1 {
		h = h[:k]
	}
	if _, err := netip.ParseAddr(strings.Trim(h, "[]")); err == nil {
		return true
	}
	return strings.Contains(h, ".") && !strings.ContainsAny(h, "/\\ ") && h[0] != '.' || h == "localhost"
}
