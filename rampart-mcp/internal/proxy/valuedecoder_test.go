package proxy

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// fresh decodes text as serverLine did before valueDecoder: a new decoder
// reading only text, which must hold one value and nothing more.
func fresh(text []byte, useNumber bool) (any, string) {
	dec := json.NewDecoder(bytes.NewReader(text))
	if useNumber {
		dec.UseNumber()
	}
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err.Error()
	}
	if dec.InputOffset() != int64(len(text)) {
		return nil, "invalid JSON"
	}
	return v, ""
}

var decoderTexts = []string{
	`{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"hi"}]}}`,
	`{"a":1.50,"b":[1,2e3,-0],"c":null,"d":true,"e":"\u00e9\n"}`,
	`[{"id":1},{"id":2}]`,
	`{"a":1} {"b":2}`,
	`{"a":1}x`,
	`{"a":`,
	`{"a":1,}`,
	`{"a":"\xff"}`,
	`[1,2,3`,
	`{"k":"` + strings.Repeat("x", maxKeptText) + `"}`,
	`{"deep":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
	`{}`,
	`[]`,
	`1`,
	` 2.50 `,
	`"s"`,
	`true`,
	``,
	`  `,
	`1 2`,
	`{"a":1}`,
}

// A kept decoder gives every text the value and the error a fresh one
// gives, whatever came before it.
func TestValueDecoderAsFresh(t *testing.T) {
	for _, useNumber := range []bool{false, true} {
		d := valueDecoder{useNumber: useNumber}
		for round := range 2 {
			for _, text := range decoderTexts {
				check(t, &d, []byte(text), useNumber, round)
			}
		}
	}
}

func check(t *testing.T, d *valueDecoder, text []byte, useNumber bool, round int) {
	t.Helper()
	want, wantErr := fresh(text, useNumber)
	got, err := d.decode(text)
	gotErr := ""
	if err != nil {
		gotErr, got = err.Error(), nil
	}
	if gotErr != wantErr || !reflect.DeepEqual(got, want) {
		t.Errorf("round %d, useNumber %v, %.40q: decode = %v, %q; fresh = %v, %q", round, useNumber, text, got, gotErr, want, wantErr)
	}
}

func FuzzValueDecoder(f *testing.F) {
	for i, a := range decoderTexts {
		f.Add(a, decoderTexts[(i+3)%len(decoderTexts)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, useNumber := range []bool{false, true} {
			d := valueDecoder{useNumber: useNumber}
			for _, text := range []string{a, b, a} {
				check(t, &d, []byte(text), useNumber, 0)
			}
		}
	})
}
