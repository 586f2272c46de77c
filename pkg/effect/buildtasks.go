package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// buildTask reports whether word names one of the tasks a program's entry
// lists under "build-tasks": a framework's own tasks that build here
// whatever their names' verbs suggest (mix release assembles an OTP release
// in _build, even with MIX_ENV=prod). They change no production.
func buildTask(e *catalog.Entry, word string) bool {
	if e == nil || !e.HasProps() {
		return false
	}
	return listed(e.Prop("build-tasks"), word)
}

// publishTask reports whether a task verb is one a program's entry lists
// under "publish-tasks": a runner whose task of that name hands what was
// built to others (rake release, bundler's gem task, pushes the gem;
// lein deploy sends the jar to a repository), wherever it points.
func publishTask(e *catalog.Entry, verb string) bool {
	return e != nil && e.HasProps() && listed(e.Prop("publish-tasks"), verb)
}

// listed reports whether a comma-separated list holds word.
func listed(list, word string) bool {
	for list != "" {
		var name string
		name, list, _ = strings.Cut(list, ",")
		if name == word {
			return true
		}
	}
	return false
}
