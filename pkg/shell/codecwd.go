package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// The working directory spelled in interpreter code: os.getcwd(),
// Path.cwd(), process.cwd(), Dir.pwd, getcwd(), getwd(), pwd(). The
// scanner reads each as the literal '.' (as homeExprs reads the home's
// spellings as '~'), so that rmtree(os.path.join(os.getcwd(), "dist"))
// is the delete of ./dist it is, and rmSync(path.join(process.cwd(),
// ".git")) the delete of the repository's .git, instead of a call with
// computed arguments nobody can judge. Interpolated at the start of a
// string (f"{os.getcwd()}/build", `${process.cwd()}/dist`,
// "#{Dir.pwd}/tmp") it is the "." that starts the relative path.

// cwdExprs are, per language, the expressions that mean the working
// directory, with the string openers that interpolate an expression and
// the text that closes the interpolation. Made on first use.
var cwdExprs = table.Once[map[string]*strings.Replacer]{Build: func() map[string]*strings.Replacer {
	jvm := []string{`System.getProperty("user.dir")`, `System.getProperty('user.dir')`}
	return map[string]*strings.Replacer{
		"python": cwdReplacer([]string{"os.getcwd()", "pathlib.Path.cwd()", "Path.cwd()", "os.path.abspath('.')",
			`os.path.abspath(".")`, "os.path.realpath('.')", `os.path.realpath(".")`},
			[]string{`f"{`, `f'{`}, "}"),
		"node": cwdReplacer([]string{"process.cwd()", "Deno.cwd()", "path.resolve('.')", `path.resolve(".")`,
			"path.resolve()"}, []string{"`${"}, "}"),
		"ruby":   cwdReplacer([]string{"Dir.pwd", "Dir.getwd", "FileUtils.pwd", "File.expand_path('.')", `File.expand_path(".")`}, []string{`"#{`}, "}"),
		"perl":   cwdReplacer([]string{"Cwd::getcwd()", "Cwd::cwd()", "getcwd()", "cwd()"}, nil, ""),
		"php":    cwdReplacer([]string{"getcwd()"}, nil, ""),
		"r":      cwdReplacer([]string{"getwd()"}, nil, ""),
		"lua":    cwdReplacer([]string{"lfs.currentdir()"}, nil, ""),
		"julia":  cwdReplacer([]string{"pwd()"}, []string{`"$(`}, ")", "$(pwd())", "."),
		"java":   cwdReplacer(jvm, nil, ""),
		"kotlin": cwdReplacer(jvm, nil, ""),
		"groovy": cwdReplacer(jvm, nil, ""),
		"scala":  cwdReplacer(jvm, nil, ""),
	}
}}

// cwdReplacer reads each of exprs as the literal '.', and each
// interpolated at the start of a string as the string's own leading ".".
func cwdReplacer(exprs, opens []string, closeInterp string, extra ...string) *strings.Replacer {
	var pairs []string
	for _, e := range exprs {
		for _, o := range opens {
			q := o[strings.IndexAny(o, "'\"`"):][:1] // the quote that opens the string
			pairs = append(pairs, o+e+closeInterp, q+".")
		}
	}
	for _, e := range exprs {
		pairs = append(pairs, e, "'.'")
	}
	return strings.NewReplacer(append(pairs, extra...)...)
}

// cwdExpr reads the working directory's spellings in code of lang as '.'.
// The cheap gate (every spelling holds "cwd", "pwd", "user.dir",
// "resolve", "abspath", "realpath", "getwd" or "currentdir") keeps code
// that names none from being copied.
func cwdExpr(lang, code string) string {
	r, ok := cwdExprs.Get()[lang]
	if !ok || !mentionsCwd(code) {
		return code
	}
	return r.Replace(code)
}

// mentionsCwd reports whether code holds a word some spelling of the
// working directory holds.
func mentionsCwd(code string) bool {
	for _, w := range []string{"cwd", "pwd", "user.dir", "resolve(", "abspath(", "realpath(", "getwd", "currentdir", "expand_path("} {
		if strings.Contains(code, w) {
			return true
		}
	}
	return false
}
