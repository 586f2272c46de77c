// Package e2e drives the real agent CLIs (Claude Code, Codex, Gemini CLI,
// Copilot CLI, Cline CLI, installed from the npm registry by
// scripts/install-agents.sh) against a scripted model on loopback, with
// rampart-hook installed by `rampart setup AGENT` in a temporary home, and
// proves with marker files what each agent does with the hook's answers.
// The tests skip unless RAMPART_AGENTS names the install cache; `make
// test-agents` sets it. Each agent's table in docs/hooks.md is generated
// from these runs: the tests fail when it differs, and rewrite it with
// RAMPART_UPDATE_DOCS=1 (`make docs-hooks`).
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	agentsDir string // the install cache, $RAMPART_AGENTS
	binDir    string // rampart and rampart-hook, built for this run
)

func TestMain(m *testing.M) {
	agentsDir = os.Getenv("RAMPART_AGENTS")
	if agentsDir == "" {
		fmt.Println("e2e: RAMPART_AGENTS is not set (make test-agents sets it); skipping the agent runs")
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "rampart-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binDir = dir
	for _, b := range []string{"rampart", "rampart-hook", "rampart-hook/fast"} {
		out := filepath.Join(binDir, strings.ReplaceAll(b, "/", "-"))
		cmd := exec.Command("go", "build", "-o", out, "rampart.dev/"+b)
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: cannot build %s: %v\n", b, err)
			os.Exit(2)
		}
	}
	code := m.Run()
	os.RemoveAll(binDir)
	os.Exit(code)
}

// needAgents skips a test when the agents are not installed.
func needAgents(t *testing.T) {
	t.Helper()
	if agentsDir == "" {
		t.Skip("RAMPART_AGENTS is not set")
	}
}

// driver is how to run one agent.
type driver struct {
	name    string // the cache directory and `rampart setup` agent name
	setup   string
	pkg     string // npm package, for the version
	pre     string // the agent's pre-tool event name
	post    string
	postErr string // the event a failing command fires, when it differs
	// call is the agent's tool call for a case.
	call func(w *workspace, c Case) toolCall
	// prepare points the agent at the model server (config files, env).
	prepare func(t *testing.T, w *workspace)
	// argv runs one prompt headless; argvFor, for some cases, otherwise.
	argv    func(w *workspace, prompt string) []string
	argvFor map[Case]func(w *workspace, prompt string) []string
	// hookFile is the file setup wrote (for the failure-mode runs).
	hookFile func(w *workspace) string
	// afterSetup runs after `rampart setup` (Codex: trust the hooks as its
	// review would), given the case and setup's output.
	afterSetup func(t *testing.T, w *workspace, c Case, setupOut string)
	cases      []Case
}

// bin is the agent's executable in the cache.
func (d *driver) bin(name string) string { return agentBin(d.name, name) }

// agentBin is an executable of the agent installed in dir of the cache.
func agentBin(dir, name string) string {
	return filepath.Join(agentsDir, dir, "node_modules", ".bin", name)
}

// version reads the installed package's version.
func (d *driver) version(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join(agentsDir, d.name, "node_modules", d.pkg, "package.json"))
	if err != nil {
		t.Fatalf("%s is not installed in %s: %v", d.pkg, agentsDir, err)
	}
	var p struct{ Version string }
	json.Unmarshal(b, &p)
	return p.Version
}

// result is what one run showed.
type result struct {
	Case    Case
	Event   string
	Outcome string
}

