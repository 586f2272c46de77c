package engine

import (
	"strings"

	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
)

// Runs asked of an infrastructure service through its API: a request
// body that queues a run (Terraform Cloud's and Terraform Enterprise's
// POST /runs, a Spacelift or env0 run, a Pulumi deployment) says by an
// attribute what the run does. is-destroy (isDestroy, is_destroy,
// destroy) set true tears down what the workspace manages; auto-apply set
// true applies the plan with nobody looking at it. Either is what the
// CLI's destroy or apply -auto-approve is, and asks as that does; a
// service on this machine is the developer's own copy.

// runDestroyKeys are body attributes that make a queued run a destroy.
var runDestroyKeys = table.Map[string, bool]{Words: "is-destroy isdestroy is_destroy destroy"}

// runApplyKeys are body attributes that make a queued run apply unseen.
var runApplyKeys = table.Map[string, bool]{Words: "auto-apply autoapply auto_apply"}

// judgeRunRequest judges a fetch's JSON body by the run it queues.
func (ev *evaluation) judgeRunRequest(body map[string]any) {
	u, ok := match.ParseURL(ev.c.Params.String("url"))
	if !ok || loopbackHost(u.Host) {
		return // a service on this machine: the developer's own copy
	}
	destroy, apply := runRequestFlags(body, 0)
	switch {
	case destroy:
		ev.judgeEffect(effect.Effect{Kind: effect.Destroy, Cmd: -1, Detail: "remote", Word: "a destroy run queued through " + ev.c.Params.String("url")}, "fetch")
	case apply:
		ev.judgeEffect(effect.Effect{Kind: effect.Destroy, Cmd: -1, Detail: "deploy", Word: "a run applied unseen, queued through " + ev.c.Params.String("url")}, "fetch")
	}
}

// runRequestFlags reports whether a body, at any depth (JSON:API nests
// them under data.attributes), sets a destroy or an auto-apply attribute
// true.
func runRequestFlags(v any, depth int) (destroy, apply bool) {
	if depth > 8 {
		return false, false
	}
	switch x := v.(type) {
	case map[string]any:
		for k, mv := range x {
			if b, ok := mv.(bool); ok && b {
				lk := strings.ToLower(k)
				destroy = destroy || runDestroyKeys.Get(lk)
				apply = apply || runApplyKeys.Get(lk)
				continue
			}
			d, a := runRequestFlags(mv, depth+1)
			destroy, apply = destroy || d, apply || a
		}
	case []any:
		for _, e := range x {
			d, a := runRequestFlags(e, depth+1)
			destroy, apply = destroy || d, apply || a
		}
	}
	return destroy, apply
}
