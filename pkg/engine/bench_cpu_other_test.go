//go:build !unix

package engine

func cpuNanos() (int64, bool) { return 0, false }
