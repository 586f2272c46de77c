package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// fakeServer is a tiny MCP server for the tests that real servers cannot
// drive: it answers initialize and tools/list, and tools/call by tool name:
//
//	echo   → the text argument back
//	size   → the length of the text argument
//	big    → a text of n bytes
//	crash  → exits with status 3 without answering
//	secret → a text holding an AWS key
//	blob   → the text argument base64-encoded, as image data and a resource blob
//
// With FAKE_STUBBORN=1 it ignores its end of input and SIGTERM.
func fakeServer() {
	if os.Getenv("FAKE_STUBBORN") == "1" {
		signal.Ignore(syscall.SIGTERM)
	}
	fmt.Fprintln(os.Stderr, "fake server ready")
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	for {
		line, err := in.ReadBytes('\n')
		if err != nil {
			break
		}
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
			Params struct {
				Name      string         `json:"name"`
				Arguments map[string]any `json:"arguments"`
			} `json:"params"`
		}
		if json.Unmarshal(line, &req) != nil || req.ID == nil {
			continue
		}
		var result any
		switch req.Method {
		case "initialize":
			result = map[string]any{"protocolVersion": "2025-11-25", "capabilities": map[string]any{"tools": map[string]any{}}, "serverInfo": map[string]any{"name": "fake", "version": "1"}}
		case "tools/list":
			result = map[string]any{"tools": []any{
				map[string]any{"name": "echo", "inputSchema": map[string]any{"type": "object"}},
				map[string]any{"name": "wipe_disk", "inputSchema": map[string]any{"type": "object"}},
			}}
		case "tools/call":
			text := ""
			switch req.Params.Name {
			case "echo":
				text, _ = req.Params.Arguments["text"].(string)
			case "size":
				s, _ := req.Params.Arguments["text"].(string)
				text = fmt.Sprint(len(s))
			case "big":
				n, _ := req.Params.Arguments["n"].(float64)
				text = strings.Repeat("b", int(n))
			case "crash":
				out.Flush()
				os.Exit(3)
			case "secret":
				text = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"
			case "blob":
				// The text argument as an image's data and as an embedded
				// resource's blob, base64-encoded.
				arg, _ := req.Params.Arguments["text"].(string)
				b64 := base64.StdEncoding.EncodeToString([]byte(arg))
				result = map[string]any{"content": []any{
					map[string]any{"type": "image", "mimeType": "image/png", "data": b64},
					map[string]any{"type": "resource", "resource": map[string]any{"uri": "file:///k", "mimeType": "application/octet-stream", "blob": b64}},
				}}
			}
			if result == nil {
				result = map[string]any{"content": []any{map[string]any{"type": "text", "text": text}}}
			}
		default:
			result = map[string]any{}
		}
		b, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result})
		out.Write(append(b, '\n'))
		out.Flush()
	}
	if os.Getenv("FAKE_STUBBORN") == "1" {
		// Ignore the end of input too. A sleep, not an empty select: with
		// no other goroutine the runtime would call that a deadlock and
		// exit 2 before the proxy's SIGKILL arrives.
		time.Sleep(time.Hour)
	}
}
