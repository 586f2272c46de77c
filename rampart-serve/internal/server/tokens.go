package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"rampart.dev/pkg/home"
	"rampart.dev/pkg/private"
)

// LoadTokens returns the agent and admin tokens, creating each one that does
// not exist yet: 32 random bytes in hex, in a file of mode 0600 inside a
// home directory of mode 0700. A token file that others may read is
// refused, since whoever reads the admin token can approve anything.
func LoadTokens(l home.Layout) (agent, admin string, err error) {
	if err := os.MkdirAll(l.Dir, 0o700); err != nil {
		return "", "", err
	}
	if agent, err = loadToken(l.AgentToken()); err != nil {
		return "", "", err
	}
	if admin, err = loadToken(l.AdminToken()); err != nil {
		return "", "", err
	}
	if agent == admin {
		return "", "", fmt.Errorf("%s and %s hold the same token", l.AgentToken(), l.AdminToken())
	}
	return agent, admin, nil
}

func loadToken(path string) (string, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		var b [32]byte
		rand.Read(b[:])
		tok := hex.EncodeToString(b[:])
		_, werr := f.WriteString(tok + "\n")
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = private.Restrict(path) // on Windows the mode above is not enough
		}
		if werr != nil {
			os.Remove(path)
			return "", werr
		}
		return tok, nil
	case !errors.Is(err, fs.ErrExist):
		return "", err
	}
	open, err := private.OpenToOthers(path)
	if err != nil {
		return "", err
	}
	if open != "" {
		return "", fmt.Errorf("%s may be read by others (%s); run %s", path, open, private.Fix(filepath.Clean(path)))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	tok := strings.TrimSpace(string(b))
	if len(tok) < minToken {
		return "", fmt.Errorf("%s: token shorter than %d bytes", path, minToken)
	}
	return tok, nil
}
