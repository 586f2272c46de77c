//go:build !linux

package engine

func threadNanos() (int64, bool) { return 0, false }
