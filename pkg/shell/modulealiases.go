package shell

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Lua reaches its os and io libraries under other names: the module
// required again (require("os").execute, require "os"), looked up in the
// tables that hold it (package.loaded.os, _G.os), written with spaces
// round the dot (os . execute), or given to a local (local o = os;
// o.execute(…), local o, i = os, io). luaModuleAliases rewrites each of
// these to the module's own name, so the calls the one-liner scan looks
// for (os.execute, io.popen) are found under every spelling. Only the
// os and io modules are followed: they hold the calls that run programs
// and open files.

// luaModules are the Lua modules whose other names are followed.
var luaModules = [...]string{"os", "io"}

// luaModuleSpellings rewrites the fixed spellings of a module's table
// (require("os"), package.loaded.os, _G.os) to its name.
var luaModuleSpellings = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	var pairs []string
	for _, m := range luaModules {
		for _, q := range [...]string{`"`, `'`} {
			for _, form := range [...]string{"require(%s)", "require (%s)", "require( %s )", "require ( %s )", "require%s", "require %s"} {
				pairs = append(pairs, strings.ReplaceAll(form, "%s", q+m+q), m)
			}
			pairs = append(pairs, "package.loaded["+q+m+q+"]", m, "_G["+q+m+q+"]", m)
		}
		pairs = append(pairs, "package.loaded."+m, m, "_G."+m, m)
	}
	return strings.NewReplacer(pairs...)
}}

// maxLuaAliases bounds the locals followed as a module's other names.
const maxLuaAliases = 8

// luaModuleAliases rewrites Lua code's other names of the os and io
// modules to the modules' own.
func luaModuleAliases(code string) string {
	if !strings.Contains(code, "os") && !strings.Contains(code, "io") {
		return code
	}
	code = luaModuleSpellings.Get().Replace(code)
	if strings.Contains(code, "<const>") || strings.Contains(code, "<close>") {
		// Lua 5.4's attributes (local o <const> = os) name no other local
		code = strings.NewReplacer(" <const>", "", "<const>", "", " <close>", "", "<close>", "").Replace(code)
	}
	code = luaSpacedMembers(code)
	var aliases [maxLuaAliases][2]string // {alias, module}
	n := 0
	for _, m := range luaModules {
		for at := 0; at < len(code) && n < maxLuaAliases; {
			k := strings.Index(code[at:], m)
			if k < 0 {
				break
			}
			k += at
			at = k + len(m)
			if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || at < len(code) && (isIdent(code[at]) || code[at] == '.') {
				continue // part of another name, or the module used (os.time)
			}
			if name := luaAssignedTo(code, k); name != "" && name != m {
				aliases[n] = [2]string{name, m}
				n++
			}
		}
	}
	for _, a := range aliases[:n] {
		code = renameMembers(code, a[0], a[1])
	}
	return code
}

// luaSpacedMembers closes the spaces round the dot after a module's name
// (os . execute is os.execute).
func luaSpacedMembers(code string) string {
	if !strings.Contains(code, " .") && !strings.Contains(code, ". ") {
		return code
	}
	for _, m := range luaModules {
		for at := 0; at < len(code); {
			k := strings.Index(code[at:], m)
			if k < 0 {
				break
			}
			k += at
			at = k + len(m)
			if k > 0 && isIdent(code[k-1]) {
				continue
			}
			j := skipSpace(code, at)
			if j >= len(code) || code[j] != '.' || j+1 < len(code) && code[j+1] == '.' || j == at && (j+1 >= len(code) || code[j+1] != ' ') {
				continue // no dot, a concatenation (..), or no space to close
			}
			e := skipSpace(code, j+1)
			if e < len(code) && isIdent(code[e]) {
				code = code[:at] + "." + code[e:]
			}
		}
	}
	return code
}

// luaAssignedTo returns the local a bare module name at code[k:] is
// assigned to (local o = os; o, i = os, io gives i for io), or "".
func luaAssignedTo(code string, k int) string {
	before := strings.TrimRight(code[:k], " \t")
	idx := 0
	for strings.HasSuffix(before, ",") {
		// an earlier value of the list: step over it
		before = strings.TrimRight(before[:len(before)-1], " \t")
		i := len(before)
		for i > 0 && (isIdent(before[i-1]) || before[i-1] == '.') {
			i--
		}
		if i == len(before) {
			return ""
		}
		before = strings.TrimRight(before[:i], " \t")
		idx++
	}
	if !strings.HasSuffix(before, "=") || len(before) >= 2 && strings.ContainsRune("=~<>", rune(before[len(before)-2])) {
		return ""
	}
	before = strings.TrimRight(before[:len(before)-1], " \t")
	// the names, last first
	var names []string
	for {
		i := len(before)
		for i > 0 && isIdent(before[i-1]) {
			i--
		}
		if i == len(before) {
			break
		}
		names = append(names, before[i:])
		before = strings.TrimRight(before[:i], " \t")
		if !strings.HasSuffix(before, ",") {
			break
		}
		before = strings.TrimRight(before[:len(before)-1], " \t")
	}
	if idx >= len(names) {
		return ""
	}
	return names[len(names)-1-idx]
}

