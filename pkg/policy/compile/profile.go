package compile

import (
	"fmt"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/policy"
)

// compileProfile compiles an embedded profile from its YAML, every pattern
// checked, as its snapshot is made. An embedded profile carries no source
// positions.
func compileProfile(name string) (*policy.Policy, error) { return compileProfileAt(name, 0) }

func compileProfileAt(name string, depth int) (*policy.Policy, error) {
	src, err := policy.ProfileSource(name)
	if err != nil {
		return nil, err
	}
	base := func(b string) (*policy.Policy, error) {
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
