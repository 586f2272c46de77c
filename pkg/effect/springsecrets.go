package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A Spring Boot application's management endpoints answer with its
// secrets: the environment and configuration properties with their values
// (…/actuator/env, …/env/spring.datasource.password, …/configprops), a
// heap dump holding every secret the process has (…/heapdump), and
// Jolokia's MBean reads and operations (…/jolokia/read/…). The actuator's
// base path is the application's to choose (/actuator, /management,
// /manage, /admin/actuator), Spring ignores a segment's ";parameters"
// (/actuator;/env) and empty segments (//actuator//env), and Boot 1 serves
// the endpoints at the root (/heapdump, /configprops). A request of one
// from another machine reads its secrets; a dev server on this machine
// shows the developer's own settings.

// springBases are the base paths an actuator is commonly served under,
// after which "env" is the environment endpoint.
var springBases = table.Map[string, bool]{Words: "actuator management manage"}

// SpringSecretPath reports a request path (without its query) that reads
// a Spring Boot application's secrets through its management endpoints.
func SpringSecretPath(p string) bool {
	prev := ""
	for seg := range strings.SplitSeq(p, "/") {
		if k := strings.IndexByte(seg, ';'); k >= 0 {
			seg = seg[:k] // a path parameter Spring ignores
		}
		if seg == "" {
			continue
		}
		l := strings.ToLower(seg)
		switch {
		case l == "heapdump" || l == "configprops" || l == "jolokia":
			return true
		case l == "env" && springBases.Get(prev):
			return true
		}
		prev = l
	}
	return false
}

// springSecretURL reports a request to another machine's Spring Boot
// management endpoint that reads its secrets.
func springSecretURL(host, p string) bool {
	h := strings.ToLower(host)
	if k := strings.LastIndexByte(h, ':'); k >= 0 && !strings.HasSuffix(h, "]") {
		h = h[:k]
	}
	return !loopback(strings.Trim(h, "[]")) && SpringSecretPath(p)
}
