package main

import (
	"encoding/base64"
	"testing"
)

// TestRedactorClean: Clean agrees with Value about one string under a
// member, base64 content included.
func TestRedactorClean(t *testing.T) {
	aws := "AKIA" + "IOSFODNN7EXAMPLE"
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	strs := []string{"", "hello", aws, b64("key " + aws), b64("nothing to see in here"), base64.RawStdEncoding.EncodeToString([]byte("key " + aws + "!")), "hunter22"}
	for _, s := range strs {
		for _, key := range []string{"", "text", "data", "blob", "password"} {
			for _, member := range []bool{true, false} {
				var v any = map[string]any{key: s}
				if !member {
					v = map[string]any{key: []any{s}}
				}
				_, kinds := secretRedactor{}.Value(v)
				if got := (secretRedactor{}).Clean(s, key, member); got != (len(kinds) == 0) {
					t.Errorf("Clean(%q, %q, %v) = %v, Value found %v", s, key, member, got, kinds)
				}
			}
		}
	}
}
