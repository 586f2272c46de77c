// Package ojson reads and writes JSON objects keeping their keys in the
// order they were written, so that a settings file edited by
// `rampart-hook setup` keeps the shape its owner gave it.
//
// Values are *Object, []any, string, json.Number (the number's own text,
// so 1.0 stays 1.0), bool and nil. Output is indented by two spaces, as
// the agents whose settings are edited write them.
package ojson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Member is one key and its value.
type Member struct {
	Key   string
	Value any
}

// Object is a JSON object with its keys in order. Duplicate keys are kept
// as written; Get and Set act on the first.
type Object struct {
	Members []Member
}

// Get returns the value of key.
func (o *Object) Get(key string) (any, bool) {
	for _, m := range o.Members {
		if m.Key == key {
			return m.Value, true
		}
	}
	return nil, false
}

// Set replaces the value of key where it stands, or appends it.
func (o *Object) Set(key string, v any) {
	for i := range o.Members {
		if o.Members[i].Key == key {
			o.Members[i].Value = v
			return
		}
	}
	o.Members = append(o.Members, Member{key, v})
}

// Delete removes every member named key and reports whether there was one.
func (o *Object) Delete(key string) bool {
	kept := o.Members[:0]
	for _, m := range o.Members {
		if m.Key != key {
			kept = append(kept, m)
		}
	}
	removed := len(kept) != len(o.Members)
	o.Members = kept
	return removed
}

// Len is the number of members.
func (o *Object) Len() int { return len(o.Members) }

// MaxDepth bounds nesting; settings files are a few levels deep, and the
// bound keeps a hostile file from exhausting the stack.
const MaxDepth = 256

// SyntaxError is a parse error with its position.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// Parse reads data, which must hold exactly one JSON object.
func Parse(data []byte) (*Object, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := value(dec, 0)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("data after the top-level value")
			if terr != nil {
				err = terr
			}
		}
	}
	if err != nil {
		return nil, position(data, dec.InputOffset(), err)
	}
	o, ok := v.(*Object)
	if !ok {
		return nil, position(data, 0, errors.New("not a JSON object"))
	}
	return o, nil
}

func position(data []byte, off int64, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = errors.New("unexpected end of input")
		off = int64(len(data))
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return &SyntaxError{Line: line, Col: col, Msg: strings.TrimPrefix(err.Error(), "invalid character ")}
}

func value(dec *json.Decoder, depth int) (any, error) {
	if depth > MaxDepth {
		return nil, errors.New("nesting too deep")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			o := &Object{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := k.(string)
				if !ok {
					return nil, errors.New("object key is not a string")
				}
				v, err := value(dec, depth+1)
				if err != nil {
					return nil, err
				}
				o.Members = append(o.Members, Member{key, v})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return o, nil
		case '[':
			a := []any{}
			for dec.More() {
				v, err := value(dec, depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return a, nil
		}
		return nil, fmt.Errorf("unexpected %q", rune(t))
	}
	return tok, nil
}

// Marshal writes v indented by two spaces, with a final newline.
func Marshal(v any) []byte {
	var b bytes.Buffer
	write(&b, v, "")
	b.WriteByte('\n')
	return b.Bytes()
}

func write(b *bytes.Buffer, v any, indent string) {
	inner := indent + "  "
	switch t := v.(type) {
	case *Object:
		if len(t.Members) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range t.Members {
			b.WriteString(inner)
			writeString(b, m.Key)
			b.WriteString(": ")
			write(b, m.Value, inner)
			if i < len(t.Members)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []any:
		if len(t) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range t {
			b.WriteString(inner)
			write(b, e, inner)
			if i < len(t)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case string:
		writeString(b, t)
	case json.Number:
		b.WriteString(t.String())
	case bool:
		if t {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case nil:
		b.WriteString("null")
	case int:
		fmt.Fprintf(b, "%d", t)
	default:
		// Only the types Parse produces (and int, for values built in
		// code) are written; anything else is a programming error.
		panic(fmt.Sprintf("ojson: cannot write %T", v))
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Truncate(b.Len() - 1)
}

// Equal reports whether a and b are the same JSON, keys in the same order.
func Equal(a, b any) bool {
	switch x := a.(type) {
	case *Object:
		y, ok := b.(*Object)
		if !ok || len(x.Members) != len(y.Members) {
			return false
		}
		for i := range x.Members {
			if x.Members[i].Key != y.Members[i].Key || !Equal(x.Members[i].Value, y.Members[i].Value) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !Equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case int:
		return fmt.Sprint(x) == fmt.Sprint(b)
	case json.Number:
		if y, ok := b.(int); ok {
			return x.String() == fmt.Sprint(y)
		}
	}
	return a == b
}

// Clone returns a deep copy of v.
func Clone(v any) any {
	switch t := v.(type) {
	case *Object:
		o := &Object{Members: make([]Member, len(t.Members))}
		for i, m := range t.Members {
			o.Members[i] = Member{m.Key, Clone(m.Value)}
		}
		return o
	case []any:
		a := make([]any, len(t))
		for i, e := range t {
			a[i] = Clone(e)
		}
		return a
	}
	return v
}
