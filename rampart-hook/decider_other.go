//go:build !unix

package main

import (
	"context"
	"errors"
	"io"
	"time"
)

// serveDecider needs unix sockets that carry descriptors.
func serveDecider(context.Context, string, time.Duration, io.Writer) error {
	return errors.New("the decider runs on unix systems only")
}
