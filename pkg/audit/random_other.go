//go:build !linux

package audit

import "crypto/rand"

// systemRandom is where record IDs take their random bits (see
// random_linux.go).
var systemRandom = rand.Reader
