package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"rampart.dev/pkg/policy"
	"rampart.dev/pkg/policy/compile"
)

// policyInfo is what the header says about the policy in force.
type policyInfo struct {
	name  string
	count int
	err   string
	// path and stamp tell when the file changed and needs reloading.
	path  string
	stamp string
}

// String reads "policy standard (14 policies)".
func (p policyInfo) String() string {
	if p.err != "" {
		return "policy ERROR " + p.err
	}
	s := "policies"
	if p.count == 1 {
		s = "policy"
	}
	return fmt.Sprintf("policy %s (%d %s)", p.name, p.count, s)
}

// loadPolicy loads the policy the other binaries would use: the file at
// path, or the embedded standard profile when there is no file. A file
// given explicitly (--config) must exist.
func loadPolicy(path string, explicit bool) policyInfo {
	info := policyInfo{path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		p, err := policy.Profile("standard")
		if err != nil {
			info.err = err.Error()
			return info
		}
		info.name, info.count = "standard", p.Count()
		return info
	case err != nil:
		info.err = err.Error()
		return info
	}
	info.stamp = stamp(path)
	p, err := compile.Parse(path, data)
	if err != nil {
		info.err = err.Error()
		return info
	}
	info.name, info.count = p.Name, p.Count()
	if info.name == "" || info.name == path {
		info.name = path
	}
	return info
}

// stamp identifies a file's version by size and modification time; "" if
// it does not exist.
func stamp(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%s", fi.Size(), fi.ModTime().Format(time.RFC3339Nano))
}

func jsonOf(v any) (json.RawMessage, error) { return json.Marshal(v) }