// run drives the agent through case c and reports what happened. With
// fast, setup installs rampart-hook-fast and a decider started beforehand
// must answer the agent's calls.
func (d *driver) run(t *testing.T, c Case, fast bool) result {
	t.Helper()
	w := &workspace{Home: tempDir(t), Work: tempDir(t)}
	w.Model = newModelServer(t, toolCall{})
	w.Model.call = d.call(w, c)
	writeFile(t, w.path("blocked-read.txt"), readToken+"\n")
	writeFile(t, w.path("secret-out.txt"), "aws_access_key_id = "+secretText+"\n")
	policy := filepath.Join(w.Home, "e2e-policy.yaml")
	b, err := os.ReadFile("testdata/policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, policy, string(b))
	// A fake psql, first on PATH, only records that it ran.
	fakeBin := filepath.Join(w.Home, "fakebin")
	writeFile(t, filepath.Join(fakeBin, "psql"), "#!/bin/sh\ntouch '"+w.marker(Interactive)+"'\n")
	os.Chmod(filepath.Join(fakeBin, "psql"), 0o755)
	w.Env = append(cleanEnv(), "HOME="+w.Home, "PATH="+fakeBin+":"+binDir+":"+filepath.Dir(d.bin("x"))+":"+os.Getenv("PATH"),
		"RAMPART_HOME="+filepath.Join(w.Home, ".rampart"))
	d.prepare(t, w)

	// Hooks that fail, or that keep the payloads, are scripts named
	// rampart-hook, so that setup sees them as its own.
	hookPath := ""
	switch c {
	case HookCrash:
		hookPath = filepath.Join(w.Home, "missing", "rampart-hook")
	case HookTimeout:
		hookPath = script(t, w, "slow/rampart-hook", "sleep 8\n")
	case HookBadJSON:
		hookPath = script(t, w, "bad/rampart-hook", "cat >/dev/null\necho 'this is not json'\n")
	default:
		if dir := os.Getenv("RAMPART_E2E_CAPTURE"); dir != "" {
			// Keep every payload the agent sends, for testdata.
			file := filepath.Join(dir, d.name+".jsonl")
			hookPath = script(t, w, "capture/rampart-hook",
				"payload=$(cat)\nprintf '%s\\n' \"$payload\" >>'"+file+"'\nprintf '%s' \"$payload\" | exec "+filepath.Join(binDir, "rampart-hook")+" \"$@\"\n")
		}
	}
	var dec *deciderRun
	if fast {
		hookPath = filepath.Join(binDir, "rampart-hook-fast")
		dec = startDecider(t, w)
	}
	w.SetupArgs = []string{"setup", d.setup, "--config", policy}
	if hookPath != "" {
		w.SetupArgs = append(w.SetupArgs, "--path", hookPath)
	}
	args := w.SetupArgs
	setupOut := runIn(t, w, 30*time.Second, filepath.Join(binDir, "rampart"), args...)
	if c == HookTimeout {
		shortenTimeout(t, d.hookFile(w))
	}
	if d.afterSetup != nil {
		d.afterSetup(t, w, c, setupOut)
	}
	prompt := "Run the one tool call you are given."
	start := time.Now()
	argv := d.argv(w, prompt)
	if f := d.argvFor[c]; f != nil {
		argv = f(w, prompt)
	}
	// The limit only stops an agent that hangs; on a loaded machine one
	// run can take minutes.
	out := runIn(t, w, 5*time.Minute, argv[0], argv[1:]...)
	if os.Getenv("RAMPART_E2E_VERBOSE") != "" {
		t.Logf("the agent ran for %s", time.Since(start).Round(time.Millisecond))
	}
	if !w.Model.Asked() {
		t.Fatalf("the agent never asked the model for a tool call\nsetup:\n%s\nagent:\n%s\nrequests:\n%s", setupOut, out, w.Model.Requests())
	}
	if dec != nil && !dec.served() {
		t.Errorf("%s: %s: the decider answered no call; rampart-hook-fast ran rampart-hook in its place", d.name, c)
	}
	res := result{Case: c, Event: d.pre, Outcome: judge(t, w, c)}
	switch c {
	case SecretOutput:
		res.Event = d.post
	case SecretFailed:
		res.Event = d.postErr
	case HookCrash, HookTimeout, HookBadJSON:
		res.Event = d.pre
	case PascalExecDeny, PascalReadDeny:
		res.Event = "PreToolUse"
	}
	t.Logf("%s: %s: %s", d.name, c, res.Outcome)
	if dir := os.Getenv("RAMPART_E2E_CAPTURE"); dir != "" {
		f, err := os.OpenFile(filepath.Join(dir, d.name+"-requests.txt"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintf(f, "=== %s\n%s\n", c, w.Model.Requests())
			f.Close()
		}
	}
	if os.Getenv("RAMPART_E2E_VERBOSE") != "" {
		t.Logf("--- agent output ---\n%s\n--- model requests ---\n%s", tail(out, 4000), tail(w.Model.Requests(), 4000))
	}
	return res
}

// cleanEnv is the test's environment without anything that would point an
// agent at a real account or a real model.
func cleanEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(k, "RAMPART_"), strings.HasPrefix(k, "ANTHROPIC_"), strings.HasPrefix(k, "OPENAI_"),
			strings.HasPrefix(k, "GEMINI_"), strings.HasPrefix(k, "GOOGLE_"), strings.HasPrefix(k, "COPILOT_"),
			strings.HasPrefix(k, "GH_"), strings.HasPrefix(k, "GITHUB_"), strings.HasPrefix(k, "CODEX_"),
			strings.HasPrefix(k, "CLINE_"), strings.HasPrefix(k, "CLAUDE"), k == "HOME", k == "PATH",
			k == "XDG_CONFIG_HOME", k == "XDG_DATA_HOME", k == "XDG_STATE_HOME", k == "XDG_CACHE_HOME":
			continue
		}
		out = append(out, kv)
	}
	return append(out, "CI=true", "NO_COLOR=1", "TERM=dumb")
}

