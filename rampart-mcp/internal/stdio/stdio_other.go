//go:build !unix

package stdio

import "os"

// Open returns os.Stdin and os.Stdout: outside Unix the poller does not
// serve them.
func Open() *Streams { return &Streams{In: os.Stdin, Out: os.Stdout} }
