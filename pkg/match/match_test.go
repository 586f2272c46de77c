package match

import (
	"slices"
	"strings"
	"testing"
)

func TestCleanPath(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	tests := []struct{ in, want string }{
		{"~/.ssh/id_rsa", "/home/u/.ssh/id_rsa"},
		{"$HOME/.aws/credentials", "/home/u/.aws/credentials"},
		{"${HOME}/.aws/credentials", "/home/u/.aws/credentials"},
		{"$PWD/s.sh", "/home/u/p/s.sh"},
		{"${PWD}/../x", "/home/u/x"},
		{"$PWD", "/home/u/p"},
		{"~", "/home/u"},
		{"../../../etc/passwd", "/etc/passwd"},
		{"./build", "/home/u/p/build"},
		{"build/", "/home/u/p/build"},
		{"/etc//passwd", "/etc/passwd"},
		{"/tmp/./x/../y", "/tmp/y"},
		{"/", "/"},
		{"//", "/"},
		{"..", "/home/u"},
		{"~u/.ssh", "/home/u/.ssh"},
		{"~root/.ssh/id_rsa", "/root/.ssh/id_rsa"},
		{"~other/../u/.gnupg", "/home/u/.gnupg"},
		{"~other", "/home/other"},
		// a Windows path from a drive's root, as WSL sees the file
		{`C:\Users\dev\.ssh\id_rsa`, "/mnt/c/Users/dev/.ssh/id_rsa"},
		{`d:/work/app/../secrets`, "/mnt/d/work/secrets"},
		{`\\?\C:\Windows\System32\config\SAM`, "/mnt/c/Windows/System32/config/SAM"},
		{`C:notes.txt`, "/home/u/p/C:notes.txt"},
		{`1:\x`, `/home/u/p/1:\x`},
	}
	for _, tt := range tests {
		if got := CleanPath(tt.in, cwd, home); got != tt.want {
			t.Errorf("CleanPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPathPattern(t *testing.T) {
	const home, cwd = "/home/u", "/work/app"
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"~/.ssh/**", "/home/u/.ssh/id_rsa", true},
		{"~/.ssh/**", "/home/other/.ssh/id_rsa", true}, // other accounts' homes too
		{"~/.ssh/**", "/root/.ssh/id_rsa", true},
		{"~/.ssh/**", "/Users/bob/.ssh/id_ed25519", true},
		{"~/.ssh/**", "/var/root/.ssh/id_rsa", true},
		{"~/.ssh/**", "/home/other/src/.ssh/id_rsa", false},
		{"~/.ssh/**", "/srv/home/other/.ssh/id_rsa", false},
		{"~/.ssh/**", "/nfs/home/carol/.ssh/id_rsa", true},
		{"~/.ssh/**", "/net/fs01/home/carol/.ssh/id_rsa", true},
		{"~/.ssh/**", "/var/home/alice/.ssh/id_rsa", true},
		{"~/.ssh/**", "/homes/alice/.ssh/id_rsa", true},
		{"~/.ssh/**", "/home2/alice/.ssh/id_rsa", true},
		{"~/.ssh/**", "/net/fs01/exports/.ssh/id_rsa", false},
		{"~/.ssh/**", "/rootfs/.ssh/id_rsa", false},
		{"~/.ssh/*.pub", "/home/u/.ssh/id_rsa.pub", true},
		{"~/.ssh/*.pub", "/home/u/.ssh/keys/id_rsa.pub", false},
		{"~", "/home/u", true},
		{"~", "/home/user2", true},
		{"~", "/home", false},
		{"**/.env", "/work/app/.env", true},
		{"**/.env", "/.env", true},
		{"**/.env", "/work/app/.env.example", false},
		{"*.pem", "/srv/tls/site.pem", true},
		{"id_rsa", "/tmp/id_rsa", true},
		{"id_rsa", "/tmp/id_rsa.pub", false},
		{"/etc/**", "/etc/cron.d/x", true},
		{"/etc/*", "/etc/cron.d/x", false},
		{"/etc/", "/etc/cron.d/x", true},
		{"./**", "/work/app/src/main.go", true},
		{"./**", "/work/apple/x", false},
		{"/dev/{sd,nvme}*", "/dev/sda", true},
	}
	for _, tt := range tests {
		pp, err := CompilePath(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := pp.Match(tt.path, home, cwd); got != tt.want {
			t.Errorf("CompilePath(%q).Match(%q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct{ in, host, scheme string }{
		{"https://X.NGROK.io./a", "x.ngrok.io", "https"},
		{"HTTP://user:pw@Example.com:8080/x", "example.com", "http"},
		{"evil.example/x", "evil.example", "http"},
		{"http://2852039166/latest", "169.254.169.254", "http"},
		{"http://0xA9FEA9FE/", "169.254.169.254", "http"},
		{"http://0251.0376.0251.0376/", "169.254.169.254", "http"},
		{"http://[::ffff:169.254.169.254]/", "169.254.169.254", "http"},
		{"http://[fd00:ec2::254]/", "fd00:ec2::254", "http"},
		{"http://169.254.169.254\\@good.com/", "169.254.169.254", "http"},
		// a special scheme's slashes, any number of either kind (WHATWG)
		{"http:/169.254.169.254/latest", "169.254.169.254", "http"},
		{"http:\\\\169.254.169.254\\latest", "169.254.169.254", "http"},
		{"HTTP:///169.254.169.254/", "169.254.169.254", "http"},
		{"https:///nohost", "nohost", "https"},
		{"https:169.254.169.254/latest", "169.254.169.254", "https"},
	}
	for _, tt := range tests {
		u, ok := ParseURL(tt.in)
		if !ok || u.Host != tt.host || u.Scheme != tt.scheme {
			t.Errorf("ParseURL(%q) = %+v, %v; want host %q scheme %q", tt.in, u, ok, tt.host, tt.scheme)
		}
	}
	for _, in := range []string{"https:///", "http://", "http:/"} {
		if _, ok := ParseURL(in); ok {
			t.Errorf("ParseURL(%q) with no host reported ok", in)
		}
	}
	if got := EmbeddedIPs("make-169.254.169.254-rebind-127.0.0.1-rr.1u.ms"); !slices.Equal(got, []string{"169.254.169.254", "127.0.0.1"}) {
		t.Errorf("EmbeddedIPs(1u.ms name) = %v", got)
	}
	if got := EmbeddedIPs("7f000001.a9fea9fe.rbndr.us"); !slices.Equal(got, []string{"127.0.0.1", "169.254.169.254"}) {
		t.Errorf("EmbeddedIPs(rbndr name) = %v", got)
	}
	if got := EmbeddedIPs("169.254.169.254.example.com"); len(got) != 0 {
		t.Errorf("EmbeddedIPs(one address under an ordinary domain) = %v", got)
	}
	if got := EmbeddedIPs("api.example.com"); len(got) != 0 {
		t.Errorf("EmbeddedIPs(api.example.com) = %v", got)
	}
}

func TestDomainPattern(t *testing.T) {
	dp, _ := CompileDomain("*.ngrok.io")
	for host, want := range map[string]bool{"a.ngrok.io": true, "a.b.ngrok.io": true, "ngrok.io": false, "evilngrok.io": false} {
		if got := dp.Match(host); got != want {
			t.Errorf("*.ngrok.io Match(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestCommandPattern(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	argv := func(name string, args ...string) *Argv { a := NewArgv(name, name, args, cwd, home); return &a }
	tests := []struct {
		pattern string
		cmd     *Argv
		want    bool
	}{
		{"rm -rf /", argv("rm", "-rf", "/"), true},
		{"rm -rf /", argv("rm", "-fr", "/"), true},
		{"rm -rf /", argv("rm", "-r", "-f", "/"), true},
		{"rm -rf /", argv("rm", "--recursive", "--force", "/"), true},
		{"rm -rf /", argv("rm", "-R", "-f", "/"), true},
		{"rm -rf /", argv("rm", "-rfv", "/tmp/x", "/"), true},
		{"rm -rf /", argv("rm", "-rf", "//"), true},
		{"rm -rf /", argv("rm", "-rf", "./build"), false},
		{"rm -rf /", argv("rm", "-f", "/"), false},
		{"rm -r ~", argv("rm", "-rf", "$HOME/"), true},
		{"rm -r ~", argv("rm", "-rf", ".."), true},
		{"rm -r ~", argv("rm", "-rf", "node_modules"), false},
		{"rm -rf *", argv("rm", "-rf", "anything"), true},
		{"git push -f", argv("git", "push", "--force", "origin", "main"), true},
		{"git push -f", argv("git", "push", "origin", "main"), false},
		{"git push * +*", argv("git", "push", "origin", "+main"), true},
		{"kubectl * --context kind-*", argv("kubectl", "--context=kind-dev", "delete", "pod", "x"), true},
		{"kubectl * --context kind-*", argv("kubectl", "delete", "pod", "x", "--context", "kind-dev"), true},
		{"kubectl * --context kind-*", argv("kubectl", "--context=prod-eu", "delete", "pod", "x"), false},
		{"git checkout --", argv("git", "checkout", "--", "file"), true},
		{"git checkout --", argv("git", "checkout", "main"), false},
		{"git status", argv("git", "status", "-s"), true},
		{"git status", argv("git", "commit", "-m", "x"), false},
		{"{curl,wget} *", argv("wget", "x"), true},
		{"/bin/rm *", argv("rm"), false},
		{"base64 -d", argv("base64", "--decode"), true},
	}
	for _, tt := range tests {
		cp, err := CompileCommand(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		if got := cp.Match(tt.cmd, home); got != tt.want {
			t.Errorf("CompileCommand(%q).Match(%q) = %v, want %v", tt.pattern, tt.cmd.String(), got, tt.want)
		}
	}
}

// TestPipelineStagesPassedByName holds matchPipeline, which passes over a
// stage whose program is not one of a stage pattern's names without
// trying it, to trying every stage in turn, for patterns whose stages
// are names, globs, paths and lazily compiled, and pipelines of many
// stages, each compiled eagerly and lazily.
func TestPipelineStagesPassedByName(t *testing.T) {
	patterns := []string{
		"{curl,wget} * | {sh,bash}", "curl | sh", "* | sh", "py* | bash", "/usr/bin/curl * | sh", "cat * | {sh,bash} -s",
		"curl * | tee * | bash", "{curl,wget} | * | sh", "grep * | sed * | sh",
	}
	lines := [][]string{
		{"curl -s x", "sh"}, {"wget y", "tee z", "bash"}, {"cat f", "sh"}, {"cat f", "grep x", "sed s", "sort", "bash -s"},
		{"/usr/bin/curl x", "tee f", "sh"}, {"python3 x", "bash"}, {"curl x", "grep y", "tee z", "sed q", "bash"},
		{"ls", "sort", "uniq -c", "head", "wc -l"}, {"bash", "curl"}, {"curl", "ssh h"}, {"grep a", "sed b", "awk c", "sh"},
	}
	argv := func(line string) *Argv {
		w := strings.Fields(line)
		a := NewArgv(w[0][strings.LastIndexByte(w[0], '/')+1:], w[0], w[1:], "/", "/home/u")
		return &a
	}
	tried := 0
	for _, src := range patterns {
		for _, c := range []Compiler{{}, {Lazy: true}} {
			cp, err := c.Command(src)
			if err != nil {
				t.Fatalf("%q: %v", src, err)
			}
			for _, line := range lines {
				var stages []*Argv
				for _, s := range line {
					stages = append(stages, argv(s))
				}
				want := false
				if full := cp.compiled(); full.IsPipeline() {
					i := 0
					for _, st := range stages {
						if i < len(full.stages) && full.stages[i].Match(st, "/home/u") {
							i++
						}
					}
					want = i == len(full.stages)
				}
				if got := cp.MatchPipeline(stages, "/home/u"); got != want {
					t.Errorf("%q (lazy %v) on %q: %v, every stage tried %v", src, c.Lazy, line, got, want)
				}
				if want {
					tried++
				}
			}
		}
	}
	if tried == 0 {
		t.Fatalf("no pipeline matched: the test tests nothing")
	}
}

func TestPipelinePattern(t *testing.T) {
	cp, err := CompileCommand("{curl,wget} * | {sh,bash}")
	if err != nil {
		t.Fatal(err)
	}
	a := func(n string) *Argv { x := NewArgv(n, n, nil, "/", "/home/u"); return &x }
	if !cp.MatchPipeline([]*Argv{a("curl"), a("tee"), a("bash")}, "") {
		t.Errorf("curl | tee | bash not matched")
	}
	if cp.MatchPipeline([]*Argv{a("curl"), a("ssh")}, "") {
		t.Errorf("curl | ssh matched")
	}
	if cp.MatchPipeline([]*Argv{a("bash"), a("curl")}, "") {
		t.Errorf("bash | curl matched")
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	pp, _ := CompilePath("~/.ssh/**")
	dp, _ := CompileDomain("*.ngrok.io")
	allocs := testing.AllocsPerRun(100, func() {
		p := CleanPath("/home/u/.ssh/id_rsa", "/", "/home/u")
		pp.Match(p, "/home/u", "/")
		u, _ := ParseURL("https://x.ngrok.io/a")
		dp.Match(u.Host)
	})
	if allocs != 0 {
		t.Errorf("glob path allocates %v times per call, want 0", allocs)
	}
}

func TestDoubleStarPrefix(t *testing.T) {
	for _, c := range []Compiler{{}, {Lazy: true}} {
		pp, err := c.Path("**/*.key")
		if err != nil {
			t.Fatal(err)
		}
		for p, want := range map[string]bool{"/a/b.key": true, "/b.key": true, "/a/b.keys": false} {
			if got := pp.Match(p, "/home/u", "/"); got != want {
				t.Errorf("lazy=%v: **/*.key Match(%q) = %v, want %v", c.Lazy, p, got, want)
			}
		}
	}
}

func TestLazyBadGlobMatchesNothing(t *testing.T) {
	g, err := Compiler{Lazy: true}.Text("[unclosed")
	if err != nil {
		t.Fatalf("lazy compile checked syntax: %v", err)
	}
	if g.Match("[unclosed") {
		t.Errorf("an invalid lazy glob matched")
	}
	if _, err := CompileText("[unclosed"); err == nil {
		t.Errorf("eager compile accepted a bad glob")
	}
}
