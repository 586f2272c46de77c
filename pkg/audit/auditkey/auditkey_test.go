package auditkey

import (
	"bytes"
	"crypto/ed25519"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/call"
)

// A signed checkpoint parses back, names its signer, and commits to a log
// that Verify holds to it; an altered one does not parse.
func TestCheckpoint(t *testing.T) {
	dir := t.TempDir()
	key, err := LoadKey(filepath.Join(dir, "audit.key"), true)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(filepath.Join(dir, "audit.key")); st.Mode().Perm() != 0o600 {
		t.Errorf("audit.key mode %v", st.Mode().Perm())
	}
	key2, err := LoadKey(filepath.Join(dir, "audit.key"), true)
	if err != nil || !key.Equal(key2) {
		t.Fatalf("LoadKey again = %v, want the same key", err)
	}

	path := filepath.Join(dir, "audit", "audit.jsonl")
	l, err := audit.Open(path, audit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	for i := range 30 {
		e := audit.Entry{
			Call:     call.Call{Tool: "exec", Params: call.Params{"command": fmt.Sprintf("echo %d", i)}, Agent: "claude-code"},
			Decision: call.Decision{Decision: call.Allow},
			Via:      "test",
		}
		if _, err := l.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	seq, hash, err := l.Head()
	if err != nil {
		t.Fatal(err)
	}
	text := NewCheckpoint(key, seq, hash, time.Unix(1700000000, 0)).Marshal()
	cp, err := ParseCheckpoint(text)
	if err != nil {
		t.Fatalf("ParseCheckpoint(%s) = %v", text, err)
	}
	if !SignedBy(cp, key.Public().(ed25519.PublicKey)) || cp.Seq != 30 || cp.Hash != hash {
		t.Fatalf("checkpoint = %+v", cp)
	}
	_, other, _ := ed25519.GenerateKey(nil)
	if SignedBy(cp, other.Public().(ed25519.PublicKey)) {
		t.Error("SignedBy another key = true")
	}
	res, err := audit.Verify(path, audit.VerifyOptions{Checkpoint: cp})
	if err != nil || res.Problem != nil {
		t.Fatalf("Verify with the checkpoint = %v, %v", res.Problem, err)
	}

	// A tampered checkpoint does not parse.
	bad := bytes.Replace(text, []byte("seq 30"), []byte("seq 31"), 1)
	if _, err := ParseCheckpoint(bad); err == nil {
		t.Error("ParseCheckpoint accepted an altered checkpoint")
	}
}

// The checkpoint key file is the PKCS #8 PEM that crypto/x509 (and openssl)
// read and write.
func TestKeyIsStandardPKCS8(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.key")
	key, err := LoadKey(path, true)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	blk, _ := pem.Decode(b)
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil || !key.Equal(k) {
		t.Fatalf("x509 reads the key as %v, %v", k, err)
	}
	der, _ := x509.MarshalPKCS8PrivateKey(key)
	if !bytes.Equal(der, blk.Bytes) {
		t.Errorf("key DER differs from x509's")
	}
	again, err := LoadKey(path, false)
	if err != nil || !again.Equal(key) {
		t.Errorf("LoadKey again = %v, %v", again, err)
	}
}
