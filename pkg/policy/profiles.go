package policy

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"rampart.dev/pkg/match"
)

//go:generate go test -run TestProfileSnapshots -args -update

//go:embed profiles/*.yaml
var profiles embed.FS

// The embedded profiles' snapshots (see Snapshot), generated from their
// YAML by go generate and checked against it by TestProfileSnapshots. They
// are strings so that loading one copies nothing.
var (
	//go:embed profiles/standard.snap
	standardSnapshot string
	//go:embed profiles/paranoid.snap
	paranoidSnapshot string
	//go:embed profiles/yolo.snap
	yoloSnapshot string
)

// profileSnapshot returns the snapshot of an embedded profile.
func profileSnapshot(name string) (string, bool) {
	switch name {
	case "standard":
		return standardSnapshot, true
	case "paranoid":
		return paranoidSnapshot, true
	case "yolo":
		return yoloSnapshot, true
	}
	return "", false
}

// DefaultProfile serves when nothing is configured.
const DefaultProfile = "standard"

// Profiles lists the embedded profile names.
func Profiles() []string {
	ents, _ := profiles.ReadDir("profiles")
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// ProfileSource returns the YAML of an embedded profile.
func ProfileSource(name string) ([]byte, error) {
	b, err := profiles.ReadFile("profiles/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown profile %q (want one of %s)", name, strings.Join(Profiles(), ", "))
	}
	return b, nil
}

// Profile loads an embedded profile from its snapshot; its patterns are
// compiled on first use. TestProfilesCompile checks them all at once, and
// TestProfileSnapshots that the snapshots are made from the YAML.
func Profile(name string) (*Policy, error) {
	snap, ok := profileSnapshot(name)
	if !ok {
		return nil, fmt.Errorf("unknown profile %q (want one of %s)", name, strings.Join(Profiles(), ", "))
	}
	p, err := loadBuiltIn(snap)
	if err != nil {
		return nil, fmt.Errorf("profile %q: %v (run go generate ./policy)", name, err)
	}
	return p, nil
}

// compileProfile compiles an embedded profile from its YAML, every pattern
// checked, as its snapshot is made. An embedded profile carries no source
// positions.
func compileProfile(name string) (*Policy, error) { return compileProfileAt(name, 0) }

func compileProfileAt(name string, depth int) (*Policy, error) {
	src, err := ProfileSource(name)
	if err != nil {
		return nil, err
	}
	base := func(b string) (*Policy, error) {
		if depth >= maxExtends {
			return nil, fmt.Errorf("extends nested too deeply")
		}
		return compileProfileAt(b, depth+1)
	}
	p, err := parse("profile:"+name, src, match.Compiler{}, base)
	if err != nil {
		return nil, err
	}
	for _, e := range p.Entries {
		for _, r := range e.Rules() {
			r.Line = 0
		}
	}
	for i := range p.Tests {
		p.Tests[i].Line = 0
	}
	return p, nil
}
