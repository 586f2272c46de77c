// Package containerspec reads the container a program asks a container
// engine to create without the engine's own command line — a Docker
// Engine API request body (POST /containers/create, /services/create),
// the Python docker SDK's containers.run/create and create_container
// arguments, dockerode's createContainer and run options, an HTTPie
// request's items — and gives the docker run command line that creates
// the same container. Every route is judged as that line is: the host's
// root or home mounted, privileged mode, the host's namespaces, added
// capabilities and devices, and the command the container runs with the
// host's paths it mounts, are the docker CLI's effects whoever asks.
package containerspec

import (
	"maps"
	"slices"
	"strings"
)

// Spec is what a container is created with, as far as its effects go.
type Spec struct {
	Image      string
	Remove     bool // removed when it exits (--rm)
	Detach     bool // started in the background (-d)
	Entrypoint []string
	Cmd        []string
	Privileged bool
	Binds      []string // host:container[:mode]
	Namespaces []string // "pid", "network", "ipc", "userns", "uts" shared with the host
	CapAdd     []string
	Devices    []string
}

// RunLine gives the docker run command line that creates the container,
// its words quoted for a POSIX shell.
func (s Spec) RunLine() string {
	w := []string{"docker", "run"}
	if s.Remove {
		w = append(w, "--rm")
	}
	if s.Detach {
		w = append(w, "-d")
	}
	if s.Privileged {
		w = append(w, "--privileged")
	}
	for _, b := range s.Binds {
		w = append(w, "-v", b)
	}
	for _, n := range s.Namespaces {
		flag := "--" + n
		if n == "network" {
			flag = "--net"
		}
		w = append(w, flag+"=host")
	}
	for _, c := range s.CapAdd {
		w = append(w, "--cap-add", c)
	}
	for _, d := range s.Devices {
		w = append(w, "--device", d)
	}
	cmd := s.Cmd
	if len(s.Entrypoint) > 0 {
		w = append(w, "--entrypoint", s.Entrypoint[0])
		cmd = append(append([]string(nil), s.Entrypoint[1:]...), cmd...)
	}
	img := s.Image
	if img == "" {
		img = "image"
	}
	w = append(w, img)
	w = append(w, cmd...)
	q := make([]string, len(w))
	for i, x := range w {
		q[i] = quote(x)
	}
	return strings.Join(q, " ")
}

// quote quotes a word for a POSIX shell where it needs it.
func quote(w string) string {
	if w != "" && strings.Trim(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@%+") == "" {
		return w
	}
	return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
}

// FromAPI reads a Docker Engine API body: a container's create request
// ({"Image", "Cmd", "Entrypoint", "HostConfig": {"Binds", "Mounts",
// "Privileged", "PidMode", …}}), the HostConfig alone, or a service's
// (TaskTemplate.ContainerSpec with its Mounts). A body given as a string
// of JSON is read too.
func FromAPI(v any) Spec {
	var s Spec
	s.readAPI(unwrap(v), 0)
	return s
}

func (s *Spec) readAPI(v any, depth int) {
	m, ok := v.(map[string]any)
	if !ok || depth > 8 {
		return
	}
	for _, k := range sortedKeys(m) {
		e := unwrap(m[k])
		switch strings.ToLower(k) {
		case "image":
			if x, ok := e.(string); ok && s.Image == "" {
				s.Image = x
			}
		case "cmd", "command", "args":
			if s.Cmd == nil {
				s.Cmd = argv(e)
			}
		case "entrypoint":
			s.Entrypoint = argv(e)
		case "privileged":
			s.Privileged = s.Privileged || e == true
		case "autoremove":
			s.Remove = s.Remove || e == true
		case "binds":
			s.Binds = append(s.Binds, strs(e)...)
		case "mounts":
			for _, mt := range list(e) {
				s.mount(unwrap(mt))
			}
		case "pidmode", "networkmode", "ipcmode", "usernsmode", "utsmode":
			if e == "host" {
				s.Namespaces = append(s.Namespaces, nsName(strings.TrimSuffix(strings.ToLower(k), "mode")))
			}
		case "capadd":
			s.CapAdd = append(s.CapAdd, strs(e)...)
		case "devices":
			for _, d := range list(e) {
				switch x := unwrap(d).(type) {
				case string:
					s.Devices = append(s.Devices, x)
				case map[string]any:
					if p, ok := x["PathOnHost"].(string); ok {
						s.Devices = append(s.Devices, p)
					}
				}
			}
		case "hostconfig", "host_config", "tasktemplate", "containerspec", "spec", "template":
			s.readAPI(e, depth+1)
		}
	}
}

// mount reads one entry of Mounts: {"Type": "bind", "Source", "Target"}
// (a volume's Source is its name, no host path).
func (s *Spec) mount(v any) {
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	typ, _ := m["Type"].(string)
	src, _ := m["Source"].(string)
	dst, _ := m["Target"].(string)
	if dst == "" {
		dst, _ = m["Destination"].(string)
	}
	if typ == "" || typ == "bind" {
		if strings.HasPrefix(src, "/") && dst != "" {
			s.Binds = append(s.Binds, src+":"+dst)
		}
	}
}

// nsName is docker run's name of a namespace the API names by its mode.
func nsName(k string) string {
	if k == "network" {
		return "network"
	}
	return k
}

