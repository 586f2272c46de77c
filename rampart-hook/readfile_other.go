//go:build !unix

package main

import (
	"os"
	"time"
)

// readFileWithin has no poll(2) here: the caller reads with a goroutine.
func readFileWithin(*os.File, time.Duration) ([]byte, bool, error) { return nil, false, nil }
