package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"rampart-serve": main})
}

var update = flag.Bool("u", false, "update testscript output files")

func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("RAMPART_HOME", filepath.Join(env.WorkDir, ".rampart"))
			if dir := siblingBin(t); dir != "" {
				env.Setenv("PATH", dir+string(os.PathListSeparator)+env.Getenv("PATH"))
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"freeport":    cmdFreeport,
			"waitserve":   cmdWaitServe,
			"hold":        cmdHold,
			"preflight":   cmdPreflight,
			"post":        cmdPost,
			"waitpending": cmdWaitPending,
			"sleep": func(ts *testscript.TestScript, neg bool, args []string) {
				d, err := time.ParseDuration(args[0])
				ts.Check(err)
				time.Sleep(d)
			},
		},
	})
}

// freeport VAR: set VAR to a loopback address nothing listens on.
func cmdFreeport(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: freeport VAR")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	ts.Setenv(args[0], ln.Addr().String())
	ln.Close()
}

// waitserve ADDR: wait until a server answers /healthz at ADDR.
func cmdWaitServe(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: waitserve ADDR")
	}
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + args[0] + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
	}
	ts.Fatalf("no server at %s", args[0])
}

// hold ADDR VAR COMMAND: ask for exec COMMAND with Prefer: respond-async
// and the agent token, expect 202, and set VAR to the approval id.
func cmdHold(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: hold ADDR VAR COMMAND")
	}
	tok, err := os.ReadFile(filepath.Join(ts.Getenv("RAMPART_HOME"), "agent.token"))
	ts.Check(err)
	body, _ := json.Marshal(map[string]any{"params": map[string]string{"command": args[2]}, "agent": "script"})
	req, _ := http.NewRequest("POST", "http://"+args[0]+"/v1/tool/exec", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	req.Header.Set("Prefer", "respond-async")
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	var r struct {
		ApprovalID string `json:"approval_id"`
	}
	json.NewDecoder(resp.Body).Decode(&r)
	if resp.StatusCode != 202 || r.ApprovalID == "" {
		ts.Fatalf("hold: got %d, approval %q", resp.StatusCode, r.ApprovalID)
	}
	ts.Setenv(args[1], r.ApprovalID)
	fmt.Fprintf(ts.Stdout(), "%s\n", r.ApprovalID)
}

// preflight ADDR COMMAND [DECISION]: POST /v1/preflight/exec with the agent
// token and print the answer; with DECISION, retry for up to 10 s until the
// answer is that decision (a reload takes a moment).
func cmdPreflight(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: preflight ADDR COMMAND [DECISION]")
	}
	for end := time.Now().Add(10 * time.Second); len(args) == 3; time.Sleep(50 * time.Millisecond) {
		b := preflightOnce(ts, args[0], args[1])
		if strings.Contains(string(b), `"decision":"`+args[2]+`"`) || time.Now().After(end) {
			fmt.Fprintf(ts.Stdout(), "%s", b)
			return
		}
	}
	fmt.Fprintf(ts.Stdout(), "%s", preflightOnce(ts, args[0], args[1]))
}

func preflightOnce(ts *testscript.TestScript, addr, command string) []byte {
	tok, err := os.ReadFile(filepath.Join(ts.Getenv("RAMPART_HOME"), "agent.token"))
	ts.Check(err)
	body, _ := json.Marshal(map[string]string{"command": command})
	req, _ := http.NewRequest("POST", "http://"+addr+"/v1/preflight/exec", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

// post ADDR PATH BODY: POST BODY to PATH with the agent token; stdout is
// the status code on a line, then the answer.
func cmdPost(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: post ADDR PATH BODY")
	}
	tok, err := os.ReadFile(filepath.Join(ts.Getenv("RAMPART_HOME"), "agent.token"))
	ts.Check(err)
	req, _ := http.NewRequest("POST", "http://"+args[0]+args[1], strings.NewReader(args[2]))
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	resp, err := http.DefaultClient.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Fprintf(ts.Stdout(), "%d\n%s", resp.StatusCode, b)
}

var (
	siblingOnce sync.Once
	siblingDir  string
)

// siblingBin builds rampart-shell and rampart-mcp once, for the scripts
// that prove they wait on approvals held here, and returns its directory ("" when it won't
// build, and those scripts skip).
func siblingBin(t *testing.T) string {
	siblingOnce.Do(func() {
		dir, err := os.MkdirTemp("", "rampart-serve-test")
		if err != nil {
			return
		}
		for _, b := range []string{"rampart-shell", "rampart-mcp"} {
			cmd := exec.Command("go", "build", "-o", filepath.Join(dir, b), ".")
			cmd.Dir = filepath.Join("..", b)
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Logf("building %s: %v\n%s", b, err, out)
				return
			}
		}
		siblingDir = dir
	})
	return siblingDir
}

// waitpending VAR: wait until an approval is pending and set VAR to its id.
func cmdWaitPending(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: waitpending VAR")
	}
	tok, err := os.ReadFile(filepath.Join(ts.Getenv("RAMPART_HOME"), "admin.token"))
	ts.Check(err)
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		req, _ := http.NewRequest("GET", "http://"+ts.Getenv("RAMPART_SERVE_ADDR")+"/v1/approvals", nil)
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		var list []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if json.Unmarshal(body, &list) != nil {
			var wrapped struct {
				Approvals []struct {
					ID     string `json:"id"`
					Status string `json:"status"`
				} `json:"approvals"`
			}
			if json.Unmarshal(body, &wrapped) == nil {
				list = wrapped.Approvals
			}
		}
		for _, a := range list {
			if a.Status == "pending" {
				ts.Setenv(args[0], a.ID)
				return
			}
		}
	}
	ts.Fatalf("no approval became pending")
}
