package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A tool whose output holds secrets among much else (the catalogue's
// source=output: docker inspect, terraform output, a secret scanner's
// report) prints them where the agent reads them when a later stage picks
// them out: a grep for a secret's name (docker inspect db | grep -i
// password) or a jq or yq path that ends at the environment or a
// credential's field (docker inspect db | jq '.[0].Config.Env'). The
// whole output, or a field that holds no secret (.[0].Mounts,
// .State.Health), is the tool's ordinary report.

// picksSecretOutput reports a stage that picks the secrets out of a
// tool's output it is given.
func picksSecretOutput(c *shell.Command) bool {
	if picksSecrets(c) {
		return true
	}
	if !c.Is(selectorKind) {
		return false
	}
	e := withoutDeletions(strings.TrimSpace(strings.Trim(selectorOf(c), "'\" ")))
	for _, m := range selectorPath.Get().FindAllString(e, -1) {
		segs := strings.Split(strings.ToLower(m), ".")
		leaf := pathLeaf(segs[len(segs)-1])
		if valueWrappers.Get(leaf) && len(segs) > 1 {
			// terraform output -json's .db_password.value, a
			// secret's .token.data: the field holding the named one
			leaf = pathLeaf(segs[len(segs)-2])
		}
		switch {
		case leaf == "env" || leaf == "environment" || leaf == "environ" || leaf == "envvars":
			return true
		case leaf != "" && secretLeaf(leaf):
			return true
		}
	}
	return false
}

// withoutDeletions returns the jq or yq expression e with its del(...)
// calls taken out: a path inside one names a field the filter removes from
// what it prints (terraform output -json | jq 'del(.db_password)'), never
// one it picks out.
func withoutDeletions(e string) string {
	for {
		k := strings.Index(e, "del(")
		if k < 0 || k > 0 && nameByte(e[k-1]) {
			return e // none, or a longer name (mydel(…)): kept as written
		}
		depth, end := 0, -1
		for j := k + len("del"); j < len(e) && end < 0; j++ {
			switch e[j] {
			case '(':
				depth++
			case ')':
				if depth--; depth == 0 {
					end = j
				}
			}
		}
		if end < 0 {
			return e // unbalanced: kept whole
		}
		e = e[:k] + e[end+1:]
	}
}

// valueWrappers are the leaves of a path that hold the value of the field
// before them (terraform output's NAME.value), so that field names it.
var valueWrappers = table.Map[string, bool]{Words: "value data stringdata plaintext"}

// pathLeaf is one segment of a jq or yq path without its index or
// iterator (.tokens[0], .env[]).
func pathLeaf(seg string) string {
	seg = strings.TrimRight(seg, "[]0-9*")
	if k := strings.IndexByte(seg, '['); k >= 0 {
		seg = seg[:k]
	}
	return seg
}
