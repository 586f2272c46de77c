package effect

import "strings"

// volumeSpec turns a --mount specification (type=bind,src=/,dst=/host,
// readonly; type=volume,src=pgdata,dst=/data; with no type, a source
// that is a name is a volume's) into the -v form SOURCE:TARGET[:ro],
// whose source is a host path or a named volume's name; a -v
// specification is returned as it is.
func volumeSpec(spec string) string {
	// -v=/home/dev:/h: Go's flag parsers (docker, podman) read a short
	// option's attached "=" as the start of its value
	spec = strings.TrimPrefix(spec, "=")
	if !strings.Contains(spec, "=") {
		return spec
	}
	var src, dst string
	ro, volume := false, false
	for _, kv := range strings.Split(spec, ",") {
		k, v, _ := strings.Cut(kv, "=")
		v = strings.TrimSpace(v)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "src", "source":
			src = v
		case "dst", "destination", "target":
			dst = v
		case "readonly", "ro":
			ro = v == "" || v == "true" || v == "1"
		case "type":
			// (the engine reads the type whatever its case: type=Bind)
			switch strings.ToLower(v) {
			case "bind":
			case "volume":
				volume = true
			default:
				return "" // tmpfs, npipe, image, cluster: no host path
			}
		}
	}
	if src == "" || volume && strings.HasPrefix(src, "/") {
		return "" // an anonymous volume; a volume is never a host path
	}
	if ro {
		return src + ":" + dst + ":ro"
	}
	return src + ":" + dst
}