// FromSDK reads the Python docker SDK's call: containers.run(image,
// command, **kwargs), containers.create(…), APIClient.create_container(
// image, command, host_config=create_host_config(…)), and a host config's
// own arguments (binds, privileged, pid_mode, …). A dict given as the
// first argument is an API body (aiodocker's containers.run(config)).
func FromSDK(c Call) Spec {
	var s Spec
	if len(c.Args) > 0 {
		if _, ok := unwrap(c.Args[0]).(map[string]any); ok {
			return FromAPI(c.Args[0])
		}
	}
	if len(c.Args) > 0 {
		s.Image, _ = c.Args[0].(string)
	}
	if len(c.Args) > 1 {
		s.Cmd = argv(c.Args[1])
	}
	s.readSDK(c.Kw, 0)
	return s
}

func (s *Spec) readSDK(kw map[string]any, depth int) {
	if depth > 4 {
		return
	}
	for _, k := range sortedKeys(kw) {
		e := kw[k]
		switch k {
		case "image":
			if x, ok := e.(string); ok {
				s.Image = x
			}
		case "command":
			s.Cmd = argv(e)
		case "entrypoint":
			s.Entrypoint = argv(e)
		case "privileged":
			s.Privileged = s.Privileged || e == true
		case "remove", "auto_remove":
			s.Remove = s.Remove || e == true
		case "detach":
			s.Detach = s.Detach || e == true
		case "volumes", "binds":
			s.volumes(e)
		case "mounts":
			for _, mt := range list(e) {
				if c, ok := mt.(Call); ok {
					// docker.types.Mount(target, source, type='bind')
					var tgt, src string
					if len(c.Args) > 0 {
						tgt, _ = c.Args[0].(string)
					}
					if len(c.Args) > 1 {
						src, _ = c.Args[1].(string)
					}
					if x, ok := c.Kw["target"].(string); ok {
						tgt = x
					}
					if x, ok := c.Kw["source"].(string); ok {
						src = x
					}
					if typ, _ := c.Kw["type"].(string); (typ == "" || typ == "bind") && strings.HasPrefix(src, "/") && tgt != "" {
						s.Binds = append(s.Binds, src+":"+tgt)
					}
					continue
				}
				s.mount(mt)
			}
		case "pid_mode", "network_mode", "ipc_mode", "userns_mode", "uts_mode":
			if e == "host" {
				s.Namespaces = append(s.Namespaces, strings.TrimSuffix(k, "_mode"))
			}
		case "cap_add":
			s.CapAdd = append(s.CapAdd, strs(e)...)
		case "devices":
			s.Devices = append(s.Devices, strs(e)...)
		case "host_config":
			switch x := e.(type) {
			case Call:
				s.readSDK(x.Kw, depth+1)
			case map[string]any:
				s.readAPI(x, depth+1)
			}
		}
	}
}

// volumes reads the SDK's volumes: a list of "host:container[:mode]", or
// a dict of host path to {"bind": container, "mode": mode} (or to the
// container path alone).
func (s *Spec) volumes(v any) {
	switch x := v.(type) {
	case []any:
		s.Binds = append(s.Binds, strs(x)...)
	case map[string]any:
		for _, host := range sortedKeys(x) {
			var bind string
			switch b := x[host].(type) {
			case string:
				bind = b
			case map[string]any:
				bind, _ = b["bind"].(string)
				if mode, _ := b["mode"].(string); mode != "" && bind != "" {
					bind += ":" + mode
				}
			}
			if bind != "" {
				s.Binds = append(s.Binds, host+":"+bind)
			}
		}
	}
}

// unwrap gives the value a call only serialises (JSON.stringify(x),
// json.dumps(x), x.to_json), or a JSON string's parsed value.
func unwrap(v any) any {
	for n := 0; n < 4; n++ {
		switch x := v.(type) {
		case Call:
			if len(x.Args) != 1 || !serialises(x.Name) {
				return v
			}
			v = x.Args[0]
		case string:
			t := strings.TrimSpace(x)
			if !strings.HasPrefix(t, "{") {
				return v
			}
			p, _, ok := ParseValue(t, 0)
			if !ok {
				return v
			}
			return p
		default:
			return v
		}
	}
	return v
}

// serialises reports a call that turns its argument into JSON text.
func serialises(name string) bool {
	for _, s := range []string{"JSON.stringify", "json.dumps", "dumps", "JSON.generate", "JSON.dump", "json_encode", "Buffer.from"} {
		if name == s || strings.HasSuffix(name, "."+s) {
			return true
		}
	}
	return false
}

// argv reads a command as an argument vector: a list of strings, or a
// string split as the SDK and the engine's clients split it.
func argv(v any) []string {
	switch x := v.(type) {
	case string:
		return split(x)
	case []any:
		return strs(x)
	}
	return nil
}

// split splits a command string as a POSIX shell splits plain words and
// quotes (shlex), with nothing expanded.
func split(s string) []string {
	var out []string
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				b.WriteString(s[i+1:])
				i = len(s)
			} else {
				b.WriteString(s[i+1 : i+1+j])
				i += j + 1
			}
			in = true
		case c == ' ' || c == '\t' || c == '\n':
			if in {
				out = append(out, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, b.String())
	}
	return out
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func strs(v any) []string {
	var out []string
	for _, e := range list(v) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// sortedKeys returns m's keys in order: the same line for the same body.
func sortedKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}
