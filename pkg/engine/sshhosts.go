package engine

import (
	"net/netip"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Host entries for one's own machines in ssh's client settings. ssh's
// settings that run nothing (sshConfigInert) are asked about, as every
// later connection takes them. A text that is nothing but new Host
// entries for named hosts (no pattern: not "Host *" nor "*.example.com"),
// each giving only where the host is, who logs in and with which key
// (HostName, Port, IdentityFile and their like, and User as oneself),
// changes no other connection: it is judged as the effect "write:ssh-own-hosts", which the
// profile lets through. A HostName that sends a name elsewhere must be
// this network's (a private address, a .local or .lan name, a dotless
// one) or the alias itself, and an entry naming a public name (github.com)
// may send it nowhere but to itself: "Host github.com / HostName git.example.net" would
// carry every push of github.com to another machine, and is asked about
// as before.

// effectSSHOwnHosts is the descriptor of such a write.
const effectSSHOwnHosts = "write:ssh-own-hosts"

// sshHostKeys are the keys a Host entry for one's own machine gives.
var sshHostKeys = table.Map[string, bool]{Words: `host hostname user port identityfile identitiesonly
	addkeystoagent usekeychain serveraliveinterval serveralivecountmax connecttimeout compression
	preferredauthentications pubkeyauthentication certificatefile`}

// sshLocalSuffixes are the endings of names of this network's machines.
var sshLocalSuffixes = []string{".local", ".lan", ".home.arpa", ".localdomain", ".internal", ".home"}

// sshOwnHosts reports whether an ssh client settings text is new Host
// entries for named hosts only (see above), logged into as owner, the
// name of the home the settings are in, when they name a user at all: an
// entry that logs in as another account (deploy, root, admin) is a
// shared server's, asked about as before.
func sshOwnHosts(content, owner string) bool {
	var aliases []string
	n := 0
	for l := range strings.SplitSeq(content, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.ContainsAny(l, "`$%\"'") {
			return false
		}
		f := strings.Fields(strings.Replace(l, "=", " ", 1))
		if len(f) < 2 {
			return false
		}
		key := strings.ToLower(f[0])
		if !sshHostKeys.Get(key) || n == 0 && key != "host" {
			return false // a key of another kind, or one added to the entry above it
		}
		n++
		switch key {
		case "host":
			aliases = f[1:]
			for _, a := range aliases {
				if strings.ContainsAny(a, "*?!") {
					return false
				}
			}
		case "user":
			if len(f) != 2 || f[1] != owner {
				return false
			}
		case "hostname":
			if len(f) != 2 || !sshLocalName(f[1], aliases) || sshCarriesPublic(f[1], aliases) {
				return false
			}
		}
	}
	return n > 0
}

// sshCarriesPublic reports an entry that sends a public name among its
// aliases (github.com, a company's bastion.acme.net) to another HostName:
// every connection to that name, a push of github.com, would land on
// the other machine, however near it is.
func sshCarriesPublic(hostName string, aliases []string) bool {
	for _, a := range aliases {
		if sshPublicName(a) && !strings.EqualFold(a, hostName) {
			return true
		}
	}
	return false
}

// sshPublicName reports a name with a dot that is no address and not
// under this network's suffixes: a name anyone's DNS answers for.
func sshPublicName(h string) bool {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	if !strings.Contains(h, ".") {
		return false
	}
	if _, err := netip.ParseAddr(h); err == nil {
		return false
	}
	for _, s := range sshLocalSuffixes {
		if strings.HasSuffix(h, s) {
			return false
		}
	}
	return true
}

// sshOwnAddress reports an address of this network: private, loopback or
// link-local (an IPv4 address mapped into IPv6 read as itself).
func sshOwnAddress(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast()
}

// sshLocalName reports whether a HostName is this network's machine (a
// private address, a dotless or local name) or one of the entry's own
// aliases.
func sshLocalName(h string, aliases []string) bool {
	h = strings.ToLower(h)
	for _, a := range aliases {
		if strings.ToLower(a) == h {
			return true
		}
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return sshOwnAddress(ip) // 203.0.113.7 is anyone's machine
	}
	if !strings.Contains(h, ".") {
		return true
	}
	for _, s := range sshLocalSuffixes {
		if strings.HasSuffix(h, s) {
			return true
		}
	}
	return false
}
