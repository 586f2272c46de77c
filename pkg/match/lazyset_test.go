package match

import (
	"strings"
	"testing"
)

// TestLazySetsMatchAsEager checks that a lazy command or path set decides
// every command, pipeline, statement and path as the eagerly compiled set
// of the same patterns does.
func TestLazySetsMatchAsEager(t *testing.T) {
	const home, cwd = "/home/u", "/home/u/p"
	commands := []string{
		"rm -rf /", "rm -rf ~", "{curl,wget} *", "curl * | sh", "{curl,wget} * | {sh,bash}",
		"*/evil *", "/usr/bin/sudo *", "sudo*", "git push --force", "git push -f origin main",
		`"my prog" x`, "a,b run", "DROP TABLE *", "  leading space", "kill -9 -1", "[r]m -f *",
	}
	var eager []*CommandPattern
	for _, src := range commands {
		cp, err := CompileCommand(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		eager = append(eager, cp)
	}
	e, l := NewCommandSet(eager), LazyCommandSet(commands)
	if e.Len() != l.Len() || strings.Join(l.Sources(), "\n") != strings.Join(e.Sources(), "\n") {
		t.Fatalf("lazy set has %d patterns %q, eager %d %q", l.Len(), l.Sources(), e.Len(), e.Sources())
	}
	argv := func(line string) *Argv {
		w := strings.Fields(line)
		name := w[0][strings.LastIndexByte(w[0], '/')+1:]
		a := NewArgv(name, w[0], w[1:], cwd, home)
		return &a
	}
	lines := []string{
		"rm -fr /", "rm -r -f /home/u", "rm x", "curl -s http://x", "wget y", "/opt/evil now", "/usr/bin/sudo ls",
		"sudoedit f", "git push --force", "git push origin main -f", "my prog x", "a,b run", "rm -f x", "kill -9 -1", "ls",
		"git status", "git -C dir push --force", "git push", "git --force", "rm -rf /tmp", "git push -- --force",
	}
	for _, line := range lines {
		a := argv(line)
		if got, want := l.MatchArgv(a, home), e.MatchArgv(a, home); got != want {
			t.Errorf("%q: lazy %v, eager %v", line, got, want)
		}
	}
	for _, p := range [][]string{{"curl -s x", "sh"}, {"wget y", "tee z", "bash"}, {"cat f", "sh"}} {
		var stages []*Argv
		for _, s := range p {
			stages = append(stages, argv(s))
		}
		if got, want := l.MatchPipeline(stages, home), e.MatchPipeline(stages, home); got != want {
			t.Errorf("pipeline %q: lazy %v, eager %v", p, got, want)
		}
	}
	for _, sql := range []string{"DROP TABLE users", "SELECT 1"} {
		if got, want := l.MatchText(sql), e.MatchText(sql); got != want {
			t.Errorf("statement %q: lazy %v, eager %v", sql, got, want)
		}
	}

	paths := []string{"~/.ssh/**", "*.pem", "./secrets/**", "/etc/shadow", "**/.env", "/var/log/", "id_rsa", "$HOME/.aws/*"}
	var eagerPaths []PathPattern
	for _, src := range paths {
		pp, err := CompilePath(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		eagerPaths = append(eagerPaths, pp)
	}
	ep, lp := NewPathSet(eagerPaths), LazyPathSet(paths)
	if ep.Len() != lp.Len() || strings.Join(lp.Sources(), "\n") != strings.Join(ep.Sources(), "\n") {
		t.Fatalf("lazy path set %q, eager %q", lp.Sources(), ep.Sources())
	}
	for _, p := range []string{"/home/u/.ssh/id_rsa", "/home/bob/.ssh/config", "/srv/site.pem", "/home/u/p/secrets/a", "/x/.env", "/.env",
		"/var/log", "/var/log/syslog", "/a/id_rsa", "/home/u/.aws/credentials", "/etc/passwd", "/HOME/U/.SSH/ID_RSA"} {
		if got, want := lp.Match(p, home, cwd), ep.Match(p, home, cwd); got != want {
			t.Errorf("path %q: lazy %v, eager %v", p, got, want)
		}
		if got, want := lp.Folded().Match(FoldPath(p), FoldPath(home), FoldPath(cwd)), ep.Folded().Match(FoldPath(p), FoldPath(home), FoldPath(cwd)); got != want {
			t.Errorf("folded path %q: lazy %v, eager %v", p, got, want)
		}
	}

	for _, d := range []string{"*.Example.COM.", "bücher.example", "[::1]"} {
		eg, err := CompileDomain(d)
		if err != nil {
			t.Fatal(err)
		}
		lg, _ := Compiler{Lazy: true}.Domain(d)
		for _, host := range []string{"a.example.com", "xn--bcher-kva.example", "::1", "example.com"} {
			if got, want := lg.Match(host), eg.Match(host); got != want {
				t.Errorf("domain %q on %q: lazy %v, eager %v", d, host, got, want)
			}
		}
		if lg.String() != eg.String() {
			t.Errorf("domain %q: lazy source %q, eager %q", d, lg.String(), eg.String())
		}
	}
}

// TestLazyCommandSetCompilesOnlyWhatIsAsked checks that asking about one
// program compiles only the patterns that name it and the simple ones no
// name indexes, and that the pipelines are compiled when they are asked
// for.
func TestLazyCommandSetCompilesOnlyWhatIsAsked(t *testing.T) {
	s := LazyCommandSet([]string{"rm -rf /", "git push --force", "{curl,wget} *", "*/evil *", "curl * | sh"})
	compiled := func() int {
		n := 0
		for _, cp := range s.lazy.compiled {
			if cp != nil {
				n++
			}
		}
		return n
	}
	s.For("git")
	if n := compiled(); n != 1 { // */evil; git push waits for a command
		t.Errorf("%d patterns compiled for git, want 1", n)
	}
	status := NewArgv("git", "git", []string{"status"}, "/", "/home/u")
	if s.MatchArgv(&status, "/home/u") {
		t.Error("git status matched")
	}
	if n := compiled(); n != 1 { // git push names a word git status lacks
		t.Errorf("%d patterns compiled after git status, want 1", n)
	}
	push := NewArgv("git", "git", []string{"push", "--force"}, "/", "/home/u")
	if !s.MatchArgv(&push, "/home/u") {
		t.Error("git push --force did not match")
	}
	if n := compiled(); n != 2 {
		t.Errorf("%d patterns compiled after git push --force, want 2", n)
	}
	if ps := s.Pipelines(); len(ps) != 1 || ps[0].String() != "curl * | sh" {
		t.Errorf("Pipelines() = %v, want the one pipeline", ps)
	}
	if n := compiled(); n != 3 {
		t.Errorf("%d patterns compiled after Pipelines, want 3", n)
	}
}

// TestMayHaveWords checks the literal words a pattern's source requires
// against what its compiled pattern decides: whenever mayHaveWords rules
// a command out, the compiled pattern does not match it.
func TestMayHaveWords(t *testing.T) {
	const home = "/home/u"
	srcs := []string{
		"git push --force", "git push * +*", "git stash {drop,clear}", "git -C * push", "git reset --hard",
		"git", "git checkout -- .", "git update-ref refs/heads/*", "rm -rf ~", "rm -rf /etc", "kubectl delete ns *",
		"git push 'my remote'", "git -*f* push", "git\tpush\t-f", "git  push  ", "git ~/x push", "git $HOME push",
		"docker run --privileged *", "npm publish", "git gc --prune=*", "git éé", "git a\\b",
	}
	lines := [][]string{
		{"status"}, {"push"}, {"push", "--force"}, {"-C", "dir", "push", "-f"}, {"stash", "drop"}, {"reset", "--hard"},
		{"checkout", "--", "."}, {"update-ref", "refs/heads/main"}, {"-rf", "/home/u"}, {"-rf", "/etc"},
		{"delete", "ns", "x"}, {"push", "my remote"}, {"-xfx", "push"}, {"publish"}, {"run", "--privileged", "x"},
		{"gc", "--prune=now"}, {"éé"}, {"a\\b"}, {"--context=push"}, {"--", "push"}, {},
	}
	for _, src := range srcs {
		cp, err := CompileCommand(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		for _, args := range lines {
			a := NewArgv(cp.names[0], cp.names[0], args, "/home/u/p", home)
			if !mayHaveWords(src, a.Positional) && cp.Match(&a, home) {
				t.Errorf("%q ruled out %q, which it matches", src, args)
			}
		}
	}
	a := NewArgv("git", "git", []string{"status"}, "/", home)
	for src, want := range map[string]bool{"git push --force": false, "git stash {drop,clear}": false, "git {status,log} *": true, "git": true, "git status -s": true} {
		if got := mayHaveWords(src, a.Positional); got != want {
			t.Errorf("mayHaveWords(%q, git status) = %v, want %v", src, got, want)
		}
	}
}

// TestLazySetsConcurrent asks a lazy set about several programs at once,
// as a server's concurrent decisions do (run with -race).
func TestLazySetsConcurrent(t *testing.T) {
	s := LazyCommandSet([]string{"rm -rf /", "git push --force", "{curl,wget} *", "*/evil *", "curl * | sh"})
	ps := LazyPathSet([]string{"~/.ssh/**", "*.pem"})
	done := make(chan bool)
	for i := range 8 {
		go func() {
			name := []string{"rm", "git", "curl", "wget"}[i%4]
			a := NewArgv(name, name, []string{"-rf", "/"}, "/", "/home/u")
			stage := NewArgv("sh", "sh", nil, "/", "/home/u")
			ok := s.MatchArgv(&a, "/home/u") == (name == "rm" || name == "curl" || name == "wget")
			ok = ok && s.MatchPipeline([]*Argv{&a, &stage}, "/home/u") == (name == "curl")
			ok = ok && ps.Match("/home/u/.ssh/id_rsa", "/home/u", "/") && s.Len() == 5
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("a concurrent match disagreed")
		}
	}
}
