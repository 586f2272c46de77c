package decide

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rampart.dev/pkg/call"
)

// A call made again is answered as the engine would answer it now: a link
// re-pointed, a file made private, or a directory put in a path's way
// between two identical calls changes the second decision.
func TestMemoSeesTheFileSystemChange(t *testing.T) {
	for _, raw := range []bool{false, true} {
		t.Run("raw="+strconv.FormatBool(raw), func(t *testing.T) { testMemoSeesChange(t, raw) })
	}
}

func testMemoSeesChange(t *testing.T, raw bool) {
	dir, userHome, proj := symlinks(t)
	realHome := filepath.Join(dir, "real-home")
	p := open(t, Config{UserHome: userHome, RawLookups: raw})
	read := func(path string) call.Call {
		return call.Call{Tool: call.ToolMCP, Cwd: proj, Params: call.Params{"server": "fs", "tool": "read_text_file", "arguments": map[string]any{"path": path}}}
	}
	decide := func(what string, c call.Call, want call.Action) {
		t.Helper()
		for i := range 3 { // the first evaluated, the others from the memo
			if d := p.Decide(c); d.Decision != want {
				t.Fatalf("%s (call %d): Decide = %v (%s), want %v", what, i+1, d.Decision, d.Message, want)
			}
		}
	}
	notes := filepath.Join(proj, "notes.txt")
	if err := os.WriteFile(filepath.Join(proj, "plain.txt"), []byte("hello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("plain.txt", notes); err != nil {
		t.Fatal(err)
	}
	decide("a link to a plain file", read(notes), call.Allow)

	// The same call, the link now leading to the SSH key.
	if err := os.Remove(notes); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(realHome, ".ssh", "id_rsa"), notes); err != nil {
		t.Fatal(err)
	}
	decide("the link re-pointed at a key", read(notes), call.Deny)

	// A directory on the way replaced by a link into the home.
	sub := filepath.Join(proj, "conf")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	decide("a missing file in a directory", read(filepath.Join(sub, "notes.md")), call.Allow)
	if err := os.Remove(sub); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(realHome, ".ssh"), sub); err != nil {
		t.Fatal(err)
	}
	decide("the directory now a link to ~/.ssh", read(filepath.Join(sub, "notes.md")), call.Deny)

	// A setting nobody reviewed, then made private.
	dog := filepath.Join(realHome, ".dogrc")
	if err := os.WriteFile(dog, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dog, 0o644); err != nil {
		t.Fatal(err)
	}
	rd := call.Call{Tool: call.ToolRead, Cwd: proj, Params: call.Params{"path": "~/.dogrc"}}
	decide("a setting others may read", rd, call.RequireApproval)
	if err := os.Chmod(dog, 0o600); err != nil {
		t.Fatal(err)
	}
	decide("the setting made private", rd, call.Deny)
}

