package audit

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestPlainHeadAgreesWithJSON checks that the head file's fast reader
// reads what encode writes as encoding/json does, and leaves to it
// anything else.
func TestPlainHeadAgreesWithJSON(t *testing.T) {
	hash := strings.Repeat("0123456789abcdef", 4)
	heads := []head{
		{},
		{Seq: 1, Hash: hash, Gen: 0, Size: 464},
		{Seq: 262, Hash: hash, Gen: 3, Size: 134794},
		{Seq: 1<<59 - 1, Hash: hash, Gen: 1<<59 - 1, Size: 1<<59 - 1},
		{Seq: 7, Hash: hash, Gen: 1, Size: 9, Flags: []string{"repaired"}},
	}
	for _, h := range heads {
		got, ok := parseHead(h.encode())
		if !ok || !reflect.DeepEqual(got, h) {
			t.Errorf("parseHead(encode(%+v)) = %+v, %v", h, got, ok)
		}
	}
	inputs := []string{
		`{"seq":1,"hash":"` + hash + `","gen":0,"size":464}`,
		`{"seq":01,"hash":"` + hash + `","gen":0,"size":464}`,
		`{"seq":1, "hash":"` + hash + `","gen":0,"size":464}`,
		`{"seq":1,"hash":"` + strings.ToUpper(hash) + `","gen":0,"size":464}`,
		`{"seq":1,"hash":"` + hash + `","gen":0,"size":-4}`,
		`{"seq":1,"hash":"` + hash + `","gen":0,"size":464,"flags":["x"]}`,
		`{"seq":1,"hash":"` + hash + `","gen":0,"size":464}}`,
		`{"seq":99999999999999999999,"hash":"","gen":0,"size":0}`,
		`{"seq":0,"hash":"","gen":0,"size":0}`,
	}
	for _, in := range inputs {
		fast, ok := parsePlainHead([]byte(in))
		if !ok {
			continue
		}
		var slow head
		if err := json.Unmarshal([]byte(in), &slow); err != nil || !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: fast %+v, encoding/json %+v (%v)", in, fast, slow, err)
		}
	}
	if _, ok := parsePlainHead([]byte(inputs[1])); ok {
		t.Errorf("a number with a leading zero was read")
	}
}

func FuzzPlainHead(f *testing.F) {
	f.Add([]byte(head{Seq: 3, Hash: strings.Repeat("ab", 32), Gen: 1, Size: 77}.encode()))
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, ok := parsePlainHead(b)
		if !ok {
			return
		}
		var slow head
		if err := json.Unmarshal(b, &slow); err != nil || !reflect.DeepEqual(fast, slow) {
			t.Errorf("%q: fast %+v, encoding/json %+v (%v)", b, fast, slow, err)
		}
	})
}
