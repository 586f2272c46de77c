package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// findBinary returns the path of the program called name: beside rampart
// first (exeDir), so that an installed set of binaries uses its own
// siblings, then in the directories of path. Relative PATH entries are
// skipped: a security tool must not run whatever sits in the current
// directory.
func findBinary(name, exeDir, path string) (string, error) {
	if exeDir != "" {
		if p := filepath.Join(exeDir, name); isExecutable(p) {
			return p, nil
		}
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" || !filepath.IsAbs(dir) {
			continue
		}
		if p := filepath.Join(dir, name); isExecutable(p) {
			return p, nil
		}
	}
	if exeDir != "" {
		return "", fmt.Errorf("%s not found beside rampart (%s) or on PATH", name, exeDir)
	}
	return "", fmt.Errorf("%s not found on PATH", name)
}

// isExecutable reports whether p is a regular file someone may execute.
func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}
