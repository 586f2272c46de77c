package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// connect starts the proxy in front of server with the official Go SDK
// client, which probes with server/discover (2026-07-28) and falls back to
// initialize against the npm servers.
func connect(t *testing.T, opts *mcp.ClientOptions, server []string) (*mcp.ClientSession, *syncBuilder) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := proxyCmd(t, nil, server...)
	wire := &syncBuilder{b: &strings.Builder{}}
	client := mcp.NewClient(&mcp.Implementation{Name: "rampart-sdk-test", Version: "0"}, opts)
	cs, err := client.Connect(ctx, &mcp.LoggingTransport{Transport: &mcp.CommandTransport{Command: cmd}, Writer: wire}, nil)
	if err != nil {
		t.Fatalf("connecting through the proxy: %v", err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs, wire
}

type syncBuilder struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (s *syncBuilder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuilder) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func text(res *mcp.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*mcp.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func TestFilesystemSDK(t *testing.T) {
	dir := sandbox(t)
	cs, wire := connect(t, nil, fsServer(t, dir))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if got := cs.InitializeResult().ServerInfo.Name; got != "secure-filesystem-server" {
		t.Errorf("server name = %q", got)
	}
	// The 2026-07-28 probe went through and the legacy server's answer
	// drove the fallback to initialize.
	if w := wire.String(); !strings.Contains(w, `"method":"server/discover"`) || !strings.Contains(w, `"method":"initialize"`) {
		t.Errorf("wire log lacks server/discover then initialize:\n%s", w)
	}
	tools, err := cs.ListTools(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var write *mcp.Tool
	for _, tl := range tools.Tools {
		if tl.Name == "write_file" {
			write = tl
		}
	}
	if write == nil || write.Annotations == nil || write.Annotations.DestructiveHint == nil || !*write.Annotations.DestructiveHint {
		t.Errorf("write_file annotations not relayed: %+v", write)
	}

	res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "read_text_file", Arguments: map[string]any{"path": filepath.Join(dir, "hello.txt")}})
	if err != nil || res.IsError || text(res) != "hello from the sandbox\n" {
		t.Errorf("allowed read = %+v, %v", res, err)
	}

	marker := filepath.Join(dir, "protected", "blocked-marker")
	res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: "write_file", Arguments: map[string]any{"path": marker, "content": "x"}})
	if err != nil {
		t.Fatalf("denied write: %v (the denial must be a tool result the SDK accepts)", err)
	}
	if !res.IsError || !strings.Contains(text(res), "writes to the protected folder are blocked") {
		t.Errorf("denied write = %q (isError %v)", text(res), res.IsError)
	}
	if _, err := os.Stat(marker); !os.IsNotExist(err) {
		t.Errorf("the denied write created %s", marker)
	}

	res, err = cs.CallTool(ctx, &mcp.CallToolParams{Name: "read_text_file", Arguments: map[string]any{"path": filepath.Join(dir, "creds.txt")}})
	if err != nil || strings.Contains(text(res), awsKey) || !strings.Contains(text(res), "[REDACTED]") {
		t.Errorf("credential read = %q, %v", text(res), err)
	}
	if sc, _ := res.StructuredContent.(map[string]any); sc != nil && strings.Contains(sc["content"].(string), awsKey) {
		t.Errorf("structuredContent keeps the key: %v", sc)
	}
}

func TestEverythingSDK(t *testing.T) {
	var mu sync.Mutex
	var progress []float64
	var sampled, elicited bool
	opts := &mcp.ClientOptions{
		CreateMessageHandler: func(ctx context.Context, req *mcp.CreateMessageRequest) (*mcp.CreateMessageResult, error) {
			mu.Lock()
			sampled = true
			mu.Unlock()
			return &mcp.CreateMessageResult{Role: "assistant", Content: &mcp.TextContent{Text: "canned sample"}, Model: "test-model", StopReason: "endTurn"}, nil
		},
		ElicitationHandler: func(ctx context.Context, req *mcp.ElicitRequest) (*mcp.ElicitResult, error) {
			mu.Lock()
			elicited = true
			mu.Unlock()
			return &mcp.ElicitResult{Action: "decline"}, nil
		},
		ProgressNotificationHandler: func(ctx context.Context, req *mcp.ProgressNotificationClientRequest) {
			mu.Lock()
			progress = append(progress, req.Params.Progress)
			mu.Unlock()
		},
	}
	cs, _ := connect(t, opts, everythingServer(t))
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()

	// The sampling and elicitation tools appear once the server has seen
	// initialized.
	for i := 0; ; i++ {
		tools, err := cs.ListTools(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, tl := range tools.Tools {
			if tl.Name == "trigger-sampling-request" || tl.Name == "trigger-elicitation-request" {
				n++
			}
		}
		if n == 2 {
			break
		}
		if i == 50 {
			t.Fatal("the server never listed its sampling and elicitation tools")
		}
		time.Sleep(50 * time.Millisecond)
	}

	params := &mcp.CallToolParams{Name: "trigger-long-running-operation", Arguments: map[string]any{"duration": 1, "steps": 2}}
	params.SetProgressToken("tok-sdk")
	if res, err := cs.CallTool(ctx, params); err != nil || !strings.Contains(text(res), "completed") {
		t.Errorf("long operation = %v, %v", res, err)
	}
	// The SDK runs notification handlers on their own goroutines, so the
	// last one may still be on its way when the result is returned.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		mu.Lock()
		n := len(progress)
		mu.Unlock()
		if n == 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%d progress notifications, want 2", n)
			break
		}
	}

	if res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "trigger-sampling-request", Arguments: map[string]any{"prompt": "hi", "maxTokens": 10}}); err != nil || !strings.Contains(text(res), "canned sample") {
		t.Errorf("sampling = %v, %v", res, err)
	}
	if res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "trigger-elicitation-request", Arguments: map[string]any{}}); err != nil || !strings.Contains(text(res), "declined") {
		t.Errorf("elicitation = %v, %v", res, err)
	}
	mu.Lock()
	if !sampled || !elicited {
		t.Errorf("handlers called: sampling %v, elicitation %v", sampled, elicited)
	}
	mu.Unlock()

	// Cancelling the context sends notifications/cancelled through the
	// proxy; the session goes on.
	cctx, ccancel := context.WithTimeout(ctx, 700*time.Millisecond)
	_, err := cs.CallTool(cctx, &mcp.CallToolParams{Name: "trigger-long-running-operation", Arguments: map[string]any{"duration": 3, "steps": 3}})
	ccancel()
	if err == nil {
		t.Error("the cancelled call returned no error")
	}
	if res, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: "get-sum", Arguments: map[string]any{"a": 2, "b": 3}}); err != nil || !strings.Contains(text(res), "5") {
		t.Errorf("call after cancellation = %v, %v", res, err)
	}
}
