package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Example.COM.", "example.com"},
		{"example.com..", "example.com"},
		{"%31%36%39.254.169.254", "169.254.169.254"},
		{"%6d%65%74%61%64%61%74%61.google.internal", "metadata.google.internal"},
		{"%2531%2536%2539.254.169.254", "169.254.169.254"}, // decoded to a fixed point
		{"100%", "100%"}, // not an escape: kept
		{"a%zz.com", "a%zz.com"},
		{"[fd00:ec2::254]", "fd00:ec2::254"},
		{"fe80::1%eth0", "fe80::1"},
		{"fe80::1%25eth0", "fe80::1"},
		{"FD00:EC2:0:0:0:0:0:254", "fd00:ec2::254"},
		{"::ffff:a9fe:a9fe", "169.254.169.254"},
		{"2852039166", "169.254.169.254"},
		{"0xa9.0xfe.0xa9.0xfe", "169.254.169.254"},
		{"0251.0376.0251.0376", "169.254.169.254"},
		{"169.254.43518", "169.254.169.254"},
		{"ｍｅｔａｄａｔａ．ｇｏｏｇｌｅ．ｉｎｔｅｒｎａｌ", "metadata.google.internal"},
		{"metadata。google。internal", "metadata.google.internal"},
		{"metadata｡google｡internal", "metadata.google.internal"},
		{"１６９．２５４．１６９．２５４", "169.254.169.254"},
		{"x.NGROK．io．", "x.ngrok.io"},
		{"bücher.example", "xn--bcher-kva.example"},
		{"BÜCHER.example", "xn--bcher-kva.example"},
		{"xn--bcher-kva.example", "xn--bcher-kva.example"},
		{"my_host.internal", "my_host.internal"},
		{"", ""},
		{".", ""},
	}
	for _, tt := range tests {
		if got := NormalizeHost(tt.in); got != tt.want {
			t.Errorf("NormalizeHost(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := NormalizeHost(tt.want); got != tt.want {
			t.Errorf("NormalizeHost(%q) = %q, not idempotent", tt.want, got)
		}
	}
}

func TestParseURLHosts(t *testing.T) {
	tests := []struct{ in, host, ip string }{
		{"http://%31%36%39.254.169.254/latest/meta-data/", "169.254.169.254", ""},
		{"http://[fe80::1%25eth0]:80/", "fe80::1", ""},
		{"http://[fd00:ec2::254%25en0]/latest", "fd00:ec2::254", ""},
		{"https://ｘ．ｎｇｒｏｋ．ｉｏ/c", "x.ngrok.io", ""},
		{"http://metadata.google.internal./computeMetadata/v1/", "metadata.google.internal", ""},
		{"http://169.254.169.254.nip.io/latest/meta-data/", "169.254.169.254.nip.io", "169.254.169.254"},
		{"http://app.169.254.169.254.nip.io/", "app.169.254.169.254.nip.io", "169.254.169.254"},
		{"http://a9fea9fe.nip.io/", "a9fea9fe.nip.io", "169.254.169.254"},
		{"http://app-A9FEA9FE.nip.io/", "app-a9fea9fe.nip.io", "169.254.169.254"},
		{"http://169-254-169-254.sslip.io/", "169-254-169-254.sslip.io", "169.254.169.254"},
		{"http://www-169-254-170-2.sslip.io/v2/credentials", "www-169-254-170-2.sslip.io", "169.254.170.2"},
		{"http://fd00-ec2--254.sslip.io/", "fd00-ec2--254.sslip.io", "fd00:ec2::254"},
		{"http://--1.sslip.io/", "--1.sslip.io", "::1"},
		{"http://100.100.100.200.xip.io/", "100.100.100.200.xip.io", "100.100.100.200"},
		{"http://10-0-0-1.traefik.me/", "10-0-0-1.traefik.me", "10.0.0.1"},
		{"http://anything.localtest.me:8080/", "anything.localtest.me", "127.0.0.1"},
		{"http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe", "169.254.169.254"},
		{"http://nip.io/", "nip.io", ""},
		{"http://www.nip.io/", "www.nip.io", ""},
		{"http://300.1.1.1.nip.io/", "300.1.1.1.nip.io", ""},
		{"https://github.com/x", "github.com", ""},
	}
	for _, tt := range tests {
		u, ok := ParseURL(tt.in)
		if !ok || u.Host != tt.host || u.IPHost != tt.ip {
			t.Errorf("ParseURL(%q) = host %q ip %q (ok %v), want host %q ip %q", tt.in, u.Host, u.IPHost, ok, tt.host, tt.ip)
		}
	}
}

