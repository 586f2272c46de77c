package match

import "testing"

func TestFileURIPath(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"file:///home/dev/x", "/home/dev/x", true},
		{"FILE:///home/dev/x", "/home/dev/x", true},
		{"file:/home/dev/x", "/home/dev/x", true},
		{"file://localhost/home/dev/x", "/home/dev/x", true},
		{"view-source:file:///home/dev/x", "/home/dev/x", true},
		{"file:///home/dev/%2Essh/id_rsa", "/home/dev/.ssh/id_rsa", true},
		{"file:///home/dev/x?raw#top", "/home/dev/x", true},
		{"file://fileserver/share/x", "", false},
		{"file:relative", "", false},
		{"https://example.com/file:///x", "", false},
		{"profile:/x", "", false},
	} {
		got, ok := FileURIPath(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("FileURIPath(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
