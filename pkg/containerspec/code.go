package containerspec

import (
	"strings"
)

// maxSpecs bounds the containers one piece of code is read for.
const maxSpecs = 8

// sdkCalls are the calls whose arguments are the docker SDK's (Python's
// docker and aiodocker): containers.run and containers.create, the low
// level create_container, and a host config built apart.
var sdkCalls = []string{"containers.run", "containers.create", "create_container", "create_host_config"}

// apiCalls are the calls whose first argument is an Engine API body
// (dockerode's createContainer and createService).
var apiCalls = []string{"createContainer", "createService"}

// InCode gives the docker run command lines for the containers code asks
// an engine to create: through the docker SDK, through dockerode, or
// through any HTTP client sending an Engine API body (an object literal
// with HostConfig, in code that names /containers/create or
// /services/create). Code that names none of these is not read.
func InCode(code string) []string {
	if !strings.Contains(code, "ontainer") && !strings.Contains(code, "services/create") && !strings.Contains(code, "dockerode") {
		return nil
	}
	var out []string
	add := func(s Spec) {
		if len(out) < maxSpecs {
			out = append(out, s.RunLine())
		}
	}
	hostConfigs := 0
	for _, name := range sdkCalls {
		for _, c := range calls(code, name) {
			if name == "create_host_config" {
				hostConfigs++
				continue // read with the call it is handed to
			}
			add(FromSDK(c))
		}
	}
	if hostConfigs > 0 && len(calls(code, "create_container")) == 0 {
		// c.create_host_config(…) kept in a variable: read on its own
		for _, c := range calls(code, "create_host_config") {
			var s Spec
			s.readSDK(c.Kw, 0)
			add(s)
		}
	}
	for _, name := range apiCalls {
		for _, c := range calls(code, name) {
			if len(c.Args) > 0 {
				add(FromAPI(c.Args[0]))
			}
		}
	}
	if strings.Contains(code, "dockerode") {
		// docker.run(image, cmd, stream, createOptions)
		for _, c := range calls(code, "run") {
			if len(c.Args) < 2 {
				continue
			}
			img, ok := c.Args[0].(string)
			if !ok {
				continue
			}
			var s Spec
			if len(c.Args) > 3 {
				s = FromAPI(c.Args[3])
			}
			s.Image, s.Cmd = img, argv(c.Args[1])
			add(s)
		}
	}
	if strings.Contains(code, "/containers/create") || strings.Contains(code, "/services/create") {
		for _, body := range bodies(code) {
			add(FromAPI(body))
		}
	}
	return out
}

// calls finds the calls of name in code (the name ends a dotted chain:
// docker.from_env().containers.run(…)) and reads their arguments.
func calls(code, name string) []Call {
	var out []Call
	for at := 0; at < len(code) && len(out) < maxSpecs; {
		k := strings.Index(code[at:], name)
		if k < 0 {
			break
		}
		k += at
		at = k + len(name)
		if k > 0 && isIdentByte(code[k-1]) || inString(code, k) {
			continue // (a name inside a string is text, not a call)
		}
		if name == "run" && (k == 0 || code[k-1] != '.') {
			continue // dockerode's run is a method
		}
		j := skipSpace(code, at)
		if j >= len(code) || code[j] != '(' {
			continue
		}
		args, kw, end := parseList(code, j+1, ')', 1)
		out = append(out, Call{Name: name, Args: args, Kw: kw})
		at = end
	}
	return out
}

// bodies finds the object literals in code that hold a key HostConfig
// (or a service's TaskTemplate): the outermost object around it.
func bodies(code string) []any {
	var out []any
	for _, key := range []string{"HostConfig", "TaskTemplate"} {
		for at := 0; at < len(code) && len(out) < maxSpecs; {
			k := strings.Index(code[at:], key)
			if k < 0 {
				break
			}
			k += at
			at = k + len(key)
			open := outerBrace(code, k)
			if open < 0 {
				continue
			}
			v, end, ok := ParseValue(code, open)
			if !ok {
				continue
			}
			out = append(out, v)
			if end > at {
				at = end
			}
		}
	}
	return out
}

// outerBrace finds the "{" that opens the object a key at k belongs to.
func outerBrace(code string, k int) int {
	depth := 0
	for i := k - 1; i >= 0 && k-i < 4096; i-- {
		switch code[i] {
		case '}', ']':
			depth++
		case '[':
			depth--
		case '{':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// HTTPieLine gives the docker run line of an HTTPie (http, https, xh,
// xhs) request creating a container: its items after the URL, NAME=text
// and NAME:=json, are the body's fields. ok is false for any other
// request.
func HTTPieLine(words []string) (string, bool) {
	url := -1
	for i, w := range words {
		if i > 0 && (strings.Contains(w, "/containers/create") || strings.Contains(w, "/services/create")) && !strings.Contains(w, "=") {
			url = i
			break
		}
	}
	if url < 0 {
		return "", false
	}
	body := map[string]any{}
	for _, w := range words[url+1:] {
		if k, v, ok := strings.Cut(w, ":="); ok && isName(k) {
			if p, _, ok := ParseValue(v, 0); ok {
				body[k] = p
			}
			continue
		}
		if k, v, ok := strings.Cut(w, "="); ok && isName(k) {
			body[k] = v
		}
	}
	if len(body) == 0 {
		return "", false
	}
	return FromAPI(body).RunLine(), true
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// inString reports whether code[k] stands inside a quoted string.
func inString(code string, k int) bool {
	var q byte
	for i := 0; i < k && i < len(code); i++ {
		switch c := code[i]; {
		case q != 0 && c == '\\':
			i++
		case q != 0 && c == q:
			q = 0
		case q == 0 && (c == '\'' || c == '"' || c == '`'):
			q = c
		}
	}
	return q != 0
}
