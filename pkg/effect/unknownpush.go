package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A program the catalogue does not know that pushes to a registry
// publishes: apptainer push image.sif library://lab/pipe:1.2, cog push
// r8.im/org/model, tool push acme/helper:latest. Its verb is push among
// its leading words, and an operand after it names where it goes as a
// registry does: an address with a scheme (library://, oras://), a
// reference whose first part is a registry's host (r8.im/org/model), or a
// name with a tag (acme/helper:latest) or a digest (acme/app@sha256:…);
// or an option names the registry (--registry ghcr.io) or holds such a
// reference (--to=REF). A push between paths (adb push FILE /sdcard/, lxc
// file push FILE box/tmp/) or to a remote by name (dolt push origin main)
// publishes nothing; a registry on this machine (localhost:5000/…)
// neither.

// unknownPush returns what an unknown program's push publishes, "push
// REF", or "".
func unknownPush(cl *catalog.Classified, args []string) string {
	at := pushVerb(cl)
	if at < 0 {
		return pushedByFlag(cl, args)
	}
	for _, w := range cl.Words[at+1:] {
		if w.Option == "" && registryRef(w.Text) {
			return "push " + w.Text
		}
	}
	// the options, which an unknown program's words leave out: a registry
	// named by one (--registry ghcr.io), or a reference as one's value
	// (--to=ghcr.io/acme/app:v1)
	registryNext := false
	for _, w := range args {
		if registryNext && registryHost(w) {
			return "push " + w
		}
		registryNext = false
		if !strings.HasPrefix(w, "-") {
			continue
		}
		name, v, joined := strings.Cut(w, "=")
		registry := strings.Contains(strings.ToLower(name), "registry")
		if joined && (registryRef(v) || registry && registryHost(v)) {
			return "push " + v
		}
		registryNext = registry && !joined
	}
	return ""
}

// registryHost reports whether a word is a registry's host that is not
// this machine: a name with a dot, maybe a port (ghcr.io, registry.acme.io:5000).
func registryHost(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "https://"), "http://")
	host, _, _ := strings.Cut(strings.TrimSuffix(w, "/"), ":")
	return strings.Contains(host, ".") && !strings.ContainsAny(host, "/@ =$`\\") && !loopback(host) && host != "localhost" &&
		!strings.HasPrefix(host, ".")
}

// pushVerb returns the index in cl.Words of push, or of a compound verb
// that has push among its parts (image-push, push-image, pushImage,
// oci:push), when it is among a command's leading words, or -1. A cloud
// CLI's push (cf push, crossplane xpkg push, amplify push) ships what it
// is given whatever the operand.
func pushVerb(cl *catalog.Classified) int {
	at := -1
	leadingWords(cl, 3, func(w string) bool {
		if w != "push" && !hasVerbPart(w, "push") {
			return false
		}
		for k := range cl.Words {
			if cl.Words[k].Text == w && cl.Words[k].Option == "" {
				at = k
				break
			}
		}
		return true
	})
	return at
}

// registryRef reports whether a word names a place in a registry that
// is not this machine (see above).
func registryRef(w string) bool {
	if scheme, rest, ok := strings.Cut(w, "://"); ok {
		host, _, _ := strings.Cut(rest, "/")
		host, _, _ = strings.Cut(host, ":")
		return scheme != "file" && scheme != "" && !strings.ContainsAny(scheme, "/.") && !loopback(host) && host != "localhost"
	}
	digest := false
	if name, d, ok := strings.Cut(w, "@"); ok && strings.HasPrefix(d, "sha256:") {
		w, digest = name, true // ghcr.io/acme/app@sha256:…: pinned by its digest
	}
	if strings.ContainsAny(w, "@ =$`\\") || !strings.Contains(w, "/") {
		return false
	}
	reg, ok := imageRegistry(w)
	if !ok {
		return false
	}
	if first, _, _ := strings.Cut(w, "/"); reg != "https://docker.io" {
		host, _, _ := strings.Cut(first, ":")
		return len(host) > 1 && strings.Contains(host, ".") && !loopback(host) && host != "localhost"
	}
	// no registry host: a name with a tag after its last part
	last := w[strings.LastIndexByte(w, '/')+1:]
	name, tag, tagged := strings.Cut(last, ":")
	if digest {
		return name != "" && !strings.Contains(name, ".")
	}
	return tagged && name != "" && tag != "" && !strings.Contains(name, ".")
}

// hasVerbPart reports whether the verb-shaped word w has part among its
// parts (verbParts).
func hasVerbPart(w, part string) bool {
	if !strings.Contains(strings.ToLower(w), part) {
		return false // (most words hold no such part: no splitting)
	}
	if pascal := strings.ToUpper(part[:1]) + part[1:]; strings.HasPrefix(w, pascal) && len(w) > len(pascal) &&
		w[len(pascal)] >= 'A' && w[len(pascal)] <= 'Z' {
		return true // PushArtifact: an operation's name in Pascal case
	}
	found := false
	verbParts(w, func(p string, _ int) { found = found || p == part })
	return found
}

// pushedByFlag returns what an unknown program publishes when its verb
// is not push but the line says to push what it makes: a --push flag
// (build --push -t ghcr.io/acme/app:1.4), the reference given as an
// operand or as a tag's value; or a copy (copy, cp) whose destination is
// a registry named by its transport (docker://ghcr.io/acme/app:1.4).
// It returns "push REF", or "".
func pushedByFlag(cl *catalog.Classified, args []string) string {
	flag := false
	for _, w := range args {
		flag = flag || w == "--push" || w == "--push=true" || w == "--publish"
	}
	if !flag {
		copying := false
		leadingWords(cl, 2, func(w string) bool { copying = w == "copy" || w == "cp"; return copying })
		if !copying || len(args) == 0 {
			return ""
		}
		last := args[len(args)-1]
		if strings.HasPrefix(last, "docker://") && registryRef(last) {
			return "push " + last
		}
		return ""
	}
	for _, w := range args {
		v := w
		if name, val, ok := strings.Cut(w, "="); ok && strings.HasPrefix(name, "-") {
			if name != "--tag" && name != "--image" {
				continue
			}
			v = val // --tag=ghcr.io/acme/app:1.4
		} else if strings.HasPrefix(w, "-") {
			continue
		}
		if registryRef(v) { // an operand, or the value of -t
			return "push " + v
		}
	}
	return ""
}
