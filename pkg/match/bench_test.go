package match

import "testing"

// BenchmarkParseURL times URL and host normalisation for hosts as they
// usually come (plain) and as they come from someone hiding one.
func BenchmarkParseURL(b *testing.B) {
	for _, bc := range []struct{ name, url string }{
		{"plain", "https://registry.npmjs.org/left-pad"},
		{"nip-io", "http://169.254.169.254.nip.io/latest/meta-data/"},
		{"percent", "http://%31%36%39.254.169.254/latest/"},
		{"full-width", "http://ｍｅｔａｄａｔａ．ｇｏｏｇｌｅ．ｉｎｔｅｒｎａｌ/"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseURL(bc.url)
			}
		})
	}
}

// BenchmarkPathSet times a set of home and absolute patterns against a
// path in the user's home, another account's home, and elsewhere.
func BenchmarkPathSet(b *testing.B) {
	var ps []PathPattern
	for _, src := range []string{"~/.ssh/**", "~/.aws/credentials", "~/.kube/**", "/etc/shadow", "**/.env", "*.pem", "./**"} {
		p, err := CompilePath(src)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	set := NewPathSet(ps)
	for _, bc := range []struct{ name, path string }{
		{"own-home", "/home/u/src/app/main.go"},
		{"other-home", "/home/alice/src/app/main.go"},
		{"elsewhere", "/usr/share/doc/x/README"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				set.Match(bc.path, "/home/u", "/home/u/p")
			}
		})
	}
}
