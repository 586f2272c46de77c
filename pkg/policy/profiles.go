package policy

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"rampart.dev/pkg/match"
)

//go:embed profiles/*.yaml
var profiles embed.FS

// DefaultProfile serves when nothing is configured.
const DefaultProfile = "standard"

// Profiles lists the embedded profile names.
func Profiles() []string {
	ents, _ := profiles.ReadDir("profiles")
	var names []string
	for _, e := range ents {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
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

// Profile compiles an embedded profile. Its globs are compiled on first
// use; TestProfilesCompile checks them all at once.
func Profile(name string) (*Policy, error) {
	src, err := ProfileSource(name)
	if err != nil {
		return nil, err
	}
	p, err := parse("profile:"+name, src, 0, match.Compiler{Lazy: true})
	if err != nil {
		return nil, err
	}
	return p, nil
}
