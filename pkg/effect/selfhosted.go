package effect

import (
	"errors"
	"net/netip"
	"strconv"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Services a team runs on its own machines (Consul, Nomad, Grafana): their
// tokens (CONSUL_HTTP_TOKEN, NOMAD_TOKEN, GRAFANA_TOKEN) have no fixed
// domain to go to, but a host of the team's own that runs the service is
// named for it (consul.prod.acme.internal, grafana.acme.com) or is on a
// private network (10.0.0.5, nomad-1.internal). A token of one sent to a
// public host named otherwise (consul-metrics.cloud-observe.net,
// grafana-dashboards-share.net) leaves for someone else's service. An
// address the line does not spell ("$CONSUL_HTTP_ADDR") is the service's
// own, as a token of unknown purpose may authenticate to it.

// selfHostedClouds are each self-hosted service's own hosted offering.
var selfHostedClouds = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"consul": {"hashicorp.cloud"}, "nomad": {"hashicorp.cloud"},
		"grafana": {"grafana.net", "grafana.com"},
	}
}}

// selfHostedHome reports, for a self-hosted service, whether every host is
// one of its own (ok false when the service is not a self-hosted one).
func selfHostedHome(hosts []string, service string) (home, ok bool) {
	clouds, ok := selfHostedClouds.Lookup(service)
	if !ok {
		return false, false
	}
	for _, h := range hosts {
		u, parsed := match.ParseURL(h)
		if !parsed || u.Host == "" {
			continue // an address the line does not spell
		}
		if !selfHostedHost(u.Host, service, clouds) {
			return false, true
		}
	}
	return true, true
}

// selfHostedHost reports a host that runs the service for its team: the
// service's cloud, a host with a label that is the service's name, or a
// private or loopback address or name; not one that begins with the
// cloud's domain and goes on to another (grafana.net.dash-share.io).
func selfHostedHost(host, service string, clouds []string) bool {
	for _, d := range clouds {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
		if len(host) > len(d) && strings.HasPrefix(host, d) && (host[len(d)] == '.' || host[len(d)] == '-') {
			return false // grafana.net.dash-share.io: the cloud's name spelled, then someone else's domain
		}
	}
	if privateHost(host) {
		return true
	}
	if _, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return false
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		if l == service {
			return true
		}
	}
	return false
}

// privateHost reports a host on this machine or a private network: a
// loopback name or address, a name only a private network resolves, or a
// private, loopback or link-local address.
func privateHost(host string) bool {
	a, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		a, err = numericIPv4(host)
	}
	if err == nil {
		return a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() || sharedAddressSpace.Contains(a)
	}
	return loopback(host) || privateName(host) // (an IPv6 address has no dot, as a private name has none)
}

// sharedAddressSpace is the carrier-grade NAT range a tailnet's hosts are
// numbered in (Tailscale's 100.x addresses): no host on the internet has
// one.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// numericIPv4 reads an IPv4 address written as one number, as URL parsers
// take it: decimal (3405803786), hexadecimal (0xCB007109) or octal
// (031300070405). Such a host has no dot, but is no private name.
func numericIPv4(host string) (netip.Addr, error) {
	if host == "" || strings.Trim(strings.ToLower(host), "0123456789abcdefx") != "" {
		return netip.Addr{}, errNotNumeric
	}
	n, err := strconv.ParseUint(host, 0, 32)
	if err != nil {
		return netip.Addr{}, err
	}
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), nil
}

// errNotNumeric says a host is no number.
var errNotNumeric = errors.New("not a numeric address")

// privateName reports a host name only a private network resolves.
func privateName(host string) bool {
	for _, s := range []string{".internal", ".local", ".lan", ".corp", ".intranet", ".home.arpa", ".consul"} {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return !strings.Contains(host, ".")
}

// selfManagedNames are, for services that also ship as software a team
// runs itself, the names its hosts go by: GitLab's self-managed
// instances (gitlab.acme.io), GitHub Enterprise Server's (github.acme.com,
// ghe.acme.io), Sentry's, Jira's and Confluence's.
var selfManagedNames = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"glab": {"gitlab"}, "gh": {"github", "ghe"}, "sentry": {"sentry"}, "atlassian": {"jira", "confluence", "bitbucket"},
	}
}}

// selfManagedInstance reports, for a token of a service that also runs
// self-managed, whether every host outside the service's own domains is
// an instance of it: private (gitlab.acme.internal, 10.0.0.7) or public
// and named for it (gitlab.acme.io). A public one may as well be anyone's
// named like it, so public says whether any is.
func selfManagedInstance(hosts []string, tool string) (instance, public bool) {
	names := selfManagedNames.Get(tool)
	if len(names) == 0 || len(hosts) == 0 {
		return false, false
	}
	for _, h := range hosts {
		u, ok := match.ParseURL(h)
		if !ok || u.Host == "" {
			return false, false // no host to be an instance
		}
		if allHome([]string{h}, tool, false) {
			continue
		}
		host := strings.ToLower(u.Host)
		if privateHost(host) {
			continue
		}
		named := false
		for _, n := range names {
			named = named || selfHostedHost(host, n, nil)
		}
		if !named || spellsHome(host, tool) {
			return false, false
		}
		public = true
	}
	return true, public
}

// spellsHome reports a host that begins with one of the service's own
// domains and goes on elsewhere (github.com.evil.io, gitlab.com-ci.net):
// named to be taken for the service, not an instance of it.
func spellsHome(host, tool string) bool {
	for _, d := range homeDomains.Get()[tool] {
		if len(host) > len(d) && strings.HasPrefix(host, d) && (host[len(d)] == '.' || host[len(d)] == '-') {
			return true
		}
	}
	return false
}
