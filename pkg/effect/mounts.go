package effect

import "strings"

// volumeSpec turns a --mount specification (type=bind,src=/,dst=/host,
// readonly) into the -v form SOURCE:TARGET[:ro]; a -v specification is
// returned as it is.
func volumeSpec(spec string) string {
	// -v=/home/dev:/h: Go's flag parsers (docker, podman) read a short
	// option's attached "=" as the start of its value
	spec = strings.TrimPrefix(spec, "=")
	if !strings.Contains(spec, "=") {
		return spec
	}
	var src, dst string
	ro := false
	for _, kv := range strings.Split(spec, ",") {
		k, v, _ := strings.Cut(kv, "=")
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "src", "source":
			src = v
		case "dst", "destination", "target":
			dst = v
		case "readonly", "ro":
			ro = v == "" || v == "true" || v == "1"
		case "type":
			if v != "bind" {
				return "" // volumes, tmpfs: no host path
			}
		}
	}
	if src == "" {
		return ""
	}
	if ro {
		return src + ":" + dst + ":ro"
	}
	return src + ":" + dst
}