// Calls that differ anywhere have keys of their own, and a key spells
// only what JSON decodes to.
func TestMemoKey(t *testing.T) {
	key := func(c call.Call) (string, bool) {
		b, ok := appendMemoKey(nil, &c)
		return string(b), ok
	}
	base := call.Call{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": 1.0, "l": []any{"x", true, nil}}}}
	variants := []call.Call{
		base,
		{Tool: "mcp", Cwd: "/q", Params: base.Params},
		{Tool: "mcp", Cwd: "/p", Agent: "a", Params: base.Params},
		{Tool: "mcp", Cwd: "/p", Session: "s", Params: base.Params},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": 2.0, "l": []any{"x", true, nil}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": 1.0, "l": []any{"x", false, nil}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": 1.0, "l": []any{"x", true}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"ab": "", "n": 1.0, "l": []any{"x", true, nil}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": "1", "l": []any{"x", true, nil}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t", "arguments": map[string]any{"a": "b", "n": 1.0, "l": []any{[]any{"x"}, true, nil}}}},
		{Tool: "mcp", Cwd: "/p", Params: call.Params{"server": "fs", "tool": "t"}},
		{Tool: "read", Cwd: "/p", Params: base.Params},
	}
	seen := map[string]int{}
	for i, c := range variants {
		k, ok := key(c)
		if !ok {
			t.Fatalf("variant %d: no key", i)
		}
		if j, dup := seen[k]; dup {
			t.Errorf("variants %d and %d share a key", j, i)
		}
		seen[k] = i
	}
	if k1, _ := key(base); k1 != func() string { k, _ := key(base); return k }() {
		t.Error("a call's key changes from one time to the next")
	}
	for _, v := range []any{[]string{"x"}, 3, struct{}{}} {
		if _, ok := key(call.Call{Tool: "mcp", Params: call.Params{"x": v}}); ok {
			t.Errorf("a %T is spelled in a key", v)
		}
	}
	if _, ok := key(call.Call{Tool: "write", Params: call.Params{"content": strings.Repeat("x", maxMemoKey)}}); ok {
		t.Error("a key past maxMemoKey is kept")
	}
}

// The memo holds because the engine reads nothing but the call, its
// policy, its Env and the year (memo.go). Every package the engine
// depends on is read here: one that imports a way to the clock, the
// environment, the file system or chance, or reads the clock anywhere
// but where the memo knows, fails this test until the memo's key or its
// lookups cover the new input.
func TestMemoKnowsTheEngineInputs(t *testing.T) {
	forbidden := map[string]bool{
		"os": true, "os/exec": true, "os/user": true, "io/fs": true, "io/ioutil": true,
		"syscall": true, "golang.org/x/sys/unix": true, "net": true, "net/http": true,
		"math/rand": true, "math/rand/v2": true, "crypto/rand": true, "runtime": true, "plugin": true,
	}
	// path/filepath's functions that look at the file system or the
	// working directory; its others only work on strings.
	filepathIO := map[string]bool{"Abs": true, "EvalSymlinks": true, "Glob": true, "Walk": true, "WalkDir": true}
	// The clock is read for the year only, which keys the memo.
	knownClock := map[string]int{"engine/mcpitems.go": 1}
	const module = "rampart.dev/pkg/"
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	clock := map[string]int{}
	todo, done := []string{"engine"}, map[string]bool{}
	for len(todo) > 0 {
		pkg := todo[0]
		todo = todo[1:]
		if done[pkg] {
			continue
		}
		done[pkg] = true
		files, err := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("package %s: no sources (%v)", pkg, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			fset := token.NewFileSet()
			af, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			rel := pkg + "/" + filepath.Base(f)
			timeName, fpName := "", ""
			for _, imp := range af.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				switch {
				case forbidden[path]:
					t.Errorf("%s imports %s: an input of the engine the decision memo (memo.go) does not know", rel, path)
				case path == "time":
					timeName = "time"
					if imp.Name != nil {
						timeName = imp.Name.Name
					}
				case path == "path/filepath":
					fpName = "filepath"
					if imp.Name != nil {
						fpName = imp.Name.Name
					}
				case strings.HasPrefix(path, module):
					todo = append(todo, strings.TrimPrefix(path, module))
				}
			}
			ast.Inspect(af, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, ok := sel.X.(*ast.Ident)
				switch {
				case !ok:
				case timeName != "" && x.Name == timeName && (sel.Sel.Name == "Now" || sel.Sel.Name == "Since" || sel.Sel.Name == "Until"):
					clock[rel]++
				case fpName != "" && x.Name == fpName && filepathIO[sel.Sel.Name]:
					t.Errorf("%s calls filepath.%s: an input of the engine the decision memo (memo.go) does not know", rel, sel.Sel.Name)
				}
				return true
			})
		}
	}
	for f, n := range clock {
		if knownClock[f] != n {
			t.Errorf("%s reads the clock %d times, the memo knows of %d: key the memo by what it reads (memo.go)", f, n, knownClock[f])
		}
	}
	for f, n := range knownClock {
		if clock[f] != n {
			t.Errorf("%s reads the clock %d times, the memo knows of %d: update knownClock", f, clock[f], n)
		}
	}
}

