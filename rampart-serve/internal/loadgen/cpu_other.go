//go:build !unix

package main

import "time"

// cpuTime is 0 where the generator does not read its CPU time.
func cpuTime() time.Duration { return 0 }