func TestDomainPatternNormalised(t *testing.T) {
	tests := []struct {
		pattern, host string
		want          bool
	}{
		{"*.bücher.example", "shop.xn--bcher-kva.example", true},
		{"bücher.example", NormalizeHost("BÜCHER.example."), true},
		{"*.xn--bcher-kva.example", NormalizeHost("a.bücher.example"), true},
		{"FD00:EC2:0::254", "fd00:ec2::254", true},
		{"Metadata.Google.Internal.", "metadata.google.internal", true},
	}
	for _, tt := range tests {
		dp, err := CompileDomain(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := dp.Match(tt.host); got != tt.want {
			t.Errorf("CompileDomain(%q).Match(%q) = %v, want %v", tt.pattern, tt.host, got, tt.want)
		}
	}
}

func TestHostNormalisingDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		u, _ := ParseURL("https://api.github.com/repos/x")
		_ = EmbeddedIP(u.Host)
		NormalizeHost("registry.npmjs.org")
	})
	if allocs != 0 {
		t.Errorf("normalising a plain host allocates %v times, want 0", allocs)
	}
}

// FuzzNormalizeHost checks that host normalisation never panics, is
// idempotent, and that ParseURL's host is already normal.
func FuzzNormalizeHost(f *testing.F) {
	for _, s := range []string{
		"example.com", "%31%36%39.254.169.254", "[fe80::1%25eth0]", "ｍｅｔａｄａｔａ．ｇｏｏｇｌｅ．ｉｎｔｅｒｎａｌ",
		"bücher.example", "xn--bcher-kva.example", "0xA9FEA9FE", "169.254.169.254.nip.io", "a9fea9fe.nip.io",
		"fd00-ec2--254.sslip.io", "64:ff9b::a9fe:a9fe", "http://user@[::1]:80/x", "%2525%32%35", "xn--", "a。b",
		"http:/169.254.169.254/x", "http:\\\\a\\b", "a9fea9fe.7f000001.rbndr.us", "make-1.2.3.4-rebind-5.6.7.8-rr.1u.ms",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeHost(s)
		if again := NormalizeHost(n); again != n {
			t.Errorf("NormalizeHost(%q) = %q, but NormalizeHost(%q) = %q", s, n, n, again)
		}
		EmbeddedIP(n)
		if ips := EmbeddedIPs(n); len(ips) > maxEmbeddedIPs {
			t.Errorf("EmbeddedIPs(%q) = %d addresses", n, len(ips))
		}
		u, ok := ParseURL(s)
		if ok {
			if again := NormalizeHost(u.Host); again != u.Host {
				t.Errorf("ParseURL(%q).Host = %q, but NormalizeHost of it = %q", s, u.Host, again)
			}
			if u.IPHost != "" && NormalizeHost(u.IPHost) != u.IPHost {
				t.Errorf("ParseURL(%q).IPHost = %q is not normal", s, u.IPHost)
			}
		}
		if utf8.ValidString(s) && !strings.ContainsAny(s, "*?[]{}\\") && !strings.ContainsRune(n, 0) { // a NUL, however spelled, is refused in any pattern
			if _, err := CompileDomain(s); err != nil {
				t.Errorf("CompileDomain(%q): %v", s, err)
			}
		}
	})
}
