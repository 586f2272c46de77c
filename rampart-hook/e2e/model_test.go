package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
)

// toolCall is what the scripted model asks the agent to run: one tool, by
// the agent's own name, with its arguments as JSON.
type toolCall struct {
	Name string
	Args map[string]any
	// Custom is a freeform tool's raw input (Codex's apply_patch), sent
	// instead of Args when set.
	Custom string
}

// modelServer is a scripted model on loopback. The first request that
// offers tools is answered with the call; every other request with plain
// text. It logs every request body, so a test sees what reached "the
// model": a denial reason, or tool output that should have been withheld.
// It also serves GET requests (the target of fetch tools) and records
// their paths.
type modelServer struct {
	URL  string
	call toolCall

	mu       sync.Mutex
	asked    bool
	bodies   []string
	fetched  []string
	listener net.Listener
}

func newModelServer(t *testing.T, c toolCall) *modelServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &modelServer{URL: "http://" + ln.Addr().String(), call: c, listener: ln}
	srv := &http.Server{Handler: s}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Requests returns every request body the model received, joined.
func (s *modelServer) Requests() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.bodies, "\n")
}

// Asked reports whether the tool call was handed to the agent.
func (s *modelServer) Asked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.asked
}

// Fetched reports whether path was requested with GET.
func (s *modelServer) Fetched(path string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.fetched {
		if p == path {
			return true
		}
	}
	return false
}

func (s *modelServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		s.fetched = append(s.fetched, r.URL.Path)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "fetched page")
		return
	}
	s.bodies = append(s.bodies, r.URL.Path+" "+string(body))
	var req map[string]any
	_ = json.Unmarshal(body, &req)
	give := !s.asked && offersTools(req) && !hasToolResult(req)
	if give {
		s.asked = true
	}
	s.mu.Unlock()

	var c *toolCall
	if give {
		c = &s.call
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/count_tokens"):
		writeJSON(w, map[string]any{"input_tokens": 10})
	case strings.HasSuffix(r.URL.Path, "/messages"):
		anthropicReply(w, req, c)
	case strings.HasSuffix(r.URL.Path, "/responses"):
		responsesReply(w, c)
	case strings.HasSuffix(r.URL.Path, "/chat/completions"):
		chatReply(w, req, c)
	case strings.Contains(r.URL.Path, ":streamGenerateContent"), strings.Contains(r.URL.Path, ":generateContent"):
		geminiReply(w, r, c)
	case strings.Contains(r.URL.Path, ":countTokens"):
		writeJSON(w, map[string]any{"totalTokens": 10})
	case strings.HasSuffix(r.URL.Path, "/models"):
		writeJSON(w, map[string]any{"object": "list", "data": []any{map[string]any{"id": "scripted", "object": "model"}}})
	default:
		http.Error(w, "the scripted model does not serve "+r.URL.Path, http.StatusNotFound)
	}
}

// offersTools reports whether a request gives the model tools to call.
func offersTools(req map[string]any) bool {
	tools, _ := req["tools"].([]any)
	return len(tools) > 0
}

// geminiReply answers Gemini's generateContent, streaming (alt=sse) or not.
func geminiReply(w http.ResponseWriter, r *http.Request, c *toolCall) {
	part := map[string]any{"text": doneText}
	if c != nil {
		part = map[string]any{"functionCall": map[string]any{"name": c.Name, "args": c.Args}}
	}
	resp := map[string]any{
		"candidates": []any{map[string]any{"index": 0, "finishReason": "STOP",
			"content": map[string]any{"role": "model", "parts": []any{part}}}},
		"usageMetadata": map[string]any{"promptTokenCount": 10, "candidatesTokenCount": 5, "totalTokenCount": 15},
		"modelVersion":  "scripted",
	}
	if !strings.Contains(r.URL.Path, ":stream") {
		writeJSON(w, resp)
		return
	}
	startSSE(w)
	sse(w, "", resp)
}

