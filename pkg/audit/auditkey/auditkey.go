// Package auditkey signs audit checkpoints (see audit.Checkpoint) and
// checks them, with the machine's ed25519 audit key. It is apart from
// package audit so that the processes that only append to the log (the
// hook, one per tool call) do not link and initialise the signature code.
package auditkey

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"rampart.dev/pkg/audit"
	"rampart.dev/pkg/private"
)

// maxCheckpoint bounds a checkpoint file: the real ones are under 300 bytes.
const maxCheckpoint = 4 << 10

// KeyID returns the id of a public key.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:8])
}

// NewCheckpoint signs a checkpoint for seq and hash at time t.
func NewCheckpoint(key ed25519.PrivateKey, seq uint64, hash string, t time.Time) *audit.Checkpoint {
	pub := key.Public().(ed25519.PublicKey)
	c := &audit.Checkpoint{Seq: seq, Hash: hash, Time: t.UTC().Truncate(time.Second), KeyID: KeyID(pub), Key: pub}
	c.Sig = ed25519.Sign(key, c.Body())
	return c
}

// ParseCheckpoint reads a checkpoint and checks its signature against the
// key it names. Whether that key is one to trust is the caller's question:
// see SignedBy.
func ParseCheckpoint(b []byte) (*audit.Checkpoint, error) {
	bad := func(why string) (*audit.Checkpoint, error) { return nil, fmt.Errorf("bad checkpoint: %s", why) }
	if len(b) > maxCheckpoint {
		return bad("too long")
	}
	body, sigLine, ok := bytes.Cut(b, []byte("\n\n"))
	if !ok {
		return bad("no signature")
	}
	body = append(body, '\n')
	lines := strings.Split(strings.TrimSuffix(string(body), "\n"), "\n")
	if len(lines) != 5 || lines[0] != audit.CheckpointHeader {
		return bad("not a rampart audit checkpoint v1")
	}
	field := func(line, name string) (string, bool) { return strings.CutPrefix(line, name+" ") }
	c := &audit.Checkpoint{}
	s, ok := field(lines[1], "seq")
	if !ok {
		return bad("no seq")
	}
	seq, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return bad("bad seq")
	}
	c.Seq = seq
	if c.Hash, ok = field(lines[2], "hash"); !ok || !(len(c.Hash) == 64 || c.Hash == "" && seq == 0) {
		return bad("bad hash")
	}
	if s, ok = field(lines[3], "time"); !ok {
		return bad("no time")
	}
	if c.Time, err = time.Parse(time.RFC3339, s); err != nil {
		return bad("bad time")
	}
	if s, ok = field(lines[4], "key"); !ok {
		return bad("no key")
	}
	id, k, _ := strings.Cut(s, " ")
	key, err := base64.StdEncoding.DecodeString(k)
	if err != nil || len(key) != ed25519.PublicKeySize || id != KeyID(key) {
		return bad("bad key")
	}
	c.KeyID, c.Key = id, key
	sig, ok := strings.CutPrefix(strings.TrimSpace(string(sigLine)), "sig ")
	if !ok {
		return bad("no signature")
	}
	if c.Sig, err = base64.StdEncoding.DecodeString(sig); err != nil || len(c.Sig) != ed25519.SignatureSize {
		return bad("bad signature encoding")
	}
	if !bytes.Equal(c.Body(), body) || !ed25519.Verify(c.Key, body, c.Sig) {
		return bad("signature does not verify")
	}
	return c, nil
}

// SignedBy reports whether c was signed by pub.
func SignedBy(c *audit.Checkpoint, pub ed25519.PublicKey) bool {
	return pub != nil && len(c.Key) == ed25519.PublicKeySize && pub.Equal(ed25519.PublicKey(c.Key)) &&
		ed25519.Verify(pub, c.Body(), c.Sig)
}

// ErrNoKey is returned by LoadKey when the key does not exist and create is
// false.
var ErrNoKey = errors.New("no audit key")

// LoadKey reads the ed25519 checkpoint key at path (PKCS #8 PEM). With
// create, a missing key is generated and written 0600 (the directory 0700).
// A key file readable by group or others is refused, as ssh does.
func LoadKey(path string, create bool) (ed25519.PrivateKey, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) && create {
		return createKey(path)
	}
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoKey)
	}
	if err != nil {
		return nil, err
	}
	if open, err := private.OpenToOthers(path); err == nil && open != "" {
		return nil, fmt.Errorf("%s: key is accessible to others (%s); %s", path, open, private.Fix(path))
	}
	return parseKey(path, b)
}

func parseKey(path string, b []byte) (ed25519.PrivateKey, error) {
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s: not a PEM private key", path)
	}
	seed, ok := bytes.CutPrefix(blk.Bytes, pkcs8Ed25519)
	if !ok || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%s: not an ed25519 PKCS #8 key", path)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// pkcs8Ed25519 is the DER of a PKCS #8 ed25519 private key (RFC 8410)
// before its 32-byte seed: every such key is these 16 bytes then the seed,
// the same bytes openssl writes. Spelling it out keeps crypto/x509, and the
// RSA and ECDSA code it brings, out of every binary that links this
// package.
var pkcs8Ed25519 = []byte{0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20}

func createKey(path string) (ed25519.PrivateKey, error) {
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	der := append(append([]byte(nil), pkcs8Ed25519...), key.Seed()...)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// Written whole to a temporary file, then linked into place: link(2)
	// fails if the key exists, so two processes creating it at once agree
	// on one key, and no reader ever sees half a key.
	f, err := os.CreateTemp(filepath.Dir(path), ".audit.key.*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	err = pem.Encode(f, &pem.Block{Type: "PRIVATE KEY", Bytes: der})
	if err == nil {
		err = f.Sync()
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return nil, err
	}
	if err := os.Link(f.Name(), path); err != nil {
		if os.IsExist(err) {
			return LoadKey(path, false) // another process made it first
		}
		return nil, err
	}
	return key, nil
}
