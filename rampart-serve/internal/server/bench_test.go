package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPreflight is one decision over HTTP on loopback, auth, decoding,
// evaluation, audit (in memory here) and metrics included.
func BenchmarkPreflight(b *testing.B) {
	e := start(b, topts{})
	body := []byte(`{"params":{"command":"git status"},"agent":"bench"}`)
	client := e.ts.Client()
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest("POST", e.ts.URL+"/v1/preflight/exec", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+agentTok)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

// BenchmarkDecodeCall is the request decoding alone.
func BenchmarkDecodeCall(b *testing.B) {
	body := []byte(`{"params":{"command":"git status"},"agent":"bench","cwd":"/srv"}`)
	for b.Loop() {
		if _, err := decodeCall("exec", body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreflightHandler is the handler alone, without the network:
// auth, decoding, evaluation, the audit append (to a real file) and the
// answer.
func BenchmarkPreflightHandler(b *testing.B) {
	e := start(b, topts{})
	body := []byte(`{"params":{"command":"git status"},"agent":"bench"}`)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/preflight/exec", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+agentTok)
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
	}
}
