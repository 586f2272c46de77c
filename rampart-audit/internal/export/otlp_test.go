package export

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

func partialProto(rejected uint64, msg string) []byte {
	var ps []byte
	ps = protowire.AppendTag(ps, 1, protowire.VarintType)
	ps = protowire.AppendVarint(ps, rejected)
	ps = protowire.AppendTag(ps, 2, protowire.BytesType)
	ps = protowire.AppendString(ps, msg)
	b := protowire.AppendTag(nil, 1, protowire.BytesType)
	return protowire.AppendBytes(b, ps)
}

func TestParseResponse(t *testing.T) {
	for _, tt := range []struct {
		ct   string
		body string
		ok   bool
		want Answer
		err  bool
	}{
		{"application/json", `{"partialSuccess":{"rejectedLogRecords":"3","errorMessage":"bad"}}`, true, Answer{3, "bad"}, false},
		{"application/json", `{"partialSuccess":{}}`, true, Answer{}, false},
		{"application/json", `{}`, true, Answer{}, false},
		{"application/json; charset=utf-8", `{"code":3,"message":"invalid\nbody"}`, false, Answer{Message: "invalid body"}, false},
		{"application/x-protobuf", string(partialProto(2, "dup")), true, Answer{2, "dup"}, false},
		{"application/x-protobuf", "", true, Answer{}, false},
		{"application/x-protobuf", "\xff\xff\xff", true, Answer{}, true},
		{"application/json", `{"partialSuccess":{"rejectedLogRecords":"-1"}}`, true, Answer{}, true},
		{"text/html", `<html>`, true, Answer{}, false},
	} {
		got, err := ParseResponse(tt.ct, []byte(tt.body), tt.ok)
		if (err != nil) != tt.err || got != tt.want {
			t.Errorf("ParseResponse(%q, %q) = %+v, %v; want %+v, error %v", tt.ct, tt.body, got, err, tt.want, tt.err)
		}
	}
}

func FuzzParseResponse(f *testing.F) {
	f.Add("application/x-protobuf", partialProto(1, "x"), true)
	f.Add("application/json", []byte(`{"partialSuccess":{"rejectedLogRecords":5}}`), true)
	f.Add("application/json", []byte(`{"message":"nope"}`), false)
	f.Fuzz(func(t *testing.T, ct string, body []byte, ok bool) {
		a, err := ParseResponse(ct, body, ok)
		if err == nil && (a.Rejected < 0 || len(a.Message) > 400 || strings.ContainsAny(a.Message, "\n\r\x00")) {
			t.Fatalf("ParseResponse gave %+v", a)
		}
	})
}

// TestOTLPStatuses: 503 is retried, 400 and a partial success are not.
func TestOTLPStatuses(t *testing.T) {
	var calls atomic.Int32
	status := http.StatusServiceUnavailable
	var partial []byte
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		b, _ := io.ReadAll(r.Body)
		if r.URL.Path != "/v1/logs" || r.Header.Get("Content-Type") != "application/x-protobuf" || r.Header.Get("Authorization") != "Bearer t" || len(b) == 0 {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/x-protobuf")
		w.WriteHeader(status)
		w.Write(partial)
	}))
	defer ts.Close()
	sink := NewOTLP(OTLPConfig{URL: ts.URL + "/v1/logs", Headers: []string{"Authorization=Bearer t"}})
	defer sink.Close()
	items := []Item{sampleItem(t)}
	if err := sink.Send(context.Background(), items); err == nil || IsPermanent(err) {
		t.Fatalf("503: %v, want a retryable error", err)
	}
	status = http.StatusOK
	if err := sink.Send(context.Background(), items); err != nil {
		t.Fatalf("200: %v", err)
	}
	partial = partialProto(1, "rejected")
	if err := sink.Send(context.Background(), items); !IsPermanent(err) || !strings.Contains(err.Error(), "rejected 1 of 1") {
		t.Fatalf("partial success: %v, want a permanent error", err)
	}
	status, partial = http.StatusBadRequest, nil
	if err := sink.Send(context.Background(), items); !IsPermanent(err) {
		t.Fatalf("400: %v, want a permanent error", err)
	}
}
