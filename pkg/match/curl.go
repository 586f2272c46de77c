package match

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// curlHostOptions are curl's options whose value names a host curl
// connects to instead of, or on the way to, the URL's host. The value is
// the option's argument; the function gives the hosts in it. The table is
// made on first use.
var curlHostOptions = table.Map[string, func(string) []string]{Build: func() map[string]func(string) []string {
	return map[string]func(string) []string{
		// --resolve [+]HOST:PORT:ADDR[,ADDR]...: HOST is looked up as ADDR.
		"--resolve": resolveAddrs,
		// --connect-to HOST1:PORT1:HOST2:PORT2: a connection meant for
		// HOST1:PORT1 goes to HOST2:PORT2.
		"--connect-to": connectToHost,
		// Proxies: every request goes through them.
		"--proxy":           proxyHost,
		"-x":                proxyHost,
		"--preproxy":        proxyHost,
		"--socks4":          proxyHost,
		"--socks4a":         proxyHost,
		"--socks5":          proxyHost,
		"--socks5-hostname": proxyHost,
	}
}}

// CurlConnectHosts returns the hosts a curl command line contacts besides
// the hosts of its URLs: the addresses of --resolve (HOST:PORT:ADDR), the
// targets of --connect-to (HOST1:PORT1:HOST2:PORT2) and proxies (-x,
// --proxy, --preproxy, --socks*). args are curl's arguments after the
// program name, as the shell passes them. Each host is returned in a form
// ParseURL reads (IPv6 in brackets), so a caller can judge it as a fetch:
//
//	curl --resolve example.com:80:169.254.169.254 http://example.com/latest/meta-data/
//
// contacts 169.254.169.254, whatever example.com's own address is.
func CurlConnectHosts(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, value, attached := strings.Cut(a, "=")
		if !strings.HasPrefix(a, "--") {
			name, value, attached = shortOption(a)
		}
		f := curlHostOptions.Get(name)
		if f == nil {
			continue
		}
		if !attached {
			if i+1 >= len(args) {
				break
			}
			i++
			value = args[i]
		}
		out = append(out, f(value)...)
	}
	return out
}

// CurlOptionHosts returns the hosts one of curl's host options contacts,
// given the option's name and value (CurlConnectHosts reads a whole
// command line): --connect-to's target, --resolve's addresses (also for a
// name this table does not know), a proxy.
func CurlOptionHosts(option, value string) []string {
	if f := curlHostOptions.Get(option); f != nil {
		return f(value)
	}
	return resolveAddrs(value)
}

// shortOption reads a bundle of curl's short options ("-sSLx", "-xHOST"):
// the one curl reads a host from is -x, whose value is the rest of the
// word or the next word.
func shortOption(a string) (name, value string, attached bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", "", false
	}
	for i := 1; i < len(a); i++ {
		switch {
		case a[i] == 'x':
			rest := a[i+1:]
			return "-x", rest, rest != ""
		case strings.IndexByte(curlShortWithValue, a[i]) >= 0:
			return "", "", false // the rest of the word is this option's value
		}
	}
	return "", "", false
}

// curlShortWithValue are curl's short options that take a value, which
// ends a bundle: in "-dx" the x is data, not -x.
const curlShortWithValue = "ACDEFHKPQTUXYbcdemortuwyz"

// resolveAddrs reads "[+]HOST:PORT:ADDR[,ADDR]..."; "-HOST:PORT" removes
// an entry and contacts nothing.
func resolveAddrs(v string) []string {
	if strings.HasPrefix(v, "-") {
		return nil
	}
	v = strings.TrimPrefix(v, "+")
	fields := splitHostFields(v, 3)
	if len(fields) < 3 {
		return nil
	}
	var out []string
	for _, addr := range strings.Split(fields[2], ",") {
		if h := bracketIPv6(addr); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// connectToHost reads "HOST1:PORT1:HOST2:PORT2"; an empty HOST2 keeps the
// original host, so nothing new is contacted.
func connectToHost(v string) []string {
	fields := splitHostFields(v, 4)
	if len(fields) < 3 {
		return nil
	}
	if h := bracketIPv6(fields[2]); h != "" {
		return []string{h}
	}
	return nil
}

// proxyHost returns a proxy given as "[scheme://][user@]host[:port]".
func proxyHost(v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	return []string{v}
}

// splitHostFields splits v at colons outside brackets, into at most n
// fields, so "[::1]:80:[fd00:ec2::254]" is three fields.
func splitHostFields(v string, n int) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(v) && len(out) < n-1; i++ {
		switch v[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ':':
			if depth == 0 {
				out = append(out, v[start:i])
				start = i + 1
			}
		}
	}
	return append(out, v[start:])
}

// bracketIPv6 trims an address and puts an IPv6 literal in brackets, so
// ParseURL does not read its last group as a port.
func bracketIPv6(a string) string {
	a = strings.TrimSpace(a)
	if a == "" {
		return ""
	}
	if strings.IndexByte(a, ':') >= 0 && !strings.HasPrefix(a, "[") {
		return "[" + a + "]"
	}
	return a
}
