package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
)

// simulateOptions are a package manager's options that print what an
// install would do and install nothing (apt-get -s, dnf --assumeno).
var simulateOptions = table.Map[string, bool]{Words: `-s --simulate --just-print --no-act --recon
	--dry-run --assumeno --assume-no --what-if --noop`}

// systemPackageInstalled returns, for a machine's package manager whose
// first positional is one of the entry's "installs-system" verbs (apt-get
// install, dnf in, apk add, flatpak install, choco install, winget
// install), "install PACKAGE" for the first package it installs: software
// for the whole machine, from repositories any user of it then runs, is a
// change to the system a person confirms, whoever runs it; else "".
// Listings, searches, updates of the package index and simulations
// install nothing, and an install into the user's own tree (the entry's
// "user-scope" options: flatpak --user) is the user's, not the system's.
// A verb with no package brings what is installed up to date, which the
// system's own privileges guard, unless the entry lists it in
// "upgrades-all" (fwupdmgr update flashes firmware without root).
// fromInput says xargs adds the packages from its input.
func systemPackageInstalled(cl catalog.Classified, args []string, fromInput bool) string {
	verbs, flags := cl.Entry.Prop("installs-system"), cl.Entry.Prop("install-flags")
	if verbs == "" && flags == "" {
		return ""
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if simulateOptions.Get(a) {
			return "" // apt-get -s install: what it would do, printed
		}
	}
	if user := cl.Entry.Prop("user-scope"); user != "" && installFlag(args, user) {
		return "" // flatpak install --user: into the user's own tree, as brew's
	}
	if not := cl.Entry.Prop("install-flags-not"); not != "" && installFlag(args, not) {
		return "" // pacman -Ss, rpm -qi, emerge --pretend: a query, a search, a simulation
	}
	verb, at := "", -1
	switch {
	case flags != "":
		if !installFlag(args, flags) {
			return ""
		}
		verb = "install" // pacman -S PKG, dpkg -i FILE, rpm -Uvh URL: each operand is installed
	case verbs == "*":
		verb = "install" // emerge PKG, xbps-install PKG: a manager with no verb
	default:
		var ops []catalog.Word
		for _, w := range cl.Words {
			if w.Option == "" && !strings.HasPrefix(w.Text, "-") && !strings.Contains(w.Text, "=") {
				// an option's value the catalogue does not know (--setopt=K=V) is no verb
				ops = append(ops, w)
			}
		}
		if len(ops) == 0 {
			return ""
		}
		slices.SortFunc(ops, func(x, y catalog.Word) int { return x.Index - y.Index })
		if len(ops) > 1 && hasWord(cl.Entry.Prop("install-nouns"), strings.ToLower(ops[0].Text)) {
			ops = ops[1:] // dnf group install, dnf module install: the verb after its noun
		}
		verb, at = ops[0].Text, ops[0].Index
		if !hasWord(verbs, strings.ToLower(verb)) {
			return ""
		}
	}
	pkg, pat := "", -1
	for _, w := range cl.Words {
		// winget install --id Git.Git: a package an option names
		if w.Index > at && (w.Option == "" && !strings.HasPrefix(w.Text, "-") || w.Role == catalog.Package) && (pat < 0 || w.Index < pat) {
			pkg, pat = w.Text, w.Index
		}
	}
	if pat < 0 {
		if fromInput {
			return verb + " what xargs reads" // xargs apt-get install -y < packages.txt
		}
		if at >= 0 && hasWord(cl.Entry.Prop("upgrades-all"), strings.ToLower(verb)) {
			// fwupdmgr update: every device's firmware, with no root
			// asked for (the entry's "upgrades-all" verbs)
			return verb + " everything installed"
		}
		return "" // pacman -Syu: the installed packages brought up to date
	}
	return verb + " " + pkg
}

// condaManagers are the package managers of conda environments, whose
// base environment (named base, or root in older releases) is the
// installation itself: the conda every other environment is made with.
var condaManagers = table.Map[string, bool]{Words: "conda mamba micromamba"}

// baseEnvInstalled returns, for a conda manager installing or updating
// into the base environment (conda install -n base mamba, mamba update
// --name=root conda), "install into base": a change to the installation
// every environment runs on, as a system package's is; else "".
func baseEnvInstalled(name string, args []string) string {
	if !condaManagers.Get(name) {
		return ""
	}
	sub, env := "", ""
	for k, a := range args {
		if a == "--" {
			break
		}
		switch {
		case (a == "-n" || a == "--name") && k+1 < len(args):
			env = args[k+1]
		case strings.HasPrefix(a, "--name="):
			env = strings.TrimPrefix(a, "--name=")
		case sub == "" && !strings.HasPrefix(a, "-") && (k == 0 || args[k-1] != "-n" && args[k-1] != "--name" && args[k-1] != "-c" && args[k-1] != "--channel"):
			sub = a
		}
	}
	switch sub {
	case "install", "update", "upgrade":
	default:
		return ""
	}
	if env == "base" || env == "root" {
		return sub + " into the " + env + " environment"
	}
	return ""
}

// installFlag reports an option among args (before "--") that the
// comma-separated list names: a long option as written (--sync, or
// --sync=VALUE), or a short one as a letter of a cluster (S in -Syu).
func installFlag(args []string, list string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		switch {
		case strings.HasPrefix(a, "--"):
			name, _, _ := strings.Cut(a, "=")
			if hasWord(list, name) {
				return true
			}
		case strings.HasPrefix(a, "-") && len(a) > 1:
			for _, c := range a[1:] {
				if hasWord(list, string(c)) {
					return true
				}
			}
		}
	}
	return false
}
