package openclaw_test

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"rampart.dev/rampart-serve/internal/openclaw"
)

type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

var frameSeeds = []string{
	`{"type":"event","event":"connect.challenge","payload":{"nonce":"n1","ts":1737264000000}}`,
	`{"type":"res","id":"1","ok":true,"payload":{"type":"hello-ok","protocol":4,"policy":{"tickIntervalMs":15000}}}`,
	`{"type":"res","id":"2","ok":false,"error":{"code":"INVALID_REQUEST","message":"unknown approval id"}}`,
	`{"type":"event","event":"exec.approval.requested","payload":{"id":"a1","request":{"command":"ls -la","cwd":"/tmp","sessionKey":"agent:main:main","allowedDecisions":["allow-once","deny"]},"createdAtMs":1,"expiresAtMs":2},"seq":7}`,
	`{"type":"req","id":"3","method":"exec.approval.list","params":{}}`,
	`{"type":"res","id":"4","ok":false}`,
	`{"type":"event"}`,
	`{"type":"res","id":"5","ok":true,"payload":null}`,
	`[]`,
	`{"type":"ping"}`,
}

func TestDecodeFrame(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string
	}{
		{frameSeeds[0], ""},
		{frameSeeds[2], ""},
		{frameSeeds[5], ""},
		{frameSeeds[6], "without a name"},
		{frameSeeds[8], "not a JSON object"},
		{frameSeeds[9], "unknown frame type"},
		{`{"type":"res","ok":true}`, "without id"},
		{`{"type":"req","id":"1"}`, "without id or method"},
	}
	for _, tt := range tests {
		_, err := openclaw.DecodeFrame([]byte(tt.in))
		if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("DecodeFrame(%s) error = %v, want %q", tt.in, err, tt.wantErr)
		}
	}
	f, _ := openclaw.DecodeFrame([]byte(frameSeeds[5]))
	if f.Error == nil {
		t.Errorf("a failed response without an error gets one, so callers never see ok=false and no reason")
	}
	if _, err := openclaw.DecodeFrame(make([]byte, openclaw.MaxFrame+1)); err == nil {
		t.Errorf("an oversized frame decoded")
	}
}

func TestDecodeChallenge(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{`{"nonce":"n","ts":1737264000000}`, true},
		{`{"nonce":"n","ts":-1}`, false},
		{`{"nonce":"n","ts":1.5}`, false},
		{`{"nonce":"n"}`, false},
		{`{"nonce":" ","ts":1}`, false},
		{`{"ts":1}`, false},
	}
	for _, tt := range tests {
		if _, err := openclaw.DecodeChallenge([]byte(tt.in)); (err == nil) != tt.ok {
			t.Errorf("DecodeChallenge(%s) error = %v, want ok %v", tt.in, err, tt.ok)
		}
	}
}

func TestDecodeApprovalList(t *testing.T) {
	in := `[{"id":"a","request":{"command":"ls"},"expiresAtMs":5},{"id":"b","request":{}},{"request":{"command":"x"}}]`
	items, bad, err := openclaw.DecodeApprovalList([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	// b has no command but an id: it is kept so it can be denied.
	if len(items) != 2 || items[0].ID != "a" || items[1].ID != "b" || len(bad) != 2 {
		t.Errorf("DecodeApprovalList = %+v, %v; want a and b, two errors", items, bad)
	}
	wrapped := `{"approvals":[{"id":"a","request":{"command":"ls"}}]}`
	if items, _, err := openclaw.DecodeApprovalList([]byte(wrapped)); err != nil || len(items) != 1 {
		t.Errorf("DecodeApprovalList(%s) = %v, %v", wrapped, items, err)
	}
}

// PayloadV3 matches buildDeviceAuthPayloadV3 in the openclaw package.
func TestPayloadV3(t *testing.T) {
	got := openclaw.PayloadV3(openclaw.SignedFields{
		DeviceID: "dev", ClientID: "gateway-client", ClientMode: "backend", Role: "operator",
		Scopes: []string{"operator.admin", "operator.read"}, SignedAtMs: 1737264000000,
		Token: "tok", Nonce: "nonce", Platform: " Linux ", DeviceFamily: "Linux",
	})
	want := "v3|dev|gateway-client|backend|operator|operator.admin,operator.read|1737264000000|tok|nonce|linux|linux"
	if got != want {
		t.Errorf("PayloadV3 = %q, want %q", got, want)
	}
}

func TestIdentityFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "home", "openclaw-device.pem")
	a, err := openclaw.LoadOrCreateIdentity(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode = %v, %v; want 0600", st.Mode(), err)
	}
	b, err := openclaw.LoadOrCreateIdentity(path)
	if err != nil || a.ID() != b.ID() || len(a.ID()) != 64 {
		t.Fatalf("reloaded identity %v differs from %v (%v)", b.ID(), a.ID(), err)
	}
	pub, _ := base64.RawURLEncoding.DecodeString(a.PublicKey())
	sig, _ := base64.RawURLEncoding.DecodeString(a.Sign("hello"))
	if !ed25519.Verify(pub, []byte("hello"), sig) {
		t.Errorf("signature does not verify")
	}
	os.Chmod(path, 0o644)
	if _, err := openclaw.LoadOrCreateIdentity(path); err == nil || !strings.Contains(err.Error(), "0600") {
		t.Errorf("a key readable by others loaded: %v", err)
	}
}

// FuzzDecodeFrame: decoding never panics, and a decoded frame encodes to
// JSON that decodes to the same frame.
func FuzzDecodeFrame(f *testing.F) {
	for _, s := range frameSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fr, err := openclaw.DecodeFrame(b)
		if err != nil {
			return
		}
		enc, err := json.Marshal(fr)
		if err != nil {
			t.Fatalf("re-encoding %+v: %v", fr, err)
		}
		again, err := openclaw.DecodeFrame(enc)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", enc, err)
		}
		if !reflect.DeepEqual(normalize(fr), normalize(again)) {
			t.Fatalf("round trip changed the frame:\n%+v\n%+v", fr, again)
		}
		if fr.Type == openclaw.TypeEvent && fr.Event == "exec.approval.requested" {
			openclaw.DecodeApprovalRequest(fr.Payload)
		}
		if fr.Type == openclaw.TypeRes {
			openclaw.DecodeApprovalList(fr.Payload)
		}
		if fr.Type == openclaw.TypeEvent && fr.Event == "connect.challenge" {
			openclaw.DecodeChallenge(fr.Payload)
		}
	})
}

// normalize compacts raw JSON so that whitespace differences do not count.
func normalize(f openclaw.Frame) openclaw.Frame {
	compact := func(r json.RawMessage) json.RawMessage {
		if r == nil {
			return nil
		}
		var v any
		if json.Unmarshal(r, &v) != nil {
			return r
		}
		b, _ := json.Marshal(v)
		return b
	}
	f.Params, f.Payload = compact(f.Params), compact(f.Payload)
	if f.Error != nil {
		e := *f.Error
		e.Details = compact(e.Details)
		f.Error = &e
	}
	return f
}
