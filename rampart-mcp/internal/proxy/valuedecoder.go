package proxy

import (
	"encoding/json"
	"errors"
	"io"
	"sync"
)

// valueDecoder decodes JSON texts one at a time, each the whole of a byte
// slice, as a fresh json.Decoder reading only that slice would (the same
// values, the same errors), but keeping one decoder and its buffers from
// one text to the next: a decoder made for every message costs the
// decoder, its reader, its buffer and its scanner's stack each time. A
// decoder that failed, or that a text left unfinished or followed by more,
// is dropped, and so is one a large text would leave holding a large
// buffer.
type valueDecoder struct {
	useNumber bool

	mu   sync.Mutex
	src  textSource
	dec  *json.Decoder
	base int64 // the decoder's input offset where the current text began
}

// maxKeptText is the longest text after which the decoder is kept.
const maxKeptText = 64 << 10

// textSource hands a decoder one text, then io.EOF.
type textSource struct{ b []byte }

func (s *textSource) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.b)
	s.b = s.b[n:]
	return n, nil
}

// errTrailing reports a text holding more than one value, which a fresh
// decoder reads without error and callers refuse by its offset.
var errTrailing = errors.New("invalid JSON")

// decode returns the value text holds. It fails, with the decoder's error,
// when text is not a JSON value, and with errTrailing when it holds more
// than one.
func (d *valueDecoder) decode(text []byte) (any, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dec == nil {
		d.dec = json.NewDecoder(&d.src)
		if d.useNumber {
			d.dec.UseNumber()
		}
		d.base = 0
	}
	d.src.b = text
	var v any
	err := d.dec.Decode(&v)
	if err == nil && d.dec.InputOffset()-d.base != int64(len(text)) {
		err = errTrailing
	}
	d.src.b = nil
	if err != nil || len(text) > maxKeptText {
		d.dec = nil
	} else {
		d.base = d.dec.InputOffset()
	}
	return v, err
}