// A full memo makes room by dropping its oldest entry, and a call decided
// again keeps one entry.
func TestMemoBounds(t *testing.T) {
	var m decisionMemo
	tiers := []Tier{{}}
	key := func(i int) []byte { return appendTiersKey([]byte("call "+strconv.Itoa(i)), tiers) }
	for i := range maxMemo + 10 {
		m.put(2026, key(i), &memoEntry{by: i, pols: policiesOf(tiers)})
		m.put(2026, key(i), &memoEntry{by: i, pols: policiesOf(tiers)})
	}
	if len(m.entries) != maxMemo || len(m.order) != maxMemo {
		t.Fatalf("%d entries, %d in order; want %d", len(m.entries), len(m.order), maxMemo)
	}
	for i := range maxMemo + 10 {
		e := m.get(tiers, 2026, key(i))
		if kept := i >= 10; (e != nil) != kept || e != nil && e.by != i {
			t.Errorf("entry %d: %+v, want kept %v", i, e, kept)
		}
	}
	if m.get(tiers, 2027, key(20)) != nil || m.get([]Tier{{}, {}}, 2026, key(20)) != nil {
		t.Error("an entry is used in another year or with other policies")
	}
}

// A point configured for one decision (NoMemo) keeps nothing, and decides
// each call as a point with a memo does.
func TestNoMemo(t *testing.T) {
	_, userHome, proj := symlinks(t)
	one := open(t, Config{UserHome: userHome, NoMemo: true})
	kept := open(t, Config{UserHome: userHome})
	calls := []call.Call{
		{Tool: call.ToolExec, Cwd: proj, Params: call.Params{"command": "git status"}},
		{Tool: call.ToolExec, Cwd: proj, Params: call.Params{"command": "rm -rf ~"}},
		{Tool: call.ToolRead, Cwd: proj, Params: call.Params{"path": filepath.Join(userHome, ".ssh", "id_rsa")}},
	}
	for _, c := range calls {
		for i := range 2 {
			got, want := one.Decide(c), kept.Decide(c)
			if got.Decision != want.Decision || got.Message != want.Message {
				t.Errorf("%v (call %d): %v (%s) without a memo, %v (%s) with one", c.Params, i+1, got.Decision, got.Message, want.Decision, want.Message)
			}
		}
	}
	if one.memo.entries != nil {
		t.Errorf("a point without a memo kept %d decisions", len(one.memo.entries))
	}
	if len(kept.memo.entries) == 0 {
		t.Error("the point with a memo kept nothing: the comparison tested no memo")
	}
}

// Calls judged at once from several goroutines get the memo's answers
// safely and alike.
func TestMemoConcurrent(t *testing.T) {
	_, userHome, proj := symlinks(t)
	p := open(t, Config{UserHome: userHome, RawLookups: true})
	calls := []struct {
		c    call.Call
		want call.Action
	}{
		{call.Call{Tool: call.ToolRead, Cwd: proj, Params: call.Params{"path": "README"}}, call.Allow},
		{call.Call{Tool: call.ToolRead, Cwd: proj, Params: call.Params{"path": "key.pub"}}, call.Deny},
		{call.Call{Tool: call.ToolMCP, Cwd: proj, Params: call.Params{"server": "fs", "tool": "read_file", "arguments": map[string]any{"path": filepath.Join(proj, "sshdir", "id_rsa")}}}, call.Deny},
	}
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range 30 {
				tt := calls[(g+i)%len(calls)]
				if d := p.Decide(tt.c); d.Decision != tt.want {
					t.Errorf("%v: Decide = %v, want %v", tt.c.Params, d.Decision, tt.want)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

// The same call from the same directory is judged again when the project
// layer in force changes, and each layer's answer is kept apart.
func TestMemoFollowsTheLayers(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, ".rampart")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	layer := func(body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, "policy.yaml"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const allowAll = "version: 1\npolicies:\n  - name: loosen\n    rules: [{action: allow}]\n"
	const noDocker = `version: 1
policies:
  - name: no-docker
    match: {tool: [exec]}
    rules:
      - action: deny
        message: no docker in this repo
        when: {command_matches: ["docker"]}
`
	p := open(t, Config{})
	c := exec("docker ps", root)
	for i, step := range []struct {
		body string
		want call.Action
	}{{allowAll, call.Allow}, {noDocker, call.Deny}, {allowAll + "# again\n", call.Allow}, {noDocker + "# again\n", call.Deny}} {
		layer(step.body)
		for range 3 {
			if d := p.Decide(c); d.Decision != step.want {
				t.Fatalf("step %d: Decide = %v (%s), want %v", i, d.Decision, d.Message, step.want)
			}
		}
	}
}
