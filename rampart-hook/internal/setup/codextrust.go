package setup

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"time"
)

// Codex runs a hook only once the user has reviewed and trusted it; `codex
// exec` skips an untrusted hook without a word (measured with Codex
// 0.171.0). After writing hooks.json, setup asks Codex itself, through its
// app server's hooks/list, whether it trusts rampart-hook's hooks, and says
// how to trust them when it does not.

// codexTrustHelp says how to trust the hooks.
const codexTrustHelp = "start `codex` in a terminal and choose \"Trust all and continue\" when it asks you to review the new hooks " +
	"(or review them in /hooks); then run this setup again to check. Until then Codex skips them silently, `codex exec` included"

// codexCheckTimeout bounds the app server's start and answer.
const codexCheckTimeout = 20 * time.Second

// verifyCodex reports whether Codex trusts the hooks setup wrote.
func verifyCodex(o Options, t *target) {
	codex, err := exec.LookPath("codex")
	if err != nil {
		fmt.Fprintf(o.Out, "  trust:   not checked (codex is not on PATH); to trust the hooks, %s\n", codexTrustHelp)
		return
	}
	statuses, err := CodexHooks(codex, o.Dir, nil)
	if err != nil {
		fmt.Fprintf(o.Out, "  trust:   not checked (%v); to trust the hooks, %s\n", err, codexTrustHelp)
		return
	}
	var ours, trusted int
	for _, h := range statuses {
		if !IsOurs(h.Command) || h.SourcePath != t.path {
			continue
		}
		ours++
		if h.TrustStatus == "trusted" || h.TrustStatus == "managed" {
			trusted++
		}
	}
	switch {
	case ours == 0:
		fmt.Fprintf(o.Out, "  trust:   Codex (%s) does not list rampart-hook's hooks; check that hooks are enabled (`[features] hooks = true`)\n", codex)
	case trusted == ours:
		fmt.Fprintf(o.Out, "  trust:   Codex trusts rampart-hook's %d hooks\n", ours)
	default:
		fmt.Fprintf(o.Out, "  trust:   Codex does NOT trust %d of rampart-hook's %d hooks yet: %s\n", ours-trusted, ours, codexTrustHelp)
	}
}

// CodexHook is one entry of the Codex app server's hooks/list answer.
type CodexHook struct {
	Key         string `json:"key"`
	Command     string `json:"command"`
	SourcePath  string `json:"sourcePath"`
	CurrentHash string `json:"currentHash"`
	TrustStatus string `json:"trustStatus"`
}

// CodexHooks runs `codex app-server` (codex is its path) in dir, with env
// (nil: this process's), and asks it for the hooks it would run there,
// with their trust status.
func CodexHooks(codex, dir string, env []string) ([]CodexHook, error) {
	ctx, cancel := context.WithTimeout(context.Background(), codexCheckTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, codex, "app-server")
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = 2 * time.Second
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		stdin.Close()
		cancel()
		cmd.Wait()
	}()
	send := func(v any) {
		b, _ := json.Marshal(v)
		stdin.Write(append(b, '\n'))
	}
	send(map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"clientInfo": map[string]any{"name": "rampart-hook-setup", "version": "1"}}})
	lines := bufio.NewScanner(stdout)
	lines.Buffer(make([]byte, 64<<10), 8<<20)
	for lines.Scan() {
		var msg struct {
			ID     *int            `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if json.Unmarshal(lines.Bytes(), &msg) != nil || msg.ID == nil {
			continue
		}
		if msg.Error != nil {
			return nil, fmt.Errorf("codex app-server: %s", msg.Error.Message)
		}
		switch *msg.ID {
		case 1:
			send(map[string]any{"method": "initialized"})
			send(map[string]any{"id": 2, "method": "hooks/list", "params": map[string]any{}})
		case 2:
			var res struct {
				Data []struct {
					Hooks []CodexHook `json:"hooks"`
				} `json:"data"`
			}
			if err := json.Unmarshal(msg.Result, &res); err != nil {
				return nil, fmt.Errorf("codex app-server: hooks/list: %w", err)
			}
			var out []CodexHook
			for _, d := range res.Data {
				out = append(out, d.Hooks...)
			}
			return out, nil
		}
	}
	if err := lines.Err(); err != nil && err != io.EOF {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("codex app-server did not answer within %s", codexCheckTimeout)
	}
	return nil, fmt.Errorf("codex app-server ended without answering")
}
