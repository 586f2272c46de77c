package effect

import (
	"net/netip"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Networks this machine hosts: the bridges its container engines and
// hypervisors create for the containers and VMs running on it. A scanner
// pointed inside one (nmap 172.17.0.2, masscan 172.17.0.0/16, a
// metasploitable VM on VirtualBox's host-only 192.168.56.0/24) probes what
// this machine runs, as a scan of localhost does; a range wider than the
// bridge (172.16.0.0/12, 192.168.0.0/16) or any other private network (an
// office LAN, a company's 10/8) is other machines'. Only scans read this:
// data sent to a container's address is still sent over a network.

// hostedNetworks are the default bridges of Docker (docker0 and the
// pool compose and `docker network create` draw from), Podman,
// VirtualBox's host-only adapter, libvirt and minikube's docker driver.
var hostedNetworks = table.Once[[]netip.Prefix]{Build: func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"172.17.0.0/16", "172.18.0.0/16", "172.19.0.0/16", "172.20.0.0/16", "172.21.0.0/16",
		"172.22.0.0/16", "172.23.0.0/16", "172.24.0.0/16", "172.25.0.0/16", "172.26.0.0/16",
		"172.27.0.0/16", "172.28.0.0/16", "172.29.0.0/16", "172.30.0.0/16", "172.31.0.0/16",
		"10.88.0.0/16", "192.168.56.0/24", "192.168.122.0/24", "192.168.49.0/24",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}}

// hostedNames are the names container engines give this machine as
// their containers see it.
var hostedNames = table.Map[string, bool]{Words: "host.docker.internal gateway.docker.internal host.containers.internal"}

// hostedTarget reports a scan target (an address, host:port, or a range
// written ADDR/BITS) that lies inside one of the networks this machine hosts, or
// a name a container engine gives this machine.
func hostedTarget(t string) bool {
	if strings.IndexByte(t, '/') < 0 && strings.Count(t, ":") == 1 {
		t = t[:strings.IndexByte(t, ':')] // 172.17.0.2:8080
	}
	if hostedNames.Get(t) {
		return true
	}
	if strings.IndexByte(t, '/') < 0 {
		a, err := netip.ParseAddr(t)
		if err != nil {
			return false
		}
		t = netip.PrefixFrom(a, a.BitLen()).String()
	}
	p, err := netip.ParsePrefix(t)
	if err != nil {
		return false
	}
	for _, n := range hostedNetworks.Get() {
		if p.Bits() >= n.Bits() && n.Contains(p.Addr()) {
			return true
		}
	}
	return false
}
