package shell

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// Code that runs text as code of its own language: Python's exec(),
// eval() and compile(), JavaScript's eval() and Function(), PHP's, Ruby's
// and Perl's eval, Lua's load() and loadstring(). When the text is one the
// scanner can read — a literal, or one a decoder undoes
// (exec(base64.b64decode('…')), eval(atob('…')), Function(Buffer.from('…',
// 'hex').toString())) — it is scanned as that language's code in turn, so
// a delete or a command it spells is found as if written out. The call
// still marks the code dynamic (codefacts.go): what else it may compute
// stays unseen.

// evalHooks are, by language, the calls whose first argument is code.
var evalHooks = table.Once[map[string][]hook]{Build: func() map[string][]hook {
	return map[string][]hook{
		"python": {{"exec", hookEval}, {"eval", hookEval}, {"compile", hookEval}},
		"node":   {{"eval", hookEval}, {"Function", hookEval}, {"runInThisContext", hookEval}, {"runInNewContext", hookEval}, {"runInContext", hookEval}},
		"php":    {{"eval", hookEval}},
		"ruby":   {{"eval", hookEval}, {"instance_eval", hookEval}, {"class_eval", hookEval}},
		"perl":   {{"eval", hookEval}},
		"lua":    {{"load", hookEval}, {"loadstring", hookEval}},
	}
}}

// evalCode scans the code an eval-like call was handed, when its text is
// known, and returns what it was seen doing.
func (s *state) evalCode(lang string, args []value, f frame) CodeFacts {
	if len(args) == 0 || !args[0].known || args[0].list || args[0].str == "" {
		return CodeFacts{}
	}
	f.strDepth++ // text inside text: bounded as nested strings are
	return s.scanCode(lang, args[0].str, f)
}

// rot13 rotates the ASCII letters of s by thirteen, as Python's rot13
// codec does.
func rot13(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case c >= 'A' && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return string(b)
}

// decoderCalls are the calls, of any language, that turn encoded or
// compressed text back into text; encodingNames name an encoding to a
// call that takes one (Buffer.from(s, 'base64'), codecs.decode(s,
// 'rot13')). What a call that runs code or commands is handed through
// one of them was hidden on purpose.
var (
	decoderCalls = []string{
		"b64decode(", "a2b_base64(", "decodebytes(", "fromhex(", "unhexlify(", "a2b_hex(", "decompress(",
		"atob(", "inflatesync(", "gunzipsync(", "unzipsync(", "base64_decode(", "hex2bin(", "gzinflate(",
		"gzuncompress(", "gzdecode(", "str_rot13(", "decode64(", "decode_base64(",
	}
	encodingNames = []string{"'base64'", `"base64"`, "'hex'", `"hex"`, "'rot13'", "'rot_13'", `"rot13"`, `"rot_13"`}
)

// decodesText reports an argument whose text passes through a decoder.
func decodesText(arg string) bool {
	l := strings.ToLower(arg)
	for _, d := range decoderCalls {
		if strings.Contains(l, d) {
			return true
		}
	}
	if !strings.Contains(l, "from(") && !strings.Contains(l, "decode(") {
		return false // subprocess.run(['base64', f]): a program's name
	}
	for _, d := range encodingNames {
		if strings.Contains(l, d) {
			return true
		}
	}
	return false
}

// evalPrograms are, by language, the interpreter a download piped to it
// would be: what code that evaluates a download amounts to.
var evalPrograms = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{"python": "python3", "node": "node", "php": "php", "ruby": "ruby", "perl": "perl", "lua": "lua"}
}}

// urlLiteral matches an http(s) URL written out in code.
var urlLiteral = table.Regexp{Expr: `https?://[A-Za-z0-9._~:/?#@!$&*+,;=%\[\]-]+`}

// evalDownload judges an eval-like call handed text its own code fetches
// from a URL written out (exec(urlopen('https://…').read()),
// eval(file_get_contents('https://…')), eval(URI.open('https://…').read))
// as the download piped to the language's interpreter it amounts to:
// curl -fsSL URL | python3. arg is the call's argument text.
// It reports whether it found such a download.
func (s *state) evalDownload(lang, arg string, f frame) bool {
	prog, ok := evalPrograms.Lookup(lang)
	if !ok || !strings.Contains(arg, "://") || !anyIn(arg, codeMarkers.Get()[lang].network) {
		return false
	}
	u := urlLiteral.Get().FindString(arg)
	if u == "" {
		return false
	}
	s.parseString("curl -fsSL "+quoteWord(u)+" | "+prog, f)
	return true
}

// evalFetched judges code that fetches from a URL it writes out and hands
// an eval-like call text it computed (fetch(URL).then(r => r.text())
// .then(eval), t = get(URL).text; exec(t)) as that download piped to the
// language's interpreter: what runs is what the URL serves, whichever
// variable carried it between the two calls.
func (s *state) evalFetched(lang, code string, f frame) {
	prog, ok := evalPrograms.Lookup(lang)
	if !ok {
		return
	}
	if u := urlLiteral.Get().FindString(code); u != "" {
		s.parseString("curl -fsSL "+quoteWord(u)+" | "+prog, f)
	}
}

// importedURLs are the http(s) URLs JavaScript code loads a module from
// (import('https://…'), await import(`https://…`), import x from
// "https://…"): the module's code is fetched when the code runs, and runs.
func importedURLs(code string) []string {
	code = FoldLiterals(code) // import('https://' + 'host/m.mjs')
	var out []string
	for at := 0; at < len(code); {
		k := strings.Index(code[at:], "import")
		if k < 0 {
			break
		}
		k += at
		at = k + len("import")
		if k > 0 && isIdent(code[k-1]) || at < len(code) && isIdent(code[at]) {
			continue
		}
		rest := strings.TrimLeft(code[at:], " \t")
		if strings.HasPrefix(rest, "(") {
			rest = strings.TrimLeft(rest[1:], " \t")
		} else if j := strings.Index(rest, "from"); j >= 0 && j < 200 && !strings.ContainsAny(rest[:j], ";\n") {
			rest = strings.TrimLeft(rest[j+len("from"):], " \t")
		} else if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
			continue // import os, import { x } ;: no module named by a URL here
		}
		if len(rest) < 2 || rest[0] != '"' && rest[0] != '\'' && rest[0] != '`' {
			if u := computedImport(code, len(code)-len(rest)); u != "" {
				out = append(out, u) // import(u), import(base + '/m.ts'): the value the code gave it
			}
			continue
		}
		if u := urlLiteral.Get().FindString(rest[1:]); u != "" && strings.HasPrefix(rest[1:], u) {
			out = append(out, strings.TrimRight(u, "`'\")"))
		}
	}
	return out
}

// computedImport reads the argument of import( at code[i:] that is no
// literal (a variable, a concatenation, a template, a decoded string) as
// the scanner reads a call's argument, and gives it when it is a URL
// whose host is known: const u = 'https://…/m.js'; import(u).
func computedImport(code string, i int) string {
	sc := &scanner{lang: "node", code: code}
	v, _ := sc.value(i)
	if v.list || v.str == "" {
		return ""
	}
	scheme, rest, ok := strings.Cut(v.str, "://")
	if !ok || scheme != "http" && scheme != "https" {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	if host == "" || strings.ContainsAny(host, "$") || strings.ContainsAny(host, " \t'\"`") {
		return ""
	}
	if !v.known {
		return scheme + "://" + host + "/" // the rest computed: the host says whose code it is
	}
	return v.str
}
