package policy

import (
	"embed"
	"fmt"
	"sort"
	"strings"

	"rampart.dev/pkg/match"
)

//go:embed profiles/*.yaml profiles/*.json
var profiles embed.FS

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

// Profile compiles an embedded profile. It reads the profile's generated
// JSON form, and its globs are compiled on first use; TestProfilesCompile
// checks them all at once, and TestProfilesJSON that the JSON matches the
// YAML.
func Profile(name string) (*Policy, error) { return profile(name, 0) }

func profile(name string, depth int) (*Policy, error) {
	if _, err := ProfileSource(name); err != nil {
		return nil, err
	}
	js, err := profiles.ReadFile("profiles/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("profile %q has no generated JSON: %v", name, err)
	}
	doc, err := jsonNode(js)
	if err != nil {
		return nil, fmt.Errorf("profile %q: %v", name, err)
	}
	return compileDoc("profile:"+name, doc, depth, match.Compiler{Lazy: true})
}
