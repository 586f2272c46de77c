package effect

import (
	"regexp"

	"rampart.dev/pkg/internal/table"
)

// wholeEnv is julia's environment dictionary named bare (ENV, not
// ENV["HOME"] nor get(ENV, "HOME", …) or haskey(ENV, "CI")): printed,
// collected or iterated, it hands over every variable, secrets included.
var wholeEnv = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\bENV\b`)
}}

// namedEnvUse is a use of ENV that names one variable by a literal.
var namedEnvUse = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`\bENV\s*\[|\b(?:get|haskey|get!)\s*\(\s*ENV\s*,\s*["']`)
}}

// readsWholeEnv reports whether opaque code names the environment
// dictionary other than to read one variable by name.
func readsWholeEnv(code string) bool {
	return len(wholeEnv.Get().FindAllStringIndex(code, -1)) > len(namedEnvUse.Get().FindAllStringIndex(code, -1))
}
