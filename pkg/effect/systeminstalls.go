package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// systemPackageInstalled returns, for a machine's package manager whose
// first positional is one of the entry's "installs-system" verbs (apt-get
// install, dnf in, apk add, flatpak install, choco install, winget
// install), "install PACKAGE" for the first package it installs: software
// for the whole machine, from repositories any user of it then runs, is a
// change to the system a person confirms, whoever runs it; else "".
// Listings, searches and updates of the package index install nothing.
func systemPackageInstalled(cl catalog.Classified) string {
	verbs := cl.Entry.Prop("installs-system")
	if verbs == "" {
		return ""
	}
	verb, at := "", -1
	for _, w := range cl.Words {
		if w.Option == "" && (at < 0 || w.Index < at) {
			verb, at = w.Text, w.Index
		}
	}
	if at < 0 || !hasWord(verbs, strings.ToLower(verb)) {
		return ""
	}
	pkg, pat := "", -1
	for _, w := range cl.Words {
		// winget install --id Git.Git: a package an option names
		if w.Index > at && (w.Option == "" || w.Role == catalog.Package) && (pat < 0 || w.Index < pat) {
			pkg, pat = w.Text, w.Index
		}
	}
	if pat < 0 {
		return ""
	}
	return verb + " " + pkg
}
