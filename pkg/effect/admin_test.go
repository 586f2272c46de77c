package effect

import "testing"

// Windows' component store, certificate stores and lasting environment
// (catalog.txt's dism, certutil and setx) are the host's administration;
// looking at them is not.
func TestWindowsStoresAdmin(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{`dism /online /disable-feature /featurename:Windows-Defender`, true},
		{`dism.exe /Online /Add-Capability /CapabilityName:OpenSSH.Server`, true},
		{`dism /online /get-features /format:table`, false},
		{`certutil -addstore -f Root ca.crt`, true},
		{`certutil -user -addstore Root ca.crt`, true},
		{`certutil -d sql:/home/dev/.pki/nssdb -A -t C,, -n ca -i ca.crt`, true},
		{`certutil -hashfile setup.exe SHA256`, false},
		{`setx PATH C:/devtools/bin`, true},
		{`setx.exe /M PATH C:/bin`, true},
	} {
		got := false
		for _, e := range effectsOf(c.line) {
			got = got || e.Kind == Admin
		}
		if got != c.want {
			t.Errorf("%q: admin %v, want %v", c.line, got, c.want)
		}
	}
}

func TestInWordList(t *testing.T) {
	list := "-A,add,--add-*"
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"-A", true}, {"add", true}, {"--add-port=8080/tcp", true}, {"--add-port", true},
		{"-L", false}, {"address", false}, {"--list-all", false}, {"", false},
	} {
		if got := inWordList(list, c.w); got != c.want {
			t.Errorf("inWordList(%q, %q) = %v, want %v", list, c.w, got, c.want)
		}
	}
}
