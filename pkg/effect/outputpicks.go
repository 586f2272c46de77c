package effect

import (
	"strings"

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
	e := strings.TrimSpace(strings.Trim(selectorOf(c), "'\" "))
	for _, m := range selectorPath().FindAllString(e, -1) {
		segs := strings.Split(strings.ToLower(m), ".")
		leaf := strings.TrimRight(segs[len(segs)-1], "[]0-9*")
		if k := strings.IndexByte(leaf, '['); k >= 0 {
			leaf = leaf[:k]
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
