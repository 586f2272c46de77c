//go:build unix

package e2e

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Cline CLI speaks OpenAI Chat Completions (SSE) to an openai-compatible
// provider set with `cline auth`. It auto-approves every tool by default,
// so the hook is all that stands between the model and the tools.
var cline = &driver{
	name: "cline", setup: "cline", pkg: "cline",
	pre: "PreToolUse (tool_call)", post: "PostToolUse (tool_result)", postErr: "PostToolUse (tool_result)",
	call: func(w *workspace, c Case) toolCall {
		switch c {
		case ReadDeny:
			return toolCall{Name: "read_files", Args: map[string]any{"files": []any{map[string]any{"path": w.path("blocked-read.txt")}}}}
		case WriteDeny:
			return toolCall{Name: "editor", Args: map[string]any{"command": "create", "path": w.path("blocked-write.txt"), "new_text": "x\n"}}
		case FetchDeny:
			return toolCall{Name: "fetch_web_content", Args: map[string]any{"requests": []any{map[string]any{"url": w.fetchURL(), "prompt": "summarise"}}}}
		case ArgvDeny:
			return toolCall{Name: "run_commands", Args: map[string]any{"commands": []any{map[string]any{"command": "touch", "args": []any{w.path("blocked-marker")}}}}}
		}
		return toolCall{Name: "run_commands", Args: map[string]any{"commands": []any{w.command(c)}}}
	},
	prepare: func(t *testing.T, w *workspace) {
		// Cline starts a hub daemon that outlives the run, in a session of
		// its own; one per run, on a port of its own, stopped afterwards.
		port := freePort(t)
		w.Env = append(w.Env, "CLINE_HUB_PORT="+strconv.Itoa(port))
		t.Cleanup(func() { stopClineHub(port) })
		// What `cline auth -p openai-compatible -b URL -k KEY -m scripted`
		// writes (3.0.65), written directly: the command takes half a
		// minute on a loaded machine.
		writeFile(t, filepath.Join(w.Home, ".cline", "data", "settings", "providers.json"), `{
  "version": 1,
  "lastUsedProvider": "openai-compatible",
  "modes": {},
  "providers": {
    "openai-compatible": {
      "settings": {"provider": "openai-compatible", "apiKey": "sk-e2e-not-a-key", "model": "scripted", "baseUrl": "`+w.Model.URL+`/v1"},
      "updatedAt": "2026-12-02T08:45:32.025Z",
      "tokenSource": "manual"
    }
  }
}
`)
	},
	argv: func(w *workspace, prompt string) []string {
		return []string{agentBin("cline", "cline"), "--json", "--retries", "1", prompt}
	},
	hookFile: func(w *workspace) string { return filepath.Join(w.Home, "Documents", "Cline", "Hooks", "PreToolUse") },
	cases:    []Case{ExecDeny, ArgvDeny, ExecAllow, ExecAsk, ReadDeny, WriteDeny, FetchDeny, SecretOutput, HookCrash, HookTimeout, HookBadJSON},
}

func TestCline(t *testing.T) { runAgent(t, cline) }

// freePort is a loopback TCP port nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// waitGone waits a few seconds for process pid to end, so that it writes
// nothing into the run's directories once they are removed.
func waitGone(pid int) {
	for i := 0; i < 50; i++ {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pid)); err != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	syscall.Kill(pid, syscall.SIGKILL)
}

// stopClineHub stops the hub daemon a run started on port: the process
// whose command line is cline's --cline-hub-daemon with that --port.
func stopClineHub(port int) {
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		args := bytes.Split(bytes.TrimRight(b, "\x00"), []byte{0})
		daemon, ours := false, false
		for i, a := range args {
			switch {
			case string(a) == "--cline-hub-daemon":
				daemon = true
			case string(a) == "--port" && i+1 < len(args) && string(args[i+1]) == strconv.Itoa(port):
				ours = true
			}
		}
		if daemon && ours {
			if pid, err := strconv.Atoi(filepath.Base(filepath.Dir(p))); err == nil {
				syscall.Kill(pid, syscall.SIGTERM)
				waitGone(pid)
			}
		}
	}
}