// renameMembers rewrites NAME.member to MODULE.member where NAME stands
// alone (not a member of something else, not part of a longer name).
func renameMembers(code, name, module string) string {
	var b strings.Builder
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], name+".")
		if k < 0 {
			b.WriteString(code[at:])
			break
		}
		k += at
		b.WriteString(code[at:k])
		end := k + len(name) + 1
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') || end < len(code) && code[end] == '.' {
			b.WriteString(code[k:end])
		} else {
			b.WriteString(module + ".")
		}
		at = end
	}
	return b.String()
}

// Go names a package by its import path's last element unless the import
// gives it another name (import x "os/exec"; x.Command(…)) or none at all
// (import . "os"; RemoveAll(…)). goImportAliases rewrites such calls to
// the package's own name, so that the Go hooks (exec.Command, os.RemoveAll,
// syscall.Exec) find them under every name. Only the packages the hooks
// name are followed.

// goHookPackages are the import paths of the packages the Go hooks name,
// quoted as an import writes them, and the name each call is written
// with.
var goHookPackages = [...][2]string{
	{`"os/exec"`, "exec"}, {`"os"`, "os"}, {`"syscall"`, "syscall"},
	{`"io/ioutil"`, "ioutil"}, {`"net/http"`, "http"}, {`"golang.org/x/sys/unix"`, "syscall"},
}

// goImportAliases rewrites Go code's other names of the hooked packages
// to their own.
func goImportAliases(code string) string {
	if !strings.Contains(code, "import") {
		return code
	}
	for _, p := range goHookPackages {
		for at := 0; at < len(code); {
			k := strings.Index(code[at:], p[0])
			if k < 0 {
				break
			}
			k += at
			at = k + len(p[0])
			before := strings.TrimRight(code[:k], " \t")
			switch {
			case strings.HasSuffix(before, "."):
				// import . "os": the package's names used bare
				code = goQualifyBare(code, p[1], at)
			default:
				name := lastIdent(before)
				if name == "" || name == "import" {
					// the import's own name: unix for golang.org/x/sys/unix
					name = path.Base(strings.Trim(p[0], `"`))
				}
				if name == "_" || name == p[1] {
					continue
				}
				code = goRequalify(code, name, p[1])
			}
		}
	}
	return code
}

// goRequalify writes pkg. for every alias. in code that starts a name
// (not a field or method of another value: v.alias.X stays).
func goRequalify(code, alias, pkg string) string {
	return replaceNameStarts(code, alias+".", pkg+".")
}

// goQualifyBare writes pkg. before the bare calls, after the import at
// code[at:], of the names the hooks know in pkg (import . "os/exec";
// Command("sh", …) is exec.Command).
func goQualifyBare(code, pkg string, at int) string {
	head, body := code[:at], code[at:]
	for _, h := range goBareNames(pkg) {
		body = replaceNameStarts(body, h+"(", pkg+"."+h+"(")
	}
	return head + body
}

// replaceNameStarts replaces each old in code that starts a name (the
// byte before it is no identifier's and no dot) by new.
func replaceNameStarts(code, old, new string) string {
	var b strings.Builder
	from := 0
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], old)
		if k < 0 {
			break
		}
		k += at
		at = k + len(old)
		if k > 0 && (isIdent(code[k-1]) || code[k-1] == '.') {
			continue
		}
		b.WriteString(code[from:k])
		b.WriteString(new)
		from = at
	}
	if from == 0 {
		return code
	}
	b.WriteString(code[from:])
	return b.String()
}

// goBareNames are the names the Go hooks call in package pkg (Command,
// RemoveAll for exec and os).
func goBareNames(pkg string) []string {
	var names []string
	for _, h := range sourceLangs.Get()["go"].hooks {
		if p, name, ok := strings.Cut(h.name, "."); ok && p == pkg {
			names = append(names, name)
		}
	}
	return names
}
