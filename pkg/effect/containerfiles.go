package effect

import (
	"path"
	"strings"
)

// containerFile reads a copy's source that names a container's file
// (catalogue "container-files=SEP"): the container, SEP, and the path from
// the container's root. With SEP ":" (docker cp web:/etc/shadow) the path
// follows the first colon; with SEP "/" (lxc file pull web/etc/shadow, or
// prod:web/etc/shadow with a remote's name) it follows the container's
// name. ok is false for a local path, or when sep is "".
func containerFile(w, sep string) (string, bool) {
	switch sep {
	case ":":
		name, p, ok := strings.Cut(w, ":")
		if !ok || name == "" || strings.ContainsAny(name, "/~.$") || !strings.HasPrefix(p, "/") {
			return "", false
		}
		return path.Clean(p), true
	case "/":
		if remote, rest, ok := strings.Cut(w, ":"); ok && !strings.Contains(remote, "/") {
			w = rest // prod:web/etc/shadow: the remote's name
		}
		name, p, ok := strings.Cut(w, "/")
		if !ok || name == "" || p == "" || strings.ContainsAny(name, "~.$") {
			return "", false
		}
		return path.Clean("/" + p), true
	}
	return "", false
}
