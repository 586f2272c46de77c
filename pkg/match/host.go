package match

import (
	"net/netip"
	"slices"
	"strings"

	"golang.org/x/net/idna"
	"rampart.dev/pkg/internal/table"
)

// hostSteps bounds NormalizeHost's passes. Each pass that changes a host
// either shortens it (percent-decoding) or makes it ASCII (IDNA), so a
// handful of passes reach the fixed point for any real host; the bound
// only keeps hostile input from looping.
const hostSteps = 8

// normalizeHost brings a host to its fixed point under normalizeStep, so
// that normalising a normalised host gives the same host.
func normalizeHost(h string) string {
	for range hostSteps {
		n := normalizeStep(h)
		if n == h {
			return n
		}
		h = n
	}
	return h
}

// normalizeStep is one pass of host normalisation: percent-decoding,
// brackets and IPv6 zone ids, full-width dots and IDNA, case, trailing
// dots, and IP literals in any spelling.
func normalizeStep(host string) string {
	if strings.IndexByte(host, '%') >= 0 {
		host = PercentDecode(host)
	}
	if len(host) > 1 && host[0] == '[' && host[len(host)-1] == ']' {
		host = host[1 : len(host)-1]
	}
	if i := strings.IndexByte(host, '%'); i > 0 && strings.IndexByte(host, ':') >= 0 {
		host = host[:i] // an IPv6 zone id ("fe80::1%eth0") names an interface, not a host
	}
	if !isASCII(host) {
		host = toASCII(host)
	}
	host = lower(strings.TrimRight(host, "."))
	if host == "" {
		return host
	}
	if c := host[0]; c >= '0' && c <= '9' || strings.IndexByte(host, ':') >= 0 {
		if ip, ok := parseIP(host); ok {
			return ip
		}
	}
	return host
}

// PercentDecode decodes %XX escapes, as curl and browsers do in a URL's
// host ("%31%36%39.254.169.254"). Invalid escapes are kept as written.
func PercentDecode(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			if b == nil {
				b = append(make([]byte, 0, len(s)), s[:i]...)
			}
			b = append(b, Unhex(s[i+1])<<4|Unhex(s[i+2]))
			i += 2
			continue
		}
		if b != nil {
			b = append(b, s[i])
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// Unhex is the value of a hexadecimal digit.
func Unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// idnaLookup maps a host as a resolver would before asking DNS (UTS #46:
// full-width letters and digits to ASCII, case folding, punycode). It is
// lenient: underscores and other characters DNS carries are kept, since
// the point is to name the host, not to validate it.
var idnaLookup = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.StrictDomainName(false), idna.BidiRule())

// otherDots are the characters IDNA treats as label separators (UTS #46
// section 2.3): ideographic full stop, full-width full stop and half-width
// ideographic full stop.
var otherDots = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".")
}}

// toASCII gives a non-ASCII host its ASCII (punycode) form, so
// "ｅｘａｍｐｌｅ。com" is "example.com" and "bücher.example" is
// "xn--bcher-kva.example", the form domain patterns are compiled to. A
// host IDNA rejects keeps whatever IDNA could map.
func toASCII(h string) string {
	h = otherDots.Get().Replace(h)
	a, err := idnaLookup.ToASCII(h)
	if err != nil && a == "" {
		return strings.ToLower(h)
	}
	return a
}

// wildcardDNS lists public DNS services whose names resolve to an address
// written in the name itself, or to a fixed address, so that
// "169.254.169.254.nip.io" reaches the metadata service.
var wildcardDNS = []struct {
	suffix string // with its leading dot
	fixed  string // the one address every name resolves to; "" when the name embeds it
}{
	{".nip.io", ""},
	{".sslip.io", ""},
	{".xip.io", ""},
	{".traefik.me", ""},
	{".localtest.me", "127.0.0.1"},
	{".lvh.me", "127.0.0.1"},
	{".vcap.me", "127.0.0.1"},
	{".localhost.direct", "127.0.0.1"},
}

// nat64 is the well-known NAT64 prefix 64:ff9b::/96 (RFC 6052): an
// address in it reaches the IPv4 address in its last 32 bits.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// ipv4Compatible reports a deprecated IPv4-compatible IPv6 address
// (::169.254.169.254, RFC 4291 2.5.5.1), which stacks that still accept
// it send to the IPv4 address in its last 32 bits; :: and ::1 are not.
func ipv4Compatible(a netip.Addr) bool {
	if !a.Is6() || a.Is4In6() || a.Zone() != "" {
		return false
	}
	b := a.As16()
	for _, x := range b[:12] {
		if x != 0 {
			return false
		}
	}
	return b[12]|b[13] != 0
}

