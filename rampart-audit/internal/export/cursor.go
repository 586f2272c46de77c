package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// maxCursor bounds a cursor file: a cursor is three short fields, so
// anything larger is not one.
const maxCursor = 4 << 10

// Cursor is where an export stands: the last record the collector
// acknowledged. The zero Cursor means nothing was exported yet.
type Cursor struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
	ID   string `json:"id"`
}

// ParseCursor decodes a cursor file's bytes, strictly: unknown keys, a seq
// without its hash or a hash that is not hex SHA-256 are errors, since a
// cursor that is wrong would skip or repeat records silently.
func ParseCursor(b []byte) (Cursor, error) {
	var c Cursor
	if len(b) > maxCursor {
		return c, errors.New("cursor file larger than 4 KiB")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Cursor{}, fmt.Errorf("not a cursor: %v", err)
	}
	if dec.More() {
		return Cursor{}, errors.New("not a cursor: data after the object")
	}
	switch {
	case c.Seq == 0 && (c.Hash != "" || c.ID != ""):
		return Cursor{}, errors.New("not a cursor: hash or id without a seq")
	case c.Seq > 0 && !isHash(c.Hash):
		return Cursor{}, errors.New("not a cursor: hash is not 64 hex digits")
	}
	return c, nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Marshal encodes c as one line of JSON.
func (c Cursor) Marshal() []byte {
	b, _ := json.Marshal(c)
	return append(b, '\n')
}

// LoadCursor reads the cursor file at path; a missing file is the zero
// Cursor (nothing exported yet), a damaged one an error.
func LoadCursor(path string) (Cursor, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Cursor{}, nil
	}
	if err != nil {
		return Cursor{}, err
	}
	c, err := ParseCursor(b)
	if err != nil {
		return Cursor{}, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// SaveCursor replaces the cursor file at path atomically: the new content
// goes to a temporary file in the same directory, is flushed to disk, and
// is renamed over the old one, so a crash leaves either cursor, never half
// of one. The directory is created 0700 as needed.
func SaveCursor(path string, c Cursor) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(c.Marshal())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("saving the cursor: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename itself survives a power loss
		d.Close()
	}
	return nil
}
