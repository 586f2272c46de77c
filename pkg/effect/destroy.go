package effect

import (
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/shell"
)

// destroys reports what a command destroys, rewrites or publishes through
// its program's own subcommands, as the catalogue describes them:
//
//   - a cloud or cluster CLI ("cloud") with a destroying verb among its
//     leading words, or a sync that deletes what the source lacks;
//   - any entry's own verbs ("destroy-verbs=drop,clean,publish*");
//   - an entry that always does ("destroy=KIND": docker push, npm publish);
//   - an option that does: a flag with the mark "destroy" (docker compose
//     down --volumes), "publish" (docker build --push) or "rewrite" (git
//     branch --force, git push --force).
//
// The effect's detail is what is destroyed: remote (resources a service
// holds), publish (a package or image made public) or history (a
// repository's); an entry's "destroy" or "destroy-kind" property says
// which, remote by default. Help and dry runs destroy nothing.
func (a *analysis) destroys(i int, c *shell.Command, cl *catalog.Classified) {
	e := cl.Entry
	if e == nil {
		return
	}
	cloud := e.Prop("cloud") != ""
	always := e.Prop("destroy")
	extra := e.Prop("destroy-verbs")
	mark := ""
	for m, k := range destroyMarks {
		if cl.Mark(m) {
			mark = k
		}
	}
	if !cloud && always == "" && extra == "" && mark == "" {
		return
	}
	if helpOrDryRun(c.Args) {
		return
	}
	kind := always
	if kind == "" {
		kind = e.Prop("destroy-kind")
	}
	if kind == "" {
		kind = "remote"
	}
	verb := ""
	switch {
	case always != "":
		verb = e.Name
	case mark != "":
		kind, verb = mark, "with an option that destroys, publishes or rewrites"
	case cloud && cl.Mark("delete"):
		verb = "sync that deletes what the source lacks"
	default:
		verb = destroyVerb(*cl, cloud, extra)
	}
	if verb != "" {
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: kind, Word: c.Name + " " + verb})
	}
}

// destroyMarks are the option marks that destroy, by the kind of thing.
var destroyMarks = map[string]string{"destroy": "remote", "publish": "publish", "rewrite": "history"}