// EmbeddedIP returns the IP address a normalised host reaches without
// depending on who answers DNS for it, or "" when there is none:
//
//   - wildcard-DNS names: "169.254.169.254.nip.io", "app.10.0.0.1.nip.io",
//     "169-254-169-254.sslip.io", "app-a9fea9fe.nip.io" (hex),
//     "fd00-ec2--254.sslip.io" (IPv6 with dashes), and names under
//     services that answer one fixed address ("x.localtest.me" is
//     127.0.0.1);
//   - IPv6 addresses in the NAT64 prefix ("64:ff9b::a9fe:a9fe" is
//     169.254.169.254), and IPv4-compatible ones ("::169.254.169.254").
//
// It does not allocate for a host that is neither.
func EmbeddedIP(host string) string {
	if strings.IndexByte(host, ':') >= 0 {
		if a, err := netip.ParseAddr(host); err == nil && (nat64.Contains(a) || ipv4Compatible(a)) {
			b := a.As16()
			return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}).String()
		}
		return ""
	}
	for _, w := range wildcardDNS {
		prefix, ok := strings.CutSuffix(host, w.suffix)
		if !ok {
			continue
		}
		if w.fixed != "" {
			return w.fixed
		}
		return ipInName(prefix)
	}
	return ""
}

// maxEmbeddedIPs bounds the addresses EmbeddedIPs returns.
const maxEmbeddedIPs = 4

// EmbeddedIPs returns the IPv4 addresses a host name reaches by its
// spelling: EmbeddedIP's (a wildcard-DNS service's), and, when the name
// spells two addresses or more, each of them: every run of four decimal
// octets between dots and dashes ("make-169.254.169.254-rebind-127.0.0.1-
// rr.1u.ms") and every label of eight hex digits
// ("a9fea9fe.7f000001.rbndr.us"). Two addresses in one name are how DNS
// rebinding services are asked to answer with either, in turn. A name
// spelling one address under an ordinary domain
// ("169.254.169.254.example.com") resolves as its domain says. An IP
// literal embeds nothing but itself.
func EmbeddedIPs(host string) []string {
	var out []string
	add := func(dst []string, ip string) []string {
		if ip != "" && ip != host && len(dst) < maxEmbeddedIPs && !slices.Contains(dst, ip) {
			dst = append(dst, ip)
		}
		return dst
	}
	out = add(out, EmbeddedIP(host))
	if strings.IndexByte(host, ':') >= 0 {
		return out
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return out
	}
	var spelled []string
	tokens := strings.FieldsFunc(host, func(r rune) bool { return r == '.' || r == '-' })
	for i := range tokens {
		if i+4 <= len(tokens) {
			if ip, ok := dottedIPv4(tokens[i : i+4]); ok {
				spelled = add(spelled, ip)
			}
		}
		if t := tokens[i]; len(t) == 8 && allHex(t) {
			if ip, ok := parseIP("0x" + t); ok {
				spelled = add(spelled, ip)
			}
		}
	}
	if len(spelled) >= 2 {
		for _, ip := range spelled {
			out = add(out, ip)
		}
	}
	return out
}

// ipInName finds the address at the end of a wildcard-DNS name's prefix:
// four dotted decimal labels, or a last label of four dash-separated
// decimals, eight hex digits, or an IPv6 address with ':' written as '-'.
func ipInName(prefix string) string {
	labels := strings.Split(prefix, ".")
	if n := len(labels); n >= 4 {
		if ip, ok := dottedIPv4(labels[n-4:]); ok {
			return ip
		}
	}
	last := labels[len(labels)-1]
	parts := strings.Split(last, "-")
	if n := len(parts); n >= 4 {
		if ip, ok := dottedIPv4(parts[n-4:]); ok {
			return ip
		}
	}
	if h := parts[len(parts)-1]; len(h) == 8 && allHex(h) {
		if ip, ok := parseIP("0x" + h); ok {
			return ip
		}
	}
	if strings.Contains(last, "--") || strings.Count(last, "-") == 7 {
		if a, err := netip.ParseAddr(strings.ReplaceAll(last, "-", ":")); err == nil && a.Is6() && a.Zone() == "" {
			return a.Unmap().String()
		}
	}
	return ""
}

// dottedIPv4 parses four decimal labels 0-255 as an IPv4 address.
func dottedIPv4(labels []string) (string, bool) {
	var b [4]byte
	for i, l := range labels {
		if l == "" || len(l) > 3 || !isDigits(l) {
			return "", false
		}
		n := 0
		for j := 0; j < len(l); j++ {
			n = n*10 + int(l[j]-'0')
		}
		if n > 255 {
			return "", false
		}
		b[i] = byte(n)
	}
	return netip.AddrFrom4(b).String(), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// normalizeDomainPattern brings a domain pattern to the form hosts are
// normalised to: lower case, no trailing dot, IDNA labels in punycode
// ("*.bücher.example" is "*.xn--bcher-kva.example") and IP literals in
// canonical form. Labels with glob characters are left as written.
func normalizeDomainPattern(p string) string {
	p = strings.TrimRight(strings.ToLower(p), ".")
	if !HasGlobMeta(p) {
		return normalizeHost(p)
	}
	if isASCII(p) {
		return p
	}
	p = otherDots.Get().Replace(p)
	labels := strings.Split(p, ".")
	for i, l := range labels {
		if !isASCII(l) && !HasGlobMeta(l) {
			labels[i] = toASCII(l)
		}
	}
	return strings.Join(labels, ".")
}
