package openclaw

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"rampart.dev/pkg/private"
)

// Identity is this client's device identity: an Ed25519 key pair. The
// gateway pairs devices by id, the hex SHA-256 of the raw 32-byte public
// key (deriveDeviceIdFromPublicKey in the openclaw package), and checks a
// signature over the connect parameters and its challenge nonce.
type Identity struct {
	key ed25519.PrivateKey
}

// NewIdentity wraps an Ed25519 private key.
func NewIdentity(key ed25519.PrivateKey) *Identity { return &Identity{key: key} }

// GenerateIdentity makes a new key pair.
func GenerateIdentity() (*Identity, error) {
	_, k, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	return &Identity{key: k}, nil
}

// LoadOrCreateIdentity reads the PKCS #8 PEM private key at path, or
// creates one there (mode 0600, directory 0700) when there is none. A key
// file readable by others is refused, as ssh refuses one: whoever holds
// it is this operator to the gateway.
func LoadOrCreateIdentity(path string) (*Identity, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		id, err := GenerateIdentity()
		if err != nil {
			return nil, err
		}
		der, err := x509.MarshalPKCS8PrivateKey(id.key)
		if err != nil {
			return nil, err
		}
		if err := WriteSecret(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})); err != nil {
			return nil, err
		}
		return id, nil
	}
	if err != nil {
		return nil, err
	}
	if err := CheckPrivate(path); err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil || blk.Type != "PRIVATE KEY" {
		return nil, fmt.Errorf("%s: not a PEM private key", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	ek, ok := k.(ed25519.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("%s: not an Ed25519 key", path)
	}
	return &Identity{key: ek}, nil
}

// WriteSecret writes b to path with mode 0600, creating the directory with
// mode 0700, through a temporary file so that a crash leaves no half key.
func WriteSecret(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// CheckPrivate fails when the file at path can be read or written by
// anyone but its owner.
func CheckPrivate(path string) error {
	open, err := private.OpenToOthers(path)
	if err != nil {
		return err
	}
	if open != "" {
		return fmt.Errorf("%s is %s; it holds a secret and must be %s", path, open, private.Required)
	}
	return nil
}

// ID is the device id: hex SHA-256 of the raw public key.
func (id *Identity) ID() string {
	sum := sha256.Sum256(id.key.Public().(ed25519.PublicKey))
	return hex.EncodeToString(sum[:])
}

// PublicKey is the raw public key, base64url without padding, as the
// gateway expects it in connect.params.device.publicKey.
func (id *Identity) PublicKey() string {
	return base64.RawURLEncoding.EncodeToString(id.key.Public().(ed25519.PublicKey))
}

// Sign signs payload (UTF-8) and returns the signature base64url without
// padding.
func (id *Identity) Sign(payload string) string {
	return base64.RawURLEncoding.EncodeToString(ed25519.Sign(id.key, []byte(payload)))
}

// SignedFields are what the v3 device signature covers.
type SignedFields struct {
	DeviceID, ClientID, ClientMode, Role string
	Scopes                               []string
	SignedAtMs                           int64
	Token, Nonce                         string
	Platform, DeviceFamily               string
}

// PayloadV3 is the string a device signs in connect, as
// buildDeviceAuthPayloadV3 in the openclaw package builds it:
//
//	v3|DEVICEID|CLIENTID|MODE|ROLE|SCOPE1,SCOPE2|SIGNEDATMS|TOKEN|NONCE|platform|devicefamily
//
// with platform and device family trimmed and ASCII-lower-cased.
func PayloadV3(f SignedFields) string {
	return strings.Join([]string{
		"v3",
		f.DeviceID,
		f.ClientID,
		f.ClientMode,
		f.Role,
		strings.Join(f.Scopes, ","),
		strconv.FormatInt(f.SignedAtMs, 10),
		f.Token,
		f.Nonce,
		normalizeMetadata(f.Platform),
		normalizeMetadata(f.DeviceFamily),
	}, "|")
}

// normalizeMetadata trims and lower-cases A-Z only, as the gateway does.
func normalizeMetadata(s string) string {
	s = strings.TrimSpace(s)
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
