package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// scriptedModel is an OpenAI Chat Completions server on loopback that
// plays a model: a user turn holding RUN<<command>> gets one exec tool call
// with that command; a turn that ends with a tool result gets plain text
// echoing the result, so the test sees what the agent sent back. Every
// request body is kept.
type scriptedModel struct {
	srv *httptest.Server

	mu     sync.Mutex
	bodies []string
	calls  int
}

func newScriptedModel(t *testing.T) *scriptedModel {
	m := &scriptedModel{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", m.complete)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"object":"list","data":[{"id":"scripted","object":"model","owned_by":"rampart-test"}]}`)
	})
	m.srv = httptest.NewServer(mux)
	t.Cleanup(m.srv.Close)
	return m
}

// requests returns the bodies received so far that contain s.
func (m *scriptedModel) requests(s string) []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for _, b := range m.bodies {
		if strings.Contains(b, s) {
			out = append(out, b)
		}
	}
	return out
}

type chatMessage struct {
	Role    string          `json:"role"`
	Content json.RawMessage `json:"content"`
}

// text flattens a message's content: a string or an array of parts.
func (c chatMessage) text() string {
	var s string
	if json.Unmarshal(c.Content, &s) == nil {
		return s
	}
	var parts []struct {
		Text string `json:"text"`
	}
	json.Unmarshal(c.Content, &parts)
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}

func (m *scriptedModel) complete(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 16<<20))
	var req struct {
		Messages []chatMessage `json:"messages"`
		Stream   bool          `json:"stream"`
	}
	json.Unmarshal(body, &req)
	m.mu.Lock()
	m.bodies = append(m.bodies, string(body))
	m.calls++
	n := m.calls
	m.mu.Unlock()

	// The prompt holding RUN<<command>> gets the tool call; once a tool
	// result follows it, the turn gets text.
	cmd, asked, answered := "", -1, ""
	for i, msg := range req.Messages {
		if c, ok := between(msg.text(), "RUN<<", ">>"); ok && msg.Role == "user" {
			cmd, asked, answered = c, i, ""
		}
		if asked >= 0 && i > asked && msg.Role == "tool" {
			answered = msg.text()
		}
	}
	var delta map[string]any
	finish := "stop"
	if asked >= 0 && answered == "" {
		args, _ := json.Marshal(map[string]string{"command": cmd})
		delta = map[string]any{"role": "assistant", "content": nil, "tool_calls": []map[string]any{{
			"index": 0, "id": fmt.Sprintf("call_%d", n), "type": "function",
			"function": map[string]any{"name": "exec", "arguments": string(args)},
		}}}
		finish = "tool_calls"
	} else {
		if len(answered) > 300 {
			answered = answered[:300]
		}
		delta = map[string]any{"role": "assistant", "content": "DONE. The tool said: " + answered}
	}
	if !req.Stream {
		msg := delta
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": fmt.Sprintf("chatcmpl-%d", n), "object": "chat.completion", "created": 1, "model": "scripted",
			"choices": []map[string]any{{"index": 0, "message": msg, "finish_reason": finish}},
			"usage":   map[string]int{"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	chunk := func(v map[string]any) {
		v["id"], v["object"], v["created"], v["model"] = fmt.Sprintf("chatcmpl-%d", n), "chat.completion.chunk", 1, "scripted"
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "data: %s\n\n", b)
	}
	chunk(map[string]any{"choices": []map[string]any{{"index": 0, "delta": delta, "finish_reason": nil}}})
	chunk(map[string]any{"choices": []map[string]any{{"index": 0, "delta": map[string]any{}, "finish_reason": finish}}})
	chunk(map[string]any{"choices": []map[string]any{}, "usage": map[string]int{"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
	fmt.Fprint(w, "data: [DONE]\n\n")
}

func between(s, open, close string) (string, bool) {
	i := strings.LastIndex(s, open)
	if i < 0 {
		return "", false
	}
	s = s[i+len(open):]
	j := strings.Index(s, close)
	if j < 0 {
		return "", false
	}
	return s[:j], true
}
