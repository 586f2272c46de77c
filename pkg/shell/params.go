package shell

import (
	"strconv"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/syntax"

	"rampart.dev/pkg/internal/table"
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
	op      bool // the expansion operates on the value (${PWD%/*}), not plain
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
		case "PWD":
			if pwd, ok := l.s.pwdValue(); ok && l.op {
				// ${PWD%/*}, ${PWD/project/}: where the line is (place.go);
				// a plain $PWD stays for the caller to resolve
				return expand.Variable{Set: true, Kind: expand.String, Str: pwd}
			}
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
	env := &lineEnv{s: s, slice: p.Slice != nil, op: !plainParam(p)}
	cfg := &expand.Config{Env: env}
	v, err := expand.Literal(cfg, &syntax.Word{Parts: []syntax.WordPart{p}})
	if err != nil || env.unknown {
		return "", false
	}
	if env.outside {
		if p.Exp == nil || !defaultOp(p.Exp.Op) || p.Excl || s.scope.hiddenAssign {
			return "", false
		}
		if secretParamName(p.Param.Value) || placeParams.Get(p.Param.Value) {
			// ${NPM_TOKEN:-none}: a secret's variable is set where the
			// agent runs far more often than not; its default is the
			// fallback, and the word is the secret. So with a variable
			// whose value is a place the judgement knows by the name
			// (${GITHUB_ENV:-/dev/null}, ${KUBECONFIG:-kube.yaml}): where
			// it is set, the place is what is written or read, and the
			// worse of the two
			return "", false
		}
		if defaultNamesPlace(p.Exp.Word) {
			// ${OUT:-$GITHUB_ENV}, ${F:=$AWS_SECRET_ACCESS_KEY}: the
			// default is a secret or a known place, and so most likely
			// the word
			return "", false
		}
	}
	if !s.spend(len(v)) {
		return "", false
	}
	return v, true
}

// placeParams are the variables whose value is a place the judgement
// knows by the variable's name: a CI job's files for later steps
// (engine/cisteps.go's ciStepVars), the file every bash sources, and the
// files credentials are kept in (effect/analysis.go's
// credentialFileVars). A default word of one of them is the fallback,
// not what the line most likely writes or reads.
var placeParams = table.Map[string, bool]{Words: "GITHUB_ENV GITHUB_PATH GITHUB_OUTPUT GITHUB_STEP_SUMMARY GITHUB_STATE BASH_ENV " +
	"GOOGLE_APPLICATION_CREDENTIALS KUBECONFIG AWS_SHARED_CREDENTIALS_FILE AWS_CONFIG_FILE NETRC AWS_WEB_IDENTITY_TOKEN_FILE " +
	"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE AZURE_FEDERATED_TOKEN_FILE VAULT_TOKEN_FILE DOCKER_CONFIG GNUPGHOME SSH_AUTH_SOCK " +
	"PGPASSFILE PASSWORD_STORE_DIR GH_CONFIG_DIR CARGO_HOME TF_CLI_CONFIG_FILE RCLONE_CONFIG CLOUDSDK_CONFIG AZURE_CONFIG_DIR " +
	"NPM_CONFIG_USERCONFIG DOCKER_CERT_PATH CREDENTIALS_DIRECTORY"}

// PlaceParam reports a variable whose value is a place the judgement
// knows by the variable's name (placeParams): its default word is not
// taken for it.
func PlaceParam(name string) bool { return placeParams.Get(name) }

// defaultNamesPlace reports whether a default word expands a variable
// whose value is a secret or a place known by its name (placeParams).
func defaultNamesPlace(w *syntax.Word) bool {
	found := false
	if w != nil {
		syntax.Walk(w, func(n syntax.Node) bool {
			if pe, ok := n.(*syntax.ParamExp); ok && pe.Param != nil && (secretParamName(pe.Param.Value) || placeParams.Get(pe.Param.Value)) {
				found = true
			}
			return !found
		})
	}
	return found
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
var secretParamNames = [...]string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL",
	"CREDS", "JWT", "AUTH_CONFIG", "KUBE_CONFIG", "MNEMONIC", "SEED_PHRASE", "WALLET_SEED", "RECOVERY_PHRASE"}

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

// arithValue is the value of an arithmetic expansion that reads only
// numbers and variables known on the line and assigns nothing
// ($((0xa9fea9fe)) is 2852039166, $((169)) is 169).
func (s *state) arithValue(p *syntax.ArithmExp) (v string, ok bool) {
	if p.X == nil {
		return "", false
	}
	if w, ok := p.X.(*syntax.Word); ok {
		// One number in any of bash's bases: 0xa9fea9fe, 0251, 16#a9.
		if n, ok := bashNumber(w.Lit()); ok {
			return strconv.FormatInt(n, 10), true
		}
	}
	assigns := false
	syntax.Walk(p.X, func(n syntax.Node) bool {
		switch x := n.(type) {
		case *syntax.Word:
			// The library reads numbers in base 10 only, and a name
			// whose value is no decimal number as 0: only decimal
			// numbers and variables holding them are evaluated here.
			lit := x.Lit()
			if syntax.ValidName(lit) {
				v, ok := s.vars[lit]
				lit = v.val
				assigns = assigns || !ok || !v.known
			}
			assigns = assigns || !decimal(lit)
			return false
		case *syntax.BinaryArithm:
			assigns = assigns || x.Op == syntax.Assgn || x.Op >= syntax.AddAssgn && x.Op <= syntax.ShrAssgn
		case *syntax.UnaryArithm:
			assigns = assigns || x.Op == syntax.Inc || x.Op == syntax.Dec
		case *syntax.CmdSubst, *syntax.ProcSubst:
			assigns = true
		}
		return !assigns
	})
	if assigns {
		return "", false
	}
	defer func() {
		if recover() != nil {
			v, ok = "", false
		}
	}()
	env := &lineEnv{s: s}
	n, err := expand.Arithm(&expand.Config{Env: env}, p.X)
	if err != nil || env.unknown || env.outside {
		return "", false
	}
	return strconv.Itoa(n), true
}

// decimal reports a plain base-10 number as bash reads one ("0" or no
// leading zero, which would make it octal).
func decimal(s string) bool {
	if s == "" || len(s) > 1 && s[0] == '0' || len(s) > 18 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// bashNumber reads an integer constant as bash's arithmetic does: decimal,
// 0x hexadecimal, leading-0 octal and BASE#DIGITS.
func bashNumber(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	if b, digits, ok := strings.Cut(s, "#"); ok {
		base, err := strconv.Atoi(b)
		if err != nil || base < 2 || base > 36 {
			return 0, false
		}
		n, err := strconv.ParseInt(digits, base, 64)
		return n, err == nil
	}
	n, err := strconv.ParseInt(s, 0, 64)
	return n, err == nil && s[0] >= '0' && s[0] <= '9'
}
