package main

import "rampart.dev/pkg/secret"

// secretRedactor scans what the server sends with package secret.
type secretRedactor struct{}

func kinds(fs []secret.Finding) []string {
	if len(fs) == 0 {
		return nil
	}
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Kind
	}
	return out
}

// Value redacts a decoded JSON message: its text, and the base64 content
// of images, audio and resources decoded and scanned like text (see
// redactBlobs).
func (secretRedactor) Value(v any) (any, []string) {
	v, blobs := redactBlobs(v)
	out, fs := secret.RedactValue(v)
	return out, append(kinds(blobs), kinds(fs)...)
}

// Text redacts a line that is not JSON.
func (secretRedactor) Text(s string) (string, []string) {
	out, fs := secret.Redact(s)
	return out, kinds(fs)
}

// Clean reports whether Value finds nothing in the string s of a message,
// held under key (proxy.StringChecker): neither a credential in the base64
// content of a "data" or "blob" member nor one in the text.
func (secretRedactor) Clean(s, key string, member bool) bool {
	if member && blobKeys[key] {
		var fs []secret.Finding
		if _, changed := redactBlob(s, &fs); changed {
			return false
		}
	}
	return secret.Clean(s, key)
}