// runIn runs a program in the workspace with its environment and no stdin,
// killing it after limit, and returns its combined output.
func runIn(t *testing.T, w *workspace, limit time.Duration, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = w.Work
	cmd.Env = w.Env
	cmd.Stdin = nil
	cmd.WaitDelay = 5 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		fmt.Fprintf(&out, "\n[%s: %v]", filepath.Base(name), err)
	}
	return out.String()
}

// tempDir is a fresh directory with a plain name (t.TempDir's carries the
// test's name, whose parentheses a shell would trip over).
func tempDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "rampart-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// script writes an executable shell script into the workspace.
func script(t *testing.T, w *workspace, name, body string) string {
	t.Helper()
	p := filepath.Join(w.Home, name)
	writeFile(t, p, "#!/bin/sh\n"+body)
	os.Chmod(p, 0o755)
	return p
}

var timeoutField = regexp.MustCompile(`("timeout(?:Sec)?"\s*:\s*)(\d+)`)

// shortenTimeout sets the hook's timeout in the file setup wrote to 2
// seconds (2000 where it is in milliseconds), so that the timeout run is
// short.
func shortenTimeout(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = timeoutField.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := timeoutField.FindSubmatch(m)
		v := "2"
		if len(sub[2]) >= 4 {
			v = "2000"
		}
		return append(append([]byte{}, sub[1]...), v...)
	})
	writeFile(t, path, string(b))
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// runAgent drives d through every case, several at a time and alongside
// the other agents (go test -parallel), and checks the docs table.
func runAgent(t *testing.T, d *driver) {
	needAgents(t)
	t.Parallel()
	version := d.version(t)
	results := make([]result, len(d.cases))
	fastResults := make([]result, len(fastCases))
	t.Run("cases", func(t *testing.T) {
		for i, c := range d.cases {
			t.Run(string(c), func(t *testing.T) {
				t.Parallel()
				r := d.run(t, c, false)
				check(t, d.name, r)
				results[i] = r
			})
		}
		for i, c := range fastCases {
			t.Run("rampart-hook-fast/"+string(c), func(t *testing.T) {
				t.Parallel()
				r := d.run(t, c, true)
				check(t, d.name, r)
				fastResults[i] = r
			})
		}
	})
	checkSameAnswers(t, d.name, results, fastResults)
	checkDocs(t, d.name, version, results)
}

// fastCases are the cases also run through rampart-hook-fast and its
// decider: a denial, an allow, a denied read and a credential in a
// command's output (the after-call event).
var fastCases = []Case{ExecDeny, ExecAllow, ReadDeny, SecretOutput}

// checkSameAnswers fails when a case run through rampart-hook-fast ended
// otherwise than the same case run through rampart-hook.
func checkSameAnswers(t *testing.T, agent string, results, fastResults []result) {
	t.Helper()
	for _, f := range fastResults {
		for _, r := range results {
			if f.Case != "" && r.Case == f.Case && r.Outcome != f.Outcome {
				t.Errorf("%s: %s: rampart-hook-fast: %s; rampart-hook: %s", agent, f.Case, f.Outcome, r.Outcome)
			}
		}
	}
}
