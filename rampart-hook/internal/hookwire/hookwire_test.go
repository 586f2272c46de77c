package hookwire

import (
	"reflect"
	"testing"
)

// TestRequestRoundTrip encodes requests and decodes them again, and
// refuses every truncation of one.
func TestRequestRoundTrip(t *testing.T) {
	for _, r := range []Request{
		{},
		{Args: []string{"--format", "claude-code", ""}, Cwd: "/home/u/p", Env: []string{"HOME=/home/u", "A=b=c"}},
	} {
		b := AppendRequest(nil, r)
		n, ok := BodyLen(b)
		if !ok || n != len(b)-HeaderLen {
			t.Fatalf("BodyLen = %d, %v; want %d", n, ok, len(b)-HeaderLen)
		}
		got, err := ParseRequest(b[HeaderLen:])
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Args) == 0 {
			got.Args = nil
		}
		if len(got.Env) == 0 {
			got.Env = nil
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip: %+v, want %+v", got, r)
		}
		for i := 0; i < len(b)-HeaderLen; i++ {
			if _, err := ParseRequest(b[HeaderLen : HeaderLen+i]); err == nil {
				t.Errorf("a body cut to %d bytes parsed", i)
			}
		}
	}
	if _, ok := BodyLen([]byte("not a request at all")); ok {
		t.Error("BodyLen accepted a bad header")
	}
}

// TestRunDir checks the run directory follows pkg/home: RAMPART_HOME, else
// HOME's .rampart, else none.
func TestRunDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		m    map[string]string
		want string
	}{
		{map[string]string{"RAMPART_HOME": "/r", "HOME": "/h"}, "/r/run"},
		{map[string]string{"HOME": "/h"}, "/h/.rampart/run"},
		{map[string]string{}, ""},
	} {
		if got := RunDir(env(c.m)); got != c.want {
			t.Errorf("RunDir(%v) = %q, want %q", c.m, got, c.want)
		}
	}
}
