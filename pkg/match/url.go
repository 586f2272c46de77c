package match

import (
	"net/netip"
	"strconv"
	"strings"
)

// URL is the part of a URL that policies look at.
type URL struct {
	Scheme string // lower case; "http" when the text had none
	Host   string // lower case, no port, no trailing dot, no brackets; IPv4 in dotted decimal
	Port   string // as written, "" when absent
	Rest   string // path, query and fragment as written

	// IPHost is the IP address Host reaches whoever answers DNS for it
	// (see EmbeddedIP): "169.254.169.254" for "169.254.169.254.nip.io".
	// "" when there is none. Domain rules judge it as well as Host.
	IPHost string
}

// String rebuilds the normalised URL (without userinfo).
func (u URL) String() string {
	var b strings.Builder
	b.WriteString(u.Scheme)
	b.WriteString("://")
	if strings.IndexByte(u.Host, ':') >= 0 {
		b.WriteString("[" + u.Host + "]")
	} else {
		b.WriteString(u.Host)
	}
	if u.Port != "" {
		b.WriteString(":" + u.Port)
	}
	b.WriteString(u.Rest)
	return b.String()
}

// ParseURL normalises a URL or a bare host ("evil.example/x"). It drops
// userinfo, lower-cases scheme and host, removes a trailing dot and the
// port from the host, and rewrites IPv4 literals written in decimal, octal
// or hex ("2852039166", "0xA9FEA9FE", "0251.0376.0251.0376") and
// IPv4-mapped IPv6 addresses to dotted decimal, so they match the rules
// written for them. ok is false when there is no host.
func ParseURL(raw string) (u URL, ok bool) {
	s := strings.TrimSpace(raw)
	if strings.ContainsAny(s, "\t\n\r") {
		// Browsers and the WHATWG parser drop tabs and newlines anywhere
		// in a URL: "http://169.254.169.254\t/" is the metadata address.
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	if i := strings.IndexByte(s, ':'); i > 0 && i+1 < len(s) && specialScheme(lower(s[:i])) {
		// A special scheme's slashes, any number of either kind or none,
		// only separate it from the host: browsers read "http:/host",
		// "http:\\\\host", "http:///host" and "https:host" as http://host.
		u.Scheme = lower(s[:i])
		s = strings.TrimLeft(s[i+1:], `/\`)
	} else if i := strings.Index(s, "://"); i > 0 && validScheme(s[:i]) {
		u.Scheme = lower(s[:i])
		s = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		u.Scheme, s = "http", s[2:]
	} else {
		u.Scheme = "http"
	}
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	authority := s[:end]
	u.Rest = s[end:]
	// Backslashes end the authority in browsers and some clients.
	if i := strings.IndexByte(authority, '\\'); i >= 0 {
		u.Rest = authority[i:] + u.Rest
		authority = authority[:i]
	}
	if i := strings.LastIndexByte(authority, '@'); i >= 0 {
		authority = authority[i+1:]
	}
	host := authority
	if strings.HasPrefix(host, "[") {
		if j := strings.IndexByte(host, ']'); j > 0 {
			if rest := host[j+1:]; strings.HasPrefix(rest, ":") {
				u.Port = rest[1:]
			}
			host = host[1:j]
		}
	} else if i := strings.LastIndexByte(host, ':'); i >= 0 {
		u.Port = host[i+1:]
		host = host[:i]
	}
	host = strings.TrimRight(host, ".")
	if host == "" {
		return u, false
	}
	u.Host = NormalizeHost(host)
	if u.Host == "" {
		return u, false
	}
	u.IPHost = EmbeddedIP(u.Host)
	return u, true
}

// specialScheme reports the schemes whose URLs always name a host after
// the colon (the WHATWG URL standard's special schemes, less file:).
func specialScheme(s string) bool {
	switch s {
	case "http", "https", "ws", "wss", "ftp":
		return true
	}
	return false
}

// NormalizeHost gives a host the one spelling rules are written for: it
// decodes percent escapes ("%31%36%39.254.169.254"), drops brackets and
// IPv6 zone ids ("fe80::1%eth0"), maps full-width and ideographic dots and
// other IDNA forms to ASCII ("ｍｅｔａｄａｔａ．ｇｏｏｇｌｅ．ｉｎｔｅｒｎａｌ"
// is "metadata.google.internal", "bücher.example" is
// "xn--bcher-kva.example"), lower-cases it, removes trailing dots and
// canonicalises IP literals in any spelling. Normalising a normalised host
// gives the same host, and a host that is already normal is returned
// without allocating.
func NormalizeHost(host string) string { return normalizeHost(host) }

// parseIP understands dotted, decimal, octal and hex IPv4 forms, and IPv6.
func parseIP(h string) (string, bool) {
	if a, err := netip.ParseAddr(h); err == nil {
		if a.Is4In6() {
			a = a.Unmap()
		}
		if a.Is4() && a.String() == h {
			return h, true // common case, no allocation beyond String
		}
		return a.String(), true
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return "", false
	}
	var nums []uint64
	for _, p := range parts {
		n, err := strconv.ParseUint(p, 0, 32)
		if err != nil {
			return "", false
		}
		nums = append(nums, n)
	}
	var v uint64
	switch len(nums) {
	case 1:
		v = nums[0]
	case 2:
		v = nums[0]<<24 | nums[1]&0xffffff
	case 3:
		v = nums[0]<<24 | (nums[1]&0xff)<<16 | nums[2]&0xffff
	case 4:
		v = nums[0]<<24 | (nums[1]&0xff)<<16 | (nums[2]&0xff)<<8 | nums[3]&0xff
	}
	if v > 0xffffffff {
		return "", false
	}
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}).String(), true
}

func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return len(s) > 0
}

// lower lower-cases ASCII, allocating only when s has upper case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// DomainPattern matches normalised hosts: `*` crosses dots, and a pattern
// is normalised like a host at compile time (lower case, no trailing dot,
// IDNA labels in punycode, IP literals canonical).
type DomainPattern struct{ Glob }

// CompileDomain compiles a domain pattern.
func CompileDomain(pattern string) (DomainPattern, error) { return Compiler{}.Domain(pattern) }

// Domain compiles a domain pattern.
func (c Compiler) Domain(pattern string) (DomainPattern, error) {
	if c.Lazy {
		// Normalising is itself work (IDNA): a lazy pattern does it when
		// it is first matched.
		return DomainPattern{Glob{src: pattern, g: &lazyGlob{src: pattern, prep: normalizeDomainPattern}}}, nil
	}
	g, err := c.Text(normalizeDomainPattern(pattern))
	if err != nil {
		return DomainPattern{}, err
	}
	g.src = pattern
	return DomainPattern{g}, nil
}

// CleanURLRest returns the path of a URL's rest (what follows its
// authority) as a server routes it: percent escapes of unreserved
// characters decoded (%61 is a), runs of slashes made one, and dot
// segments removed (/v1/./a, /v1/x/../a and /v1//a are /v1/a); the query
// and fragment stay as written. changed is false when there was nothing
// to clean (the rest is returned as is, with no allocation).
func CleanURLRest(rest string) (clean string, changed bool) {
	end := strings.IndexAny(rest, "?#")
	if end < 0 {
		end = len(rest)
	}
	p := rest[:end]
	if !strings.Contains(p, "%") && !strings.Contains(p, "//") && !strings.Contains(p, "/.") {
		return rest, false
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] == '%' && i+2 < len(p) {
			if c, ok := unhex2(p[i+1], p[i+2]); ok && unreservedByte(c) {
				b.WriteByte(c)
				i += 2
				continue
			}
		}
		b.WriteByte(p[i])
	}
	var segs []string
	for _, s := range strings.Split(b.String(), "/") {
		switch s {
		case "", ".":
		case "..":
			if len(segs) > 0 {
				segs = segs[:len(segs)-1]
			}
		default:
			segs = append(segs, s)
		}
	}
	out := "/" + strings.Join(segs, "/")
	if strings.HasSuffix(p, "/") && len(segs) > 0 {
		out += "/"
	}
	return out + rest[end:], out != p
}

func unhex2(a, b byte) (byte, bool) {
	h, ok1 := unhex1(a)
	l, ok2 := unhex1(b)
	return h<<4 | l, ok1 && ok2
}

func unhex1(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// unreservedByte reports RFC 3986's unreserved characters, whose percent
// escapes mean the character itself.
func unreservedByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}
