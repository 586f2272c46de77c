package audit

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// checkParams fails unless encodeParams writes v byte for byte as the
// Encoder does, or fails where it fails.
func checkParams(t *testing.T, v any) {
	t.Helper()
	want, werr := encoderParams(v)
	got, gerr := encodeParams(v)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%#v: error %v, reference error %v", v, gerr, werr)
	}
	if werr == nil && !bytes.Equal(got, want) {
		t.Fatalf("%#v:\n got %s\nwant %s", v, got, want)
	}
}

var paramsSeeds = []string{
	`{"command":"git status"}`,
	`{"path":"/home/dev/project/a.txt","content":"line\nnext\ttab \"q\" \\ <b>&amp;</b>"}`,
	`{"z":1,"a":[1,2.5,-3e-7,1e21,123456789012345678901234567890],"m":{"y":null,"x":true,"w":false}}`,
	`{"ctl":"\u0000\u0001\u0008\u000c\u001f\u007f","ls":"a\u2028b\u2029c","emoji":"\ud83d\ude00","é":"ü"}`,
	`{"nested":[[],{},[{"k":[null]}]],"":""}`,
	`{"num":0,"neg":-0.0,"small":1e-7,"big":1.7976931348623157e308}`,
}

func TestEncodeParamsMatchesEncoder(t *testing.T) {
	for _, s := range paramsSeeds {
		for _, useNumber := range []bool{false, true} {
			var m map[string]any
			d := json.NewDecoder(bytes.NewReader([]byte(s)))
			if useNumber {
				d.UseNumber()
			}
			if err := d.Decode(&m); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
			checkParams(t, m)
		}
	}
	// Strings JSON text cannot hold: invalid UTF-8 in values and keys.
	checkParams(t, map[string]any{"bad\xff": "a\xffb\xc3", "cut": "\xe2\x80"})
	// Kinds decoding does not make go to the Encoder, as do values it
	// cannot write.
	checkParams(t, map[string]any{"ints": []int{1, 2}, "s": struct{ A string }{"<x>"}})
	checkParams(t, map[string]any{"inf": math.Inf(1)})
	checkParams(t, map[string]any{"nan": math.NaN()})
	checkParams(t, map[string]any{"n": json.Number("1x")})
	checkParams(t, map[string]any{"nilmap": map[string]any(nil), "nilslice": []any(nil)})
	// No params at all are written as an empty object, as before.
	if got, _ := encodeParams(map[string]any(nil)); string(got) != "{}" {
		t.Errorf("nil params: %s, want {}", got)
	}
}

// Numbers are written as the Encoder writes a float64, at the edges of
// its two forms and of the exponent's digits.
func TestEncodeParamsFloats(t *testing.T) {
	fs := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 30, 1e-6, 9.999999e-7, 1e-7, 1e-9, 1e-10,
		1e20, 1e21 - 65536, 1e21, -1e21, 1.7976931348623157e308, 5e-324, -5e-324, 123456789012345678,
		0.000001, 0.0000012345, 2.5e-8, 1e100, -1e-100, 1 << 53, 1<<53 + 1, math.Pi, -math.E}
	for e := -330; e <= 310; e++ {
		fs = append(fs, math.Pow(10, float64(e)), 1.25*math.Pow(10, float64(e)))
	}
	for _, f := range fs {
		checkParams(t, map[string]any{"n": f, "l": []any{f, -f}})
	}
}

func FuzzEncodeParams(f *testing.F) {
	for _, s := range paramsSeeds {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, b []byte, useNumber bool) {
		var m map[string]any
		d := json.NewDecoder(bytes.NewReader(b))
		if useNumber {
			d.UseNumber()
		}
		if d.Decode(&m) != nil {
			// Not JSON: the bytes as a key and a value still must match.
			m = map[string]any{string(b): string(b)}
		}
		if m == nil { // "null": no params, written as {} by design
			m = map[string]any{}
		}
		checkParams(t, m)
	})
}

func BenchmarkEncodeParams(b *testing.B) {
	var m map[string]any
	json.Unmarshal([]byte(`{"command":"git status","cwd":"/home/dev/project","timeout":30,"env":{"A":"1"}}`), &m)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encodeParams(m); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeParamsEncoder is the same through encoding/json's
// Encoder, the way encodeParams wrote every record before.
func BenchmarkEncodeParamsEncoder(b *testing.B) {
	var m map[string]any
	json.Unmarshal([]byte(`{"command":"git status","cwd":"/home/dev/project","timeout":30,"env":{"A":"1"}}`), &m)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encoderParams(m); err != nil {
			b.Fatal(err)
		}
	}
}
