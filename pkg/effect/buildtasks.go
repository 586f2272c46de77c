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
	list := e.Prop("build-tasks")
	for list != "" {
		var name string
		name, list, _ = strings.Cut(list, ",")
		if name == word {
			return true
		}
	}
	return false
}
