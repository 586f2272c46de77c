package shell

import (
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"
)

// lineEnv is the environment a line's expansions see: the variables
// assigned on the line. It records whether an expansion touched a variable
// whose value is not known (assigned from something unresolved) or that
// the line never assigned (its value comes from outside).
type lineEnv struct {
	s       *state
	unknown bool
	outside bool
	slice   bool // a slice of $@ or $*: they count from $0, as bash's ${@:1} is $1...
}

func (l *lineEnv) Get(name string) expand.Variable {
	if user, ok := strings.CutPrefix(name, "HOME "); ok {
		// The library asks for "HOME user" to expand ~user in a default
		// word (${X:-~postgres}), and asks the machine's user database
		// when it is unset: the word stays ~user, read as a bare ~user
		// is, never as this machine's accounts have it.
		return expand.Variable{Set: true, Kind: expand.String, Str: "~" + user}
	}
	v, ok := l.s.vars[name]
	if !ok {
		switch name {
		case "IFS":
			return expand.Variable{Set: true, Kind: expand.String, Str: " \t\n"}
		case "HOME":
			return expand.Variable{Set: true, Kind: expand.String, Str: "~"}
		case "TMPDIR", "TMP", "TEMP", "RUNNER_TEMP":
			return expand.Variable{Set: true, Kind: expand.String, Str: "/tmp"}
		}
		l.outside = true
		return expand.Variable{}
	}
	if !v.known {
		l.unknown = true
	}
	if v.elems != nil && l.slice && (name == "@" || name == "*") {
		// ${@:2}, ${@: -1}: bash's offsets into the positional
		// parameters count $0 as the first, the library's from $1.
		return expand.Variable{Set: true, Kind: expand.Indexed, List: append([]string{l.s.vars["0"].val}, v.elems...)}
	}
	if v.elems != nil {
		// An array assigned on the line: ${a[-1]}, ${a[@]:1}, ${a[i+1]}
		// index its elements, not its joined text.
		return expand.Variable{Set: true, Kind: expand.Indexed, List: v.elems}
	}
	return expand.Variable{Set: true, Kind: expand.String, Str: v.val}
}

func (l *lineEnv) Each(func(string, expand.Variable) bool) {}

// expandParam resolves the parameter expansions that param does not
// (${X#pat}, ${X%pat}, ${X/a/b}, ${X:off:len}, ${#X}, ${X^^}, ${!ref},
// ${X:-word} of a variable the line never set) with the shell library's
// own expansion, against the variables known on the line. It fails when
// the result depends on a value that is not known; a default word
// (${X:-rm}) stands for a variable from outside, as it most likely is.
func (s *state) expandParam(p *syntax.ParamExp) (v string, ok bool) {
	if p.Param == nil {
		return "", false
	}
	if p.Exp != nil && p.Exp.Op == syntax.OtherParamOps {
		return s.transformParam(p)
	}
	defer func() {
		// The library panics on forms it does not implement; such a word
		// is one nobody resolved, never a crash of the walk.
		if recover() != nil {
			v, ok = "", false
		}
	}()
	env := &lineEnv{s: s, slice: p.Slice != nil}
	cfg := &expand.Config{Env: env}
	v, err := expand.Literal(cfg, &syntax.Word{Parts: []syntax.WordPart{p}})
	if err != nil || env.unknown {
		return "", false
	}
	if env.outside {
		if p.Exp == nil || !defaultOp(p.Exp.Op) || p.Excl || s.scope.hiddenAssign {
			return "", false
		}
		if secretParamName(p.Param.Value) {
			// ${NPM_TOKEN:-none}: a secret's variable is set where the
			// agent runs far more often than not; its default is the
			// fallback, and the word is the secret
			return "", false
		}
	}
	if !s.spend(len(v)) {
		return "", false
	}
	return v, true
}

func defaultOp(op syntax.ParExpOperator) bool {
	switch op {
	case syntax.DefaultUnset, syntax.DefaultUnsetOrNull, syntax.AssignUnset, syntax.AssignUnsetOrNull:
		return true
	}
	return false
}

// secretParamNames are the parts of a variable's name that say it holds a
// credential (flow.go's secretNames, for the walk).
var secretParamNames = [...]string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL"}

// secretParamName reports a variable named like a credential's.
func secretParamName(name string) bool {
	up := strings.ToUpper(name)
	for _, s := range secretParamNames {
		if strings.Contains(up, s) {
			return true
		}
	}
	return false
}