// hasToolResult reports whether a request already carries a tool's result,
// in any of the APIs.
func hasToolResult(req map[string]any) bool {
	b, _ := json.Marshal(req)
	for _, k := range []string{`"functionResponse"`, `"tool_result"`, `"function_call_output"`, `"custom_tool_call_output"`, `"role":"tool"`} {
		if bytes.Contains(b, []byte(k)) {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// sse writes one server-sent event and flushes it.
func sse(w http.ResponseWriter, event string, data any) {
	if event != "" {
		fmt.Fprintf(w, "event: %s\n", event)
	}
	b, _ := json.Marshal(data)
	fmt.Fprintf(w, "data: %s\n\n", b)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

func startSSE(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
}

func argsJSON(c *toolCall) string {
	b, _ := json.Marshal(c.Args)
	return string(b)
}

// doneText is what the model says when it has nothing more to do.
const doneText = "Done."

// anthropicReply answers the Anthropic Messages API, streaming or not.
func anthropicReply(w http.ResponseWriter, req map[string]any, c *toolCall) {
	model, _ := req["model"].(string)
	usage := map[string]any{"input_tokens": 10, "output_tokens": 5}
	if stream, _ := req["stream"].(bool); !stream {
		content := []any{map[string]any{"type": "text", "text": doneText}}
		stop := "end_turn"
		if c != nil {
			content = []any{map[string]any{"type": "tool_use", "id": "toolu_e2e1", "name": c.Name, "input": c.Args}}
			stop = "tool_use"
		}
		writeJSON(w, map[string]any{"id": "msg_e2e", "type": "message", "role": "assistant", "model": model,
			"content": content, "stop_reason": stop, "stop_sequence": nil, "usage": usage})
		return
	}
	startSSE(w)
	sse(w, "message_start", map[string]any{"type": "message_start", "message": map[string]any{
		"id": "msg_e2e", "type": "message", "role": "assistant", "model": model, "content": []any{},
		"stop_reason": nil, "stop_sequence": nil, "usage": usage}})
	stop := "end_turn"
	if c != nil {
		stop = "tool_use"
		sse(w, "content_block_start", map[string]any{"type": "content_block_start", "index": 0,
			"content_block": map[string]any{"type": "tool_use", "id": "toolu_e2e1", "name": c.Name, "input": map[string]any{}}})
		sse(w, "content_block_delta", map[string]any{"type": "content_block_delta", "index": 0,
			"delta": map[string]any{"type": "input_json_delta", "partial_json": argsJSON(c)}})
	} else {
		sse(w, "content_block_start", map[string]any{"type": "content_block_start", "index": 0,
			"content_block": map[string]any{"type": "text", "text": ""}})
		sse(w, "content_block_delta", map[string]any{"type": "content_block_delta", "index": 0,
			"delta": map[string]any{"type": "text_delta", "text": doneText}})
	}
	sse(w, "content_block_stop", map[string]any{"type": "content_block_stop", "index": 0})
	sse(w, "message_delta", map[string]any{"type": "message_delta",
		"delta": map[string]any{"stop_reason": stop, "stop_sequence": nil}, "usage": map[string]any{"output_tokens": 5}})
	sse(w, "message_stop", map[string]any{"type": "message_stop"})
}

// responsesReply answers the OpenAI Responses API (streaming).
func responsesReply(w http.ResponseWriter, c *toolCall) {
	startSSE(w)
	resp := map[string]any{"id": "resp_e2e", "object": "response", "status": "in_progress", "output": []any{}}
	sse(w, "response.created", map[string]any{"type": "response.created", "response": resp})
	var item map[string]any
	switch {
	case c != nil && c.Custom != "":
		item = map[string]any{"type": "custom_tool_call", "id": "ctc_e2e", "call_id": "call_e2e1", "name": c.Name, "input": c.Custom, "status": "completed"}
	case c != nil:
		item = map[string]any{"type": "function_call", "id": "fc_e2e", "call_id": "call_e2e1", "name": c.Name, "arguments": argsJSON(c), "status": "completed"}
	default:
		item = map[string]any{"type": "message", "id": "msg_e2e", "role": "assistant", "status": "completed",
			"content": []any{map[string]any{"type": "output_text", "text": doneText, "annotations": []any{}}}}
	}
	sse(w, "response.output_item.added", map[string]any{"type": "response.output_item.added", "output_index": 0, "item": item})
	sse(w, "response.output_item.done", map[string]any{"type": "response.output_item.done", "output_index": 0, "item": item})
	resp["status"] = "completed"
	resp["output"] = []any{item}
	resp["usage"] = map[string]any{"input_tokens": 10, "output_tokens": 5, "total_tokens": 15,
		"input_tokens_details": map[string]any{"cached_tokens": 0}, "output_tokens_details": map[string]any{"reasoning_tokens": 0}}
	sse(w, "response.completed", map[string]any{"type": "response.completed", "response": resp})
}

// chatReply answers the OpenAI Chat Completions API, streaming or not.
func chatReply(w http.ResponseWriter, req map[string]any, c *toolCall) {
	model, _ := req["model"].(string)
	usage := map[string]any{"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
	msg := map[string]any{"role": "assistant", "content": doneText}
	finish := "stop"
	if c != nil {
		finish = "tool_calls"
		msg = map[string]any{"role": "assistant", "content": nil, "tool_calls": []any{map[string]any{
			"id": "call_e2e1", "type": "function", "function": map[string]any{"name": c.Name, "arguments": argsJSON(c)}}}}
	}
	if stream, _ := req["stream"].(bool); !stream {
		writeJSON(w, map[string]any{"id": "chatcmpl-e2e", "object": "chat.completion", "created": 1, "model": model,
			"choices": []any{map[string]any{"index": 0, "message": msg, "finish_reason": finish}}, "usage": usage})
		return
	}
	startSSE(w)
	chunk := func(delta map[string]any, finish any, withUsage bool) {
		ch := map[string]any{"id": "chatcmpl-e2e", "object": "chat.completion.chunk", "created": 1, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}}
		if withUsage {
			ch["usage"] = usage
		}
		sse(w, "", ch)
	}
	if c != nil {
		chunk(map[string]any{"role": "assistant", "content": nil, "tool_calls": []any{map[string]any{"index": 0,
			"id": "call_e2e1", "type": "function", "function": map[string]any{"name": c.Name, "arguments": argsJSON(c)}}}}, nil, false)
	} else {
		chunk(map[string]any{"role": "assistant", "content": doneText}, nil, false)
	}
	chunk(map[string]any{}, finish, true)
	fmt.Fprint(w, "data: [DONE]\n\n")
}
