package main

import (
	"encoding/base64"

	"rampart.dev/pkg/secret"
)

// blobKeys are the members in which MCP carries base64 content: "data" of
// image and audio content, "blob" of embedded and read resources. A
// credential base64-encoded there is as readable to the model as text.
var blobKeys = map[string]bool{"data": true, "blob": true}

// minBlob is the shortest base64 value worth decoding: no credential fits
// in less.
const minBlob = 16

// maxBlobDepth bounds the walk, as package secret bounds its own.
const maxBlobDepth = 1000

// redactBlobs returns v with the base64 content under blobKeys decoded,
// scanned like text, and re-encoded with any credential redacted; maps and
// slices holding a change are copied, never modified. It returns v itself
// and no findings when nothing was found.
func redactBlobs(v any) (any, []secret.Finding) {
	var fs []secret.Finding
	var walk func(v any, depth int) (any, bool)
	walk = func(v any, depth int) (any, bool) {
		if depth > maxBlobDepth {
			return v, false
		}
		switch t := v.(type) {
		case map[string]any:
			var out map[string]any
			for k, e := range t {
				var nv any
				var changed bool
				if s, ok := e.(string); ok && blobKeys[k] {
					nv, changed = redactBlob(s, &fs)
				} else {
					nv, changed = walk(e, depth+1)
				}
				if changed {
					if out == nil {
						out = make(map[string]any, len(t))
						for k2, e2 := range t {
							out[k2] = e2
						}
					}
					out[k] = nv
				}
			}
			if out != nil {
				return out, true
			}
		case []any:
			var out []any
			for i, e := range t {
				if nv, changed := walk(e, depth+1); changed {
					if out == nil {
						out = append([]any(nil), t...)
					}
					out[i] = nv
				}
			}
			if out != nil {
				return out, true
			}
		}
		return v, false
	}
	out, _ := walk(v, 0)
	return out, fs
}

// redactBlob decodes one base64 value and redacts what it holds.
func redactBlob(s string, fs *[]secret.Finding) (string, bool) {
	if len(s) < minBlob {
		return s, false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		if b, err = base64.RawStdEncoding.DecodeString(s); err != nil {
			return s, false
		}
	}
	red, found := secret.Redact(string(b))
	if len(found) == 0 {
		return s, false
	}
	*fs = append(*fs, found...)
	return base64.StdEncoding.EncodeToString([]byte(red)), true
}
