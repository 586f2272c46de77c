package shell

import (
	"path"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/containerspec"
	"rampart.dev/pkg/internal/table"
	"slices"
	"strings"
)

// globChars reports whether w holds *, ? or [: strings.ContainsAny with
// the three bytes, without its search for each one (every command asks).
func globChars(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '*', '?', '[':
			return true
		case '(':
			// extglob: @(rm|x), +(…), !(…)
			if i > 0 && (w[i-1] == '@' || w[i-1] == '+' || w[i-1] == '!') {
				return true
			}
		}
	}
	return false
}

// emitWords reports the command made of words, then whatever it runs:
// the command behind a wrapper, a -c string, eval's arguments, the command
// of find -exec or xargs, the code of a one-liner. dyn (nil when no word is
// dynamic) marks words that hold an unresolved expansion.
func (s *state) emitWords(f frame, words []string, dyn []bool, rs []Redirect, rdyn bool) {
	// finish has peeled these very words already when s.plain is them.
	plain := len(words) > 0 && len(s.plain) == len(words) && &s.plain[0] == &words[0]
	plainKinds, plainName := s.plainKinds, s.plainName // their program's name and its kinds, when finish had them
	s.plain, s.plainKinds, s.plainName = nil, 0, ""
	d := rdyn
	for _, x := range dyn {
		d = d || x
	}
	if len(words) == 0 {
		s.add(&Command{Redirects: rs, Pipeline: f.pl.id, Stage: f.pl.stage, Depth: f.depth, Via: f.via, Dynamic: d, Synthetic: f.synthetic, Block: s.compound})
		return
	}
	manyPrograms := false
	if (dyn == nil || !dyn[0]) && globChars(words[0]) && len(words[0]) > 1 && f.depth < MaxDepth {
		// /???/r? and /bin/r[m] run what the shell expands them to: each
		// known program they can name is judged as the command. One that
		// names more than a few is a program nobody can tell.
		const most = 12
		ps := catalog.ProgramsMatching(words[0], globbedPrograms, most)
		for _, p := range ps {
			w := make([]string, len(words))
			copy(w, words)
			w[0] = p
			s.emitWords(f, w, dyn, rs, rdyn)
		}
		manyPrograms = len(ps) == most
	}
	name, kinds := plainName, plainKinds // (plain words' first is no dynamic word: finish's progName of it)
	if !plain || kinds == 0 {
		name = progName(words[0])
		if dyn != nil && dyn[0] {
			name = dynName(words[0])
		}
		kinds = nameKinds.Get(name) | kindKnown
	}
	if remotePrivilege.Get(name) && (f.remote || privilegeProbe(words, dyn)) {
		// sudo on another host raises privilege there, not here; sudo -n
		// true only asks whether it could, running nothing: the command it
		// runs is judged, the wrapper is not a command of this machine's.
		if inner, idyn, ok := peel(words, dyn); ok && len(inner) > 0 && len(f.via) < MaxDepth {
			g := f
			g.via = s.appendVia(f.via, name)
			s.emitWords(g, inner, idyn, rs, rdyn)
		}
		return
	}
	if s.envOptsFor != name {
		if w, wd, ok := s.envOptionWords(kinds, name, words, dyn); ok {
			// tar with TAR_OPTIONS set: judged with those options
			// (envoptions.go), once.
			outer := s.envOptsFor
			s.envOptsFor = name
			s.emitWords(f, w, wd, rs, rdyn)
			s.envOptsFor = outer
			return
		}
	}
	c := Command{
		Name:      name,
		Program:   words[0],
		Args:      words[1:len(words):len(words)],
		Redirects: rs,
		Pipeline:  f.pl.id,
		Stage:     f.pl.stage,
		Depth:     f.depth,
		Via:       f.via,
		Dynamic:   d,
		Synthetic: f.synthetic,
		Repeats:   f.repeats,
		Gate:      f.gate,
		Halts:     s.halts(f), // errexit.go
		kinds:     kinds,      // asked of it again and again, here and after the walk
	}
	inputs := s.inputs
	if env := s.codeEnvInputs(words); len(env) > 0 {
		// codeenv.go: variables the code reads from its environment
		inputs = s.appendSpans(inputs[:len(inputs):len(inputs)], env...)
	}
	if len(inputs) > 0 {
		c.Inputs = s.inputIndices(inputs)
	}
	if !s.add(&c) {
		return
	}
	if dyn != nil && dyn[0] {
		s.dynProgramFile(f, words[0])
		return
	}
	s.inPlaceEdit(name, words) // inplaceedit.go
	if name == "cd" || name == "pushd" || name == "popd" {
		s.moveDir(f, words, dyn) // place.go
	}
	if manyPrograms {
		s.markUnknown(len(s.out)-1, "the program "+words[0]+" is a pattern that names many programs")
	}
	if catalog.HasSettingChannel(name) {
		s.walkSettings(f, name, words)
	}
	s.scratchCode(len(s.out)-1, name, words) // scratch.go
	// A function redefined on a branch that may not have run may be
	// either body (scopes.go): each is walked.
	// f >> F: what the body prints is F's text; { f; } >> F: the
	// block's (blockout.go)
	var callPrint *blockPrint
	outerPrint, toFile := s.printing, false
	for fn, k := s.funcs[words[0]], 0; fn != nil && k < maxAlts && f.depth < MaxDepth; fn, k = fn.alt, k+1 {
		if fn.active {
			continue
		}
		fn.active, fn.called = true, true
		g := s.viaFrame(fn.f, words[0])
		g.src, g.depth = fn.f.src, f.depth+1
		if callPrint == nil {
			callPrint, toFile = s.startCallPrint(c.Redirects, f, g.depth, outerPrint)
			if callPrint != nil {
				s.printing = callPrint
			}
		}
		// The body runs where it is called: in the caller's pipeline stage
		// (env | send reads the pipe), with the call's substitutions in $1...
		g.pl, g.inPipe = f.pl, f.inPipe
		// and with the call's standard input (f < s.sh), else the caller's
		g.blockIn = f.blockIn
		if in := callInput(c.Redirects); in != nil {
			g.blockIn = in
		}
		subs := s.inputs
		mark := len(s.scope.locals)
		s.scope.inFunc++
		s.withPositional(words, func() {
			for _, n := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"} {
				if v, ok := s.vars[n]; ok && len(subs) > 0 {
					v.subs = subs
					s.vars[n] = v
				}
			}
			s.walkStmt(fn.body, g)
		})
		s.scope.inFunc--
		for i := len(s.scope.locals) - 1; i >= mark; i-- {
			// Its locals are gone when it returns.
			if u := s.scope.locals[i]; u.had {
				s.vars[u.name] = u.old
			} else {
				delete(s.vars, u.name)
			}
		}
		s.scope.locals = s.scope.locals[:mark]
		fn.active = false
	}
	if callPrint != nil {
		s.printing = outerPrint
		s.endCallPrint(callPrint, toFile)
	}
	s.defineCopiedProgram(name, words[1:])
	if alias, ok := s.aliases[words[0]]; ok && f.depth < MaxDepth {
		// An alias or hashed name defined on the line runs its value.
		delete(s.aliases, words[0]) // no recursion through the alias itself
		s.parseInPlace(s.aliasChain(alias, words[1:])+stdinText(rs), s.viaFrame(f, words[0]))
		s.aliases[words[0]] = alias
	}
	if name == "strace" || name == "ltrace" {
		// strace -o '|CMD' (or '!CMD'): the trace is piped to CMD, a shell
		// command line.
		for i := 1; i < len(words); i++ {
			v := ""
			if words[i] == "-o" && i+1 < len(words) {
				v = words[i+1]
			} else if rest, ok := strings.CutPrefix(words[i], "-o"); ok {
				v = rest // -o'|CMD'
			}
			if strings.HasPrefix(v, "|") || strings.HasPrefix(v, "!") {
				s.parseString(v[1:], s.viaFrame(f, name))
			}
		}
	}
	if name == "direnv" && len(words) > 2 && words[1] == "exec" {
		// direnv exec DIR CMD loads DIR/.envrc first, in a shell.
		s.isolated(func() { s.runFile(strings.TrimSuffix(words[2], "/")+"/.envrc", "sh", f) })
	}
	if name == "direnv" && len(words) > 1 && (words[1] == "allow" || words[1] == "permit" || words[1] == "grant") {
		// direnv allow [DIR|FILE]: the .envrc runs in a shell from now on,
		// each time a shell enters the directory.
		rc := ".envrc"
		if len(words) > 2 {
			rc = words[2]
			if path.Base(rc) != ".envrc" && path.Base(rc) != ".env" {
				rc = strings.TrimSuffix(rc, "/") + "/.envrc"
			}
		}
		s.isolated(func() { s.runFile(rc, "sh", f) })
	}
	if name == "mise" || name == "rtx" {
		s.trustConfig(f, words) // trust.go
	}
	if name == "adb" {
		s.adbInstalls(words) // trust.go
	}
	if inner, idyn, ok := peelUnless(plain, words, dyn); ok {
		if len(inner) > 0 {
			if len(f.via) >= MaxDepth {
				s.truncated = true
				return
			}
			g := f
			g.via = s.appendVia(f.via, c.Name)
			if !f.remote && catalog.Default().RunsRemote(c.Name, c.Args) {
				g.remote = true // gcloud compute ssh HOST -- CMD
			}
			if len(inner) == 1 && (idyn == nil || !idyn[0]) && strings.ContainsAny(inner[0], " \t;|&") {
				// A command given as one word with blanks in it (entr -s
				// 'CMD', a quoted command line) is judged as shell text.
				s.parseString(inner[0], g)
				return
			}
			undo := s.wrapperAssigns(c.Name, words, dyn, len(words)-len(inner))
			back := s.wrapperDir(c.Name, words, dyn, len(words)-len(inner)) // place.go
			s.emitWords(g, inner, idyn, rs, rdyn)
			if back != nil {
				back()
			}
			if undo != nil {
				undo()
			}
		}
		return
	}
	if c.Name == "shopt" {
		s.setErrexit(f, c.Name, words[1:], dyn[min(1, len(dyn)):]) // errexit.go: shopt -uo errexit
	}
	if httpie(c.Name) {
		// http POST :2375/containers/create Image=… HostConfig:='{…}':
		// the container the engine is asked for, as docker run makes it
		if line, ok := containerspec.HTTPieLine(words); ok {
			g := s.viaFrame(f, c.Name)
			g.synthetic = true
			s.parseString(line, g)
		}
	}
	for _, lib := range sqlLibraryLoads(c.Name, words) {
		// sqlite3 app.db ".load /tmp/x.so": the library's code runs in
		// the client (sqlloads.go)
		s.ranFile(len(s.out)-1, lib)
		s.runsScratch(len(s.out)-1, lib)
	}
	if s.runsNothing(&c, words) && !hasCommandOption(words) && !s.namesWrittenScript(words) && !plainWordsMaven(c.Name, words) && !composerScripts(c.Name, words) { // filters.go, cmdoptions.go
		return
	}
	s.runs(f, c.Name, words, dyn)
}

// rsyncPaths are the command lines rsync's --rsync-path gives, which the
// remote shell runs.
func rsyncPaths(words []string) []string {
	var out []string
	for i, w := range words {
		if v, ok := strings.CutPrefix(w, "--rsync-path="); ok {
			out = append(out, v)
		} else if w == "--rsync-path" && i+1 < len(words) {
			out = append(out, words[i+1])
		}
	}
	return out
}

// jarOf returns the jar java -jar runs, or "".
func jarOf(name string, words []string) string {
	if name != "java" {
		return ""
	}
	for j := 1; j+1 < len(words); j++ {
		if words[j] == "-jar" {
			return words[j+1]
		}
	}
	return ""
}

// peelJar reports what java -jar FILE.jar runs when the jar is a program
// the catalogue knows by name (bfg.jar, bfg-1.14.0.jar: bfg): that program
// with the words after the jar. Another jar is the project's own code.
func peelJar(words []string, dyn []bool) ([]string, []bool, bool) {
	for j := 1; j+1 < len(words); j++ {
		if words[j] != "-jar" {
			continue
		}
		if dyn != nil && dyn[j+1] {
			return nil, nil, false
		}
		name := strings.TrimSuffix(path.Base(words[j+1]), ".jar")
		if k := strings.IndexByte(name, '-'); k > 0 && k+1 < len(name) && name[k+1] >= '0' && name[k+1] <= '9' {
			name = name[:k] // a version: bfg-1.14.0
		}
		if name == "" || name == "java" || !catalog.Default().Known(name) {
			return nil, nil, false
		}
		inner := append([]string{name}, words[j+2:]...)
		if dyn == nil {
			return inner, nil, true
		}
		return inner, append([]bool{false}, dyn[j+2:]...), true
	}
	return nil, nil, false
}

// remotePrivilege are the wrappers that raise privilege on the host they
// run on: in a remote command, another host's.
var remotePrivilege = table.Map[string, bool]{Words: "sudo doas"}

// privilegeProbe reports "sudo -n true" (doas -n, :, false, /bin/true):
// asking, without a prompt, whether privilege would be given, running
// nothing with it. Without -n sudo prompts and caches the password for
// later calls; -s and -i start a shell, -v and -l run nothing but do more.
func privilegeProbe(words []string, dyn []bool) bool {
	switch path.Base(words[len(words)-1]) {
	case "true", "false", ":":
	default:
		return false // the common case, decided before any scan
	}
	for _, d := range dyn {
		if d {
			return false
		}
	}
	inner, _, ok := peel(words, dyn)
	if !ok || len(inner) != 1 {
		return false
	}
	switch path.Base(inner[0]) {
	case "true", "false", ":":
	default:
		return false
	}
	n := false
	for _, w := range words[1 : len(words)-1] {
		switch {
		case w == "--non-interactive":
			n = true
		case strings.HasPrefix(w, "--"):
			return false
		case strings.HasPrefix(w, "-"):
			if strings.ContainsAny(w, "siEHPbeKklVvuUgCDhprRtTac") && w != "-n" {
				return false // any other option: judged as sudo
			}
			n = n || strings.ContainsRune(w, 'n')
		default:
			return false
		}
	}
	return n
}

// remoteFrame is f for text that runs on another host.
func remoteFrame(f frame) frame {
	f.remote = true
	return f
}

// runs reports what a non-wrapper command executes from its arguments.
func (s *state) runs(f frame, name string, words []string, dyn []bool) {
	s.envPreloads(f, name, words) // envpreloads.go: NODE_OPTIONS, PERL5OPT, perl -Ilib -MMod
	if len(s.opaque) > 0 && s.mentionsOpaque(words) && catalog.Default().Known(name) {
		// gdb -x g.gdb, vim -S s.vim, perl s.pl: what the catalogue says
		// the program runs, written on the line unseen
		for _, w := range catalog.Default().Classify(name, words[1:]).Words {
			if w.Role == catalog.Exec {
				s.runsUnseen(len(s.out)-1, w.Text)
			}
		}
	}
	if op := runnerScript(name, words); op != "" {
		// go run s.go, papermill nb.ipynb: the file a runner runs
		// (runners.go)
		s.runsUnseen(len(s.out)-1, op)
	}
	if s.files != nil && len(words) > 0 {
		if text, ok := s.pathFileText(words[0]); ok {
			// install x ~/.local/bin/t; t, and PATH=bin:$PATH git status
			// with bin/git written on the line: the written program runs,
			// whatever name it shadows
			s.runText(text, s.fileTextLang(words[0], text), f)
		}
	}
	switch {
	case isShell(name) && shellNoExec(words):
		// bash -n "$X": checked, not run
	case isShell(name):
		// A child shell: what it assigns does not last (scopes.go).
		s.isolated(func() {
			for _, rc := range startupFiles(words) {
				s.runFile(rc, "sh", f)
			}
			if script, ok := shellScript(words); ok {
				script, unread := dialectScript(name, script) // dialects.go: zsh, fish, csh, elvish, nushell, xonsh read as bash
				if unread != "" {
					s.markUnknown(len(s.out)-1, unread)
				}
				s.withPositional(shellArgsAfterScript(words), func() { s.parseString(script, f) })
			} else if op := scriptOperand(words); op != "" {
				if strings.Contains(op, "$") && dynName(op) == op {
					// bash "$X": a script no word of the line names, as
					// source "$X".
					s.markUnknown(len(s.out)-1, "runs "+op+", a file the line does not name")
				}
				s.runFile(op, "sh", f)
			}
		})
	case name == "set" || name == "shift":
		if name == "set" {
			s.allExport = AllExport(words[1:], s.allExport)
			s.setErrexit(f, name, words[1:], dyn[min(1, len(dyn)):]) // errexit.go
		}
		s.setPositional(name, words, dyn)
	case name == "alias" || name == "hash":
		s.defineAliases(name, words[1:])
	case name == "source" || name == ".":
		if len(words) > 1 {
			if dyn != nil && dyn[1] && dynName(words[1]) == words[1] {
				// source "$X": a file no word of the line names.
				s.markUnknown(len(s.out)-1, "sources "+words[1]+", a file the line does not name")
			}
			s.runFile(words[1], "sh", f)
		}
	case name == "eval":
		if len(words) > 1 {
			s.parseString(strings.Join(words[1:], " "), f)
		}
	case name == "su" || name == "runuser":
		if script, ok := suScript(words); ok {
			s.isolated(func() { s.parseString(script, s.viaFrame(f, name)) })
		}
	case name == "mosh":
		// mosh HOST -- CMD ARGS: the server runs the words as they are,
		// with no shell parsing them again (ssh joins them for one).
		if i := moshCommand(words); i > 0 {
			s.isolated(func() { s.emitWords(remoteFrame(s.viaFrame(f, name)), words[i:], nil, nil, false) })
		}
		for i, w := range words {
			// --ssh=CMD: the command line mosh connects with.
			if v, ok := strings.CutPrefix(w, "--ssh="); ok {
				s.parseString(v, s.viaFrame(f, name))
			} else if w == "--ssh" && i+1 < len(words) {
				s.parseString(words[i+1], s.viaFrame(f, name))
			}
		}
	case sshNames.Get(name):
		if remote := sshRemote(words); remote != "" {
			s.isolated(func() { s.parseString(remote, remoteFrame(s.viaFrame(f, name))) })
		}
		for _, script := range embeddedScripts("ssh", words) {
			s.parseString(script, s.viaFrame(f, name))
		}
		s.sshConfigFiles(words, f)
	case name == "watch":
		if i := watchFlags.skip(words, 1); i < len(words) {
			s.isolated(func() { s.parseString(strings.Join(words[i:], " "), s.viaFrame(f, name)) })
		}
	case name == "flock":
		if script, ok := flockScript(words); ok {
			s.isolated(func() { s.parseString(script, s.viaFrame(f, name)) })
		}
	case name == "find":
		s.find(f, words, dyn)
	case name == "fd" || name == "fdfind":
		s.fdExec(f, words) // findnarrow.go
	case name == "sed" || name == "gsed":
		s.sedExec(len(s.out)-1, words, f)
	case name == "gdb" || name == "lldb":
		// gdb --args PROGRAM ARGS: the program it debugs, and runs.
		for i, w := range words {
			if w == "--args" && i+1 < len(words) {
				s.emitWords(s.viaFrame(f, name), words[i+1:], nil, nil, false)
				break
			}
		}
		if _, sh, ok := catalog.Default().Wrapped(name, words[1:]); ok && sh != "" {
			s.wrapperString(name, sh, f)
		}
	case name == "trap":
		// trap 'CMD' SIGNAL...: CMD runs when the signal (or EXIT) comes.
		s.deferTrap(words, f)
	case name == "tmux" || name == "screen" || name == "parallel" || name == "rsync" || name == "salt" || name == "salt-ssh" || name == "salt-call" || name == "tar" || name == "git" || name == "scp" || name == "sftp":
		var remote []string
		if name == "rsync" {
			remote = rsyncPaths(words)
		}
		fed := len(s.out)
		scripts := embeddedScripts(name, words)
		if name == "parallel" && s.parallelFed && parallelReadsStdin(words) {
			// Its input is lines the walk read: the commands built from
			// them are judged where the input is known (parallelLines).
			scripts, s.parallelFed = nil, false
		}
		for _, script := range scripts {
			if contains(remote, script) {
				s.parseString(script, remoteFrame(s.viaFrame(f, name)))
				continue
			}
			s.parseString(script, s.viaFrame(f, name))
		}
		s.markFedCode(name, fed) // lines.go: tar --to-command=sh
		if name == "scp" || name == "sftp" {
			s.sshConfigFiles(words, f)
		}
		if name == "git" {
			s.gitAliases(f, words)
		}
		if name == "parallel" {
			s.parallelFiles(f, words)
		}
	case name == "crontab":
		if len(words) == 2 && !strings.HasPrefix(words[1], "-") {
			s.runFile(words[1], "cron", f)
		}
	case name == "at" || name == "batch":
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "-f" {
				s.runFile(words[i+1], "sh", f)
			}
		}
	case name == "make" || name == "gmake" || name == "bmake":
		s.runRecipes(recipeRunners.Get(name), words, f)
		s.makeOptions(words, f)
		if s.files != nil {
			s.makeImplicit(words) // compiled.go: make x with x.c written
		}
	default:
		if recipeKeys.Get().mayHold(name) {
			if r, ok := recipeRunners.Lookup(name); ok && (name != "deno" || len(words) > 1 && words[1] == "task") {
				s.runRecipes(r, words, f)
			}
		}
		if name == "npm" || name == "pnpm" || name == "bun" || name == "composer" {
			s.pkgSetScripts(name, words, f)
		}
		if rest, ok := npmRunEnv(name, words); ok && f.depth < MaxDepth {
			// npm run env -- CMD: npm's built-in env script is env, and
			// the words after it are env's command
			s.emitWords(s.viaFrame(f, name), append([]string{"env"}, rest...), nil, nil, false)
		}
		if name == "ansible" && !ansibleHasArgs(words) {
			// -m reboot, -m service with no -a: the module alone says
			// what it does (lines.go)
			if sh := ansibleModule(words, ""); sh != "" {
				s.wrapperString(name, sh, f)
			}
		}
		if _, sh, ok := catalog.Default().Wrapped(name, words[1:]); ok && sh != "" {
			if name == "ansible" {
				sh = ansibleModule(words, sh) // lines.go
			}
			g := f
			if catalog.Default().RunsRemote(name, words[1:]) {
				g.remote = true // gcloud compute ssh --command CMD
			}
			s.wrapperString(name, sh, g)
		}
		if vimKeys.Get().mayHold(name) && vimNames.Get(name) {
			for _, w := range catalog.Default().Classify(name, words[1:]).Words {
				if w.Role == catalog.Shell {
					s.exCode(w.Text, s.viaFrame(f, name))
				}
			}
		}
		if name == "gnuplot" {
			s.gnuplotCommands(f, words)
		}
		s.embedded(f, name, words, dyn)
		s.commandOptions(f, name, words, dyn) // cmdoptions.go
		s.mavenExec(f, name, words)
		if lang := scriptLang(name); lang != "" {
			if _, _, ok := interpCode(words); !ok {
				if op := scriptOperand(words); op != "" {
					s.scriptFile(f, lang, op)
				}
			}
		}
		if lang, file := consoleScript(name, words); file != "" {
			s.scriptFile(f, lang, file) // stdincode.go: wp eval-file F, rails runner F
		}
		s.preloads(f, name, words) // preloads.go: node -r ./x.js
		if otherInterpreters.Get(unversioned(name)) && !shellLike.Get(name) {
			// tclsh s.tcl, julia s.jl: a language no scanner reads, its
			// script run all the same
			if _, _, ok := interpCode(words); !ok {
				if op := scriptOperand(words); op != "" && op != "-" {
					if text, ok := s.files[fileKey(op)]; ok && tclInterpreter(name) {
						s.tclCommands(text, s.viaFrame(f, name)) // tclsh s.tcl, written on the line
					}
					s.runsUnseen(len(s.out)-1, op)
				}
			}
		}
		if s.files != nil {
			if text, ok := s.files[s.key(words[0])]; ok {
				s.runText(text, s.fileTextLang(words[0], text), f)
			} // (install x ~/.local/bin/t; t: run above, as a program on PATH)
		}
		if s.files != nil || len(s.out) > 1 {
			// a build matters when the line runs what it builds
			s.compiledCode(f, name, words) // compiled.go: cc x.c -o x, go run x.go
		}
		if s.built != nil {
			s.runBuilt(f, words[0]) // compiled.go: ./x, built above
		}
		if !strings.HasPrefix(words[0], "<(") {
			// A process substitution read as a program (vimdiff <(…) a, a
			// guessed wrapper) is a pipe, and exec runs regular files only.
			s.runsOpaque(len(s.out)-1, words[0])
		}
		if strings.Contains(words[0], "/") && scriptName(words[0]) {
			s.runsWritten(len(s.out)-1, words[0]) // written.go: ./t.sh
			s.runsScratch(len(s.out)-1, words[0]) // scratch.go: /tmp/t.sh, as bash /tmp/t.sh
		}
		s.loadModules(name, words, f)
		if jar := jarOf(name, words); jar != "" {
			s.runsScratch(len(s.out)-1, jar) // java -jar ~/Downloads/tool.jar: scratch.go
		}
		if isPwsh(name) {
			if pwshEncodedUnreadable(words) {
				// -EncodedCommand whose text is no UTF-16 script
				// (base64 of other bytes, or cut short): code nobody reads
				s.out[len(s.out)-1].Unknown = append(s.out[len(s.out)-1].Unknown, name+" -EncodedCommand that does not decode to a script")
			}
			if file := pwshFile(words); file != "" {
				s.runFile(file, "pwsh", f)
			} else if code, ok, _ := pwshCode(words); ok {
				s.parseString(translatePwsh(code), s.viaFrame(f, name))
			}
		} else if isCmdExe(name) {
			if code, ok := cmdExeCode(words); ok {
				// cmdexe.go; a child shell (scopes.go), whose cd moves the
				// commands after it (cmd /c "cd /d DIR && rd /s /q x")
				s.isolated(func() { s.parseString(translateCmdExe(code), s.viaFrame(f, name)) })
			}
		} else if pwshCmdlet(name) || pwshCmdletShape(words[0]) {
			// a cmdlet run by name (an agent's PowerShell tool)
			s.parseString(translatePwshCommand(words), s.viaFrame(f, name))
		} else if driveFormat(words) {
			s.parseString(translateCmdCommand(words), s.viaFrame(f, name)) // cmdexe.go
		} else if line := windowsToolLine(name, words); line != "" {
			s.parseString(line, s.viaFrame(f, name)) // lolbas.go
		}
		if lang, code, ok := opaqueSourceCode(name, words); ok {
			// kotlin -e, groovy -e, swift -e, ghc -e: code the catalogue
			// leaves to the opaque reading, scanned with its language's
			// calls for what they run and delete (sourcelangs.go); what
			// else it does stays the opaque reading's
			s.scanCode(lang, code, f)
		}
		if code, ok := opaqueCode(name, words); ok {
			// elixir -e 'System.cmd("git", ["status"])', erl's os:cmd("ls"):
			// a plain process call's command is a command the line runs
			// (plaincalls.go)
			for _, line := range OpaqueCallLines(code) {
				s.parseString(line, f)
			}
		}
		if lang, code, ok := taskCode(words); ok {
			i := len(s.out) - 1
			if codeDynamic(lang, words, dyn) {
				s.markUnknown(i, "code for "+name+" holds an unresolved expansion")
			}
			facts := s.scanCode(lang, code, f)
			if facts.EnvironValues && printsValue(lang, words) {
				facts.EnvironShown = true // node -p 'JSON.stringify(process.env)'
			}
			if facts.Secrets && !facts.Network && printsValue(lang, words) && secretReadWhole(code, 0) {
				facts.SecretShown = true // node -p process.env.GITHUB_TOKEN
			}
			s.out[i].Code = s.out[i].Code.or(facts)
			if lang == "awk" {
				// awk -v c=env '…c | getline…', awk '{print | "nc …"}' FILE:
				// what the command line adds to the code's own pipes.
				sc := &scanner{lang: lang, code: code}
				vars, ops := awkWords(words, code)
				if len(ops) == 0 || slices.Contains(ops, "-") {
					// its standard input, when it is a file (awk … < F)
					ops = slices.DeleteFunc(ops, func(o string) bool { return o == "-" })
					for _, r := range s.out[i].Redirects {
						if r.Op == "<" {
							ops = append(ops, r.Target)
						}
					}
				}
				if len(vars) > 0 || len(ops) > 0 {
					base := sc.awkLinked(nil, nil)
					for _, l := range sc.awkLinked(vars, ops) {
						if !slices.Contains(base, l) {
							s.parseString(l, f)
						}
					}
				}
			}
		}
	}
}

// Runner reports a program the walk itself knows to run, emit or reach
// other commands through its words (sudo, xargs, parallel, find, ssh, make,
// tar's options, git's aliases): a command found behind one is the
// program's to run, not a word the walk guessed might be a program.
func Runner(name string) bool {
	switch name {
	case "sudo", "doas", "pkexec", "command", "builtin", "nohup", "setsid", "unbuffer",
		"exec", "nice", "time", "timeout", "stdbuf", "ionice", "chroot", "xargs", "busybox", "coreutils", "nix",
		"flock", "runuser", "env", "eval", "su", "ssh", "autossh", "mosh", "watch", "find", "fd", "fdfind", "osascript", "gnuplot",
		"trap", "tmux", "screen", "parallel", "rsync", "tar", "git", "scp", "sftp", "strace", "ltrace",
		"set", "shift", "salt", "salt-ssh", "salt-call", "alias", "hash", "source", ".", "make", "gmake", "crontab", "at", "batch", "sed", "gsed", "gdb", "lldb", "java":
		return true
	}
	return false
}

// plain reports whether a command named name is just itself: not a
// wrapper, not a shell or interpreter, nothing runs or emits more for it.
// The fast path reports such a command without further work; the list
// must name every program peel and runs act on (TestPlain checks it).
func plain(name string) bool {
	return !scriptRunnerNames.Get(name) && plainBut(name) // runners.go: go run s.go runs s.go
}

// plainWords is plain for a command's words: a script runner not given a
// script (go test ./..., dart pub get) is plain too.
func plainWords(name string, words []string) bool {
	if scriptRunnerNames.Get(name) {
		return plainBut(name) && runnerScript(name, words) == ""
	}
	if otherInterpreters.Get(unversioned(name)) {
		// groovy s.groovy, tclsh s.tcl: the script it runs is looked at
		return plainBut(name) && scriptOperand(words) == ""
	}
	if plainWordsMaven(name, words) || composerScripts(name, words) {
		return false // mvn exec:exec -Dexec.executable=…, composer config scripts.X: cmdoptions.go
	}
	return plainBut(name)
}

// plainBut is plain but for the script runners.
func plainBut(name string) bool {
	if Runner(name) || lolbasReaders.Get(name) != nil {
		return false // lolbas.go: certutil, bitsadmin… read by translation
	}
	if _, ok := codeFileOptions.Lookup(name); ok {
		return false // scratch.go: an option may name code in a temporary directory
	}
	cat := catalog.Default()
	return !isShell(name) && scriptLang(name) == "" && !isLoader(name) && cat.Known(name) && !cat.IsWrapper(name)
}

func (s *state) viaFrame(f frame, name string) frame {
	f.via = s.appendVia(f.via, name)
	return f
}

// appendVia returns via with name added, in a new array cut from the
// string arena (arena.go): via arrays live as long as the Result, whose
// commands keep them.
func (s *state) appendVia(via []string, name string) []string {
	return append(append(s.strs(len(via)+1), via...), name)
}

// progName is the base name of a program word.
func progName(p string) string {
	// One pass finds the last slash and an ASCII capital after it: the
	// walk asks about 14 times per command (321 times for a 20-command
	// line), so this is path.Base and a case test without their calls
	// and cleaning passes when nothing needs cleaning.
	start, upper := 0, false
	// C:\Windows\System32\cmd.exe, %SystemRoot%\System32\cmd.exe: a
	// Windows path, as cmd.exe and PowerShell are handed it, separates
	// its parts with backslashes.
	win := len(p) > 2 && (p[1] == ':' || p[0] == '\\' || p[0] == '%')
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '/' || win && c == '\\':
			start, upper = i+1, false
		case c >= 'A' && c <= 'Z':
			upper = true
		}
	}
	b := p[start:]
	if b == "" {
		if p == "" {
			return ""
		}
		// A trailing slash: path.Base's answer ("a/b/" is b, "/" is /).
		b = path.Base(p)
		upper = strings.IndexFunc(b, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0
	}
	if upper {
		// On a case-insensitive file system (macOS by default) "SUDO"
		// runs sudo: wrappers and shells are known by lower-case name.
		b = strings.ToLower(b)
	}
	return trimExe(b)
}

// trimExe is a program's name without Windows' executable suffix: from
// WSL or Git Bash, git.exe, curl.exe and sc.exe are the programs git,
// curl and sc (Windows runs NAME.exe for NAME), so the catalogue's words
// for NAME are theirs. Only .exe: a .cmd or .bat is a script of its own
// (install.bat is no install(1)), and format.com is not format.
func trimExe(b string) string {
	if n := len(b) - len(".exe"); n > 0 && b[n] == '.' && (b[n+1]|0x20) == 'e' && (b[n+2]|0x20) == 'x' && (b[n+3]|0x20) == 'e' {
		return b[:n]
	}
	return b
}

// dynName is the name of a program word holding an unresolved expansion:
// its last path element when that lies outside the expansion ("$DIR/rm"),
// else the whole word ("`rm -rf /`").
func dynName(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i < 0 || i == len(p)-1 || strings.ContainsAny(p[i+1:], ")`}") {
		return p
	}
	return p[i+1:]
}

// peelUnless is peel, skipped when the caller knows words[0] is no
// wrapper.
func peelUnless(plain bool, words []string, dyn []bool) ([]string, []bool, bool) {
	if plain {
		return nil, nil, false
	}
	return peel(words, dyn)
}

// innermost follows wrappers to the command that finally runs; chain
// names the wrappers on the way, appended to buf (a caller's scratch, so
// that the common short chain is no allocation). plain reports that peel
// found words[0] to be no wrapper at all.
func innermost(words []string, dyn []bool, buf []string) (inner []string, chain []string, plain bool) {
	inner, chain, plain, _ = innermostNamed(words, dyn, buf)
	return inner, chain, plain
}

// innermostNamed is innermost, with the program name of what finally
// runs, progName(inner[0]) ("" when inner is empty).
func innermostNamed(words []string, dyn []bool, buf []string) (inner []string, chain []string, plain bool, name string) {
	inner, chain, plain, name, _ = innermostKinds(words, dyn, buf)
	return inner, chain, plain, name
}

// innermostKinds is innermostNamed that also returns the kinds of name
// (namekinds.go) with kindKnown, when it worked them out (0 when not).
func innermostKinds(words []string, dyn []bool, buf []string) (inner []string, chain []string, plain bool, name string, kinds uint32) {
	chain = buf
	for i := 0; i < MaxDepth && len(words) > 0; i++ {
		if dyn != nil && dyn[0] {
			break
		}
		name = progName(words[0])
		kinds = nameKinds.Get(name) | kindKnown
		next, ndyn, ok := peelKinds(kinds, name, words, dyn)
		plain = i == 0 && !ok
		if !ok || len(next) == 0 {
			return words, chain, plain, name, kinds
		}
		chain = append(chain, name)
		words, dyn = next, ndyn
	}
	if len(words) == 0 {
		return words, chain, plain, "", 0
	}
	return words, chain, plain, progName(words[0]), 0
}

// flagSpec describes a command's options well enough to skip them.
type flagSpec struct {
	arg    string   // short options taking an argument, attached or next word
	optArg string   // short options whose argument can only be attached
	long   []string // long options taking the next word when written without '='
	stop   string   // short options meaning no command is run (list, edit, lookup)
	lstop  []string // long options meaning the same
}

// skip returns the index of the first operand at or after i.
func (fl *flagSpec) skip(words []string, i int) int {
	i, _ = fl.scan(words, i)
	return i
}

// scan is skip that also reports whether a stop option was seen.
func (fl *flagSpec) scan(words []string, i int) (int, bool) {
	stop := false
	for i < len(words) {
		w := words[i]
		if w == "--" {
			return i + 1, stop
		}
		if len(w) < 2 || w[0] != '-' {
			return i, stop
		}
		if w[1] == '-' {
			name := w[2:]
			if eq := strings.IndexByte(name, '='); eq >= 0 {
				name = name[:eq]
			} else if contains(fl.long, name) {
				i++
			}
			if contains(fl.lstop, name) {
				stop = true
			}
			i++
			continue
		}
		for j := 1; j < len(w); j++ {
			c := w[j]
			if strings.IndexByte(fl.stop, c) >= 0 {
				stop = true
			}
			if strings.IndexByte(fl.arg, c) >= 0 {
				if j == len(w)-1 {
					i++
				}
				break
			}
			if strings.IndexByte(fl.optArg, c) >= 0 {
				break
			}
		}
		i++
	}
	// An option that takes a value, last on the line, has none: the index
	// stays within the words.
	return min(i, len(words)), stop
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	sudoFlags = flagSpec{
		arg: "aCcDgpRrTtUu", optArg: "h", stop: "eKklVv",
		long: []string{"auth-type", "close-from", "login-class", "chdir", "group", "host", "prompt",
			"chroot", "role", "type", "command-timeout", "other-user", "user"},
		lstop: []string{"edit", "remove-timestamp", "reset-timestamp", "list", "validate", "version", "help"},
	}
	doasFlags     = flagSpec{arg: "uC", stop: "LC"}
	pkexecFlags   = flagSpec{long: []string{"user"}}
	commandFlags  = flagSpec{stop: "vV"}
	execFlags     = flagSpec{arg: "a"}
	niceFlags     = flagSpec{arg: "n", long: []string{"adjustment"}}
	timeFlags     = flagSpec{arg: "fo", long: []string{"format", "output"}}
	timeoutFlags  = flagSpec{arg: "ks", long: []string{"kill-after", "signal"}}
	stdbufFlags   = flagSpec{arg: "ioe", long: []string{"input", "output", "error"}}
	ioniceFlags   = flagSpec{arg: "cnpPu", stop: "pPu", long: []string{"class", "classdata", "pid", "pgid", "uid"}, lstop: []string{"pid", "pgid", "uid"}}
	chrootFlags   = flagSpec{long: []string{"userspec", "groups"}}
	plainFlags    = flagSpec{}
	xargsFlags    = flagSpec{arg: "adEILnPs", optArg: "eil", long: []string{"arg-file", "delimiter", "max-args", "max-procs", "max-chars", "process-slot-var"}}
	flockFlags    = flagSpec{arg: "wEc", long: []string{"timeout", "wait", "conflict-exit-code", "command"}}
	watchFlags    = flagSpec{arg: "nq", long: []string{"interval", "equexit", "differences"}}
	sshFlags      = flagSpec{arg: "BbcDEeFIiJLlmOoPpQRSWw"}
	autosshFlags  = flagSpec{arg: "BbcDEeFIiJLlMmOoPpQRSWw"} // autossh -M PORT, then ssh's
	runuserFlags  = flagSpec{arg: "ugGcsw", long: []string{"user", "group", "supp-group", "command", "session-command", "shell", "whitelist-environment"}}
	busyboxPrefix = "-"
)

// peel reports the command a wrapper runs: ok is true when words[0] is a
// wrapper, inner is empty when it runs nothing (sudo -l, command -v).
func peel(words []string, dyn []bool) (inner []string, idyn []bool, ok bool) {
	return peelNamed(progName(words[0]), words, dyn)
}

// peelNamed is peel for words whose program's name, progName(words[0]),
// is name.
func peelNamed(name string, words []string, dyn []bool) (inner []string, idyn []bool, ok bool) {
	return peelKinds(nameKinds.Get(name), name, words, dyn)
}

// peelKinds is peelNamed for a name whose kinds (namekinds.go) the caller
// has.
func peelKinds(kinds uint32, name string, words []string, dyn []bool) (inner []string, idyn []bool, ok bool) {
	cut := func(i int) ([]string, []bool, bool) {
		if i >= len(words) {
			return nil, nil, true
		}
		if dyn == nil {
			return words[i:], nil, true
		}
		return words[i:], dyn[i:], true
	}
	stopped := func(i int, stop bool) ([]string, []bool, bool) {
		if stop {
			return nil, nil, true
		}
		return cut(i)
	}
	switch name { // asked of every command, most no wrapper
	case "sudo":
		i, stop := sudoFlags.scan(words, 1)
		for i < len(words) && catalog.IsAssignment(words[i]) {
			i++
		}
		return stopped(i, stop)
	case "doas":
		return stopped(doasFlags.scan(words, 1))
	case "pkexec":
		return cut(pkexecFlags.skip(words, 1))
	case "command":
		return stopped(commandFlags.scan(words, 1))
	case "builtin", "nohup", "setsid", "unbuffer":
		return cut(plainFlags.skip(words, 1))
	case "exec":
		return cut(execFlags.skip(words, 1))
	case "nice":
		return cut(niceFlags.skip(words, 1))
	case "time":
		return cut(timeFlags.skip(words, 1))
	case "timeout":
		return cut(timeoutFlags.skip(words, 1) + 1)
	case "stdbuf":
		return cut(stdbufFlags.skip(words, 1))
	case "ionice":
		return stopped(ioniceFlags.scan(words, 1))
	case "chroot":
		return cut(chrootFlags.skip(words, 1) + 1)
	case "xargs":
		return cut(xargsFlags.skip(words, 1))
	case "busybox":
		if len(words) > 1 && strings.HasPrefix(words[1], busyboxPrefix) {
			return nil, nil, true
		}
		return cut(1)
	case "coreutils":
		// GNU coreutils built as one program: coreutils --coreutils-prog=rm
		// ARGS, or coreutils rm ARGS, runs that utility.
		if len(words) > 1 {
			if prog, ok := strings.CutPrefix(words[1], "--coreutils-prog="); ok && prog != "" {
				inner = append([]string{prog}, words[2:]...)
				if dyn != nil {
					idyn = append([]bool{dyn[1]}, dyn[2:]...)
				}
				return inner, idyn, true
			}
			if !strings.HasPrefix(words[1], "-") {
				return cut(1)
			}
		}
		return nil, nil, true
	case "nix":
		if at, args, ok := nixRun(words); ok {
			inner = append([]string{nixProgram(words[at])}, words[args:]...)
			if dyn != nil {
				idyn = append([]bool{dyn[at]}, dyn[args:]...)
			}
			return inner, idyn, true
		}
	case "flock":
		if _, ok := flockScript(words); ok {
			return nil, nil, false // runs the -c string
		}
		i := flockFlags.skip(words, 1) + 1 // the lock file
		return cut(flockFlags.skip(words, i))
	case "runuser":
		if _, ok := suScript(words); ok {
			return nil, nil, false
		}
		return cut(runuserFlags.skip(words, 1))
	case "env":
		return peelEnv(words, dyn)
	case "strace", "ltrace":
		return cut(traceFlags.skip(words, 1))
	case "java":
		return peelJar(words, dyn)
	}
	if kinds&kindWrapsByName == 0 {
		return nil, nil, false // none of the readings below (wrapsByName)
	}
	if isLoader(name) { // see loader.go
		return peelLoader(words, dyn)
	}
	if containerRunner(name) {
		if inner, idyn, ok := imageCommand(name, words, dyn); ok {
			return inner, idyn, true // runselsewhere.go: docker run amazon/aws-cli s3 ls
		}
	}
	// Every other wrapper is known from the program catalogue: the word
	// where its command starts (taskset MASK CMD, kubectl exec POD -- CMD).
	if start, sh, ok := catalog.Default().Wrapped(name, words[1:]); ok && sh == "" {
		return cut(start + 1)
	}
	return nil, nil, false
}

// wrapsByName reports the names peelKinds looks further at past its own
// cases: a loader, a container runner, a wrapper the catalogue knows.
// Every other name it answers at once.
func wrapsByName(name string) bool {
	return isLoader(name) || containerRunner(name) || catalog.Default().IsWrapper(name)
}

// nixRun finds what nix run INSTALLABLE [-- ARGS] runs: the package's
// own program (nixProgram) with the words after "--". at is the index of
// the installable, args that of its arguments. ok is false for another
// verb or an installable that names no attribute (".", a flake path),
// left to the catalogue.
func nixRun(words []string) (at, args int, ok bool) {
	if len(words) < 3 || words[1] != "run" {
		return 0, 0, false
	}
	i := 2
	for i < len(words) && strings.HasPrefix(words[i], "-") && words[i] != "--" {
		i++ // nix's options before the installable
	}
	if i >= len(words) || nixProgram(words[i]) == "" {
		return 0, 0, false
	}
	for j := i + 1; j < len(words); j++ {
		if words[j] == "--" {
			return i, j + 1, true
		}
	}
	return i, len(words), true
}

// nixProgram is the program an installable names by its last attribute
// (nixpkgs#coreutils runs coreutils, nixpkgs#python3Packages.black runs
// black), or "" when it names none.
func nixProgram(installable string) string {
	_, attr, found := strings.Cut(installable, "#")
	if k := strings.LastIndexByte(attr, '.'); k >= 0 {
		attr = attr[k+1:]
	}
	if !found || attr == "" || strings.ContainsAny(attr, "$`/\\\"'") {
		return ""
	}
	return attr
}

// globbedPrograms are tried, besides the catalogue's, for a program word
// with glob characters: shells and interpreters.
var globbedPrograms = []string{"sh", "bash", "dash", "zsh", "ksh", "busybox", "python", "python3", "perl", "ruby", "node", "php"}

// embedsOnly are the programs whose only extra is embeddedScripts: with
// none of those options they are plain commands.
func embedsOnly(name string) bool {
	switch name {
	case "git", "tar", "rsync", "tmux", "screen", "parallel", "scp", "sftp":
		return true
	}
	return false
}

// traceFlags are strace's and ltrace's options that take an argument.
var traceFlags = flagSpec{arg: "abeEIoOpPsSuUXAnlLwx", long: []string{"output", "trace", "signal", "attach", "string-limit", "user", "env"}}

// XargsArgFile is the file xargs reads its input from (-a FILE,
// --arg-file), given xargs' words after its name; "" when it reads stdin.
func XargsArgFile(args []string) string {
	for i, w := range args {
		switch {
		case (w == "-a" || w == "--arg-file") && i+1 < len(args):
			return args[i+1]
		case strings.HasPrefix(w, "--arg-file="):
			return w[len("--arg-file="):]
		case strings.HasPrefix(w, "-a") && len(w) > 2:
			return w[2:]
		case !strings.HasPrefix(w, "-"):
			return ""
		}
	}
	return ""
}

// procSubstWord reports a word that is a process substitution <(…).
func procSubstWord(w string) bool { return strings.HasPrefix(w, "<(") && strings.HasSuffix(w, ")") }

// pythonLaunchers are the programs that hand their first operand to Python
// as the script each worker runs (accelerate launch, torchrun, deepspeed):
// Python reads a script from a pipe's path, so <(X) there runs X's output,
// as X | python does. (exec of the path itself, by a wrapper that runs its
// operand as a program, runs nothing: a pipe is no regular file.)
var pythonLaunchers = table.Map[string, bool]{Words: `accelerate torchrun deepspeed`}

// launchesSubst reports a command whose program, reached through the
// wrappers of chain, is a process substitution a Python launcher runs.
func launchesSubst(chain, inner []string) bool {
	if len(inner) == 0 || !procSubstWord(inner[0]) {
		return false
	}
	for _, w := range chain {
		if pythonLaunchers.Get(w) {
			return true
		}
	}
	return false
}

// stdinPath reports whether a path names the process's own standard
// input: /dev/stdin, descriptor 0 under /dev/fd or /proc, or "-".
func stdinPath(p string) bool {
	switch p {
	case "-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/proc/thread-self/fd/0", "/proc/$$/fd/0", "/proc/${$}/fd/0":
		return true
	}
	return false
}

// fromDescriptor reports whether a script operand comes in on a
// descriptor the line feeds: standard input, or a process substitution.
func fromDescriptor(p string) bool {
	return stdinPath(p) || strings.HasPrefix(p, "<(")
}

// argFile is XargsArgFile of an xargs command's words, its name first;
// "" when that file is xargs' own standard input (-a /dev/stdin), which
// the walk follows as when no file is named.
func argFile(words []string) string {
	if len(words) == 0 {
		return ""
	}
	switch f := XargsArgFile(words[1:]); f {
	case "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0":
		return ""
	default:
		return f
	}
}

// clusterValue finds the short option short ("-o") ending a cluster of
// flags ("-qo", "-avze"), given vals, the letters that take a value: the
// value is the rest of the word, or "" when it is the next word. A letter
// of vals before it takes the rest of the word as its own value.
func clusterValue(w, short, vals string) (string, bool) {
	if vals == "" || len(short) != 2 || len(w) < 3 || w[0] != '-' || w[1] == '-' {
		return "", false
	}
	for j := 1; j < len(w); j++ {
		switch {
		case w[j] == short[1]:
			return w[j+1:], j > 1
		case strings.IndexByte(vals, w[j]) >= 0:
			return "", false
		}
	}
	return "", false
}

// embeddedScripts returns the shell commands a program runs from its own
// options or operands: tmux and screen sessions, parallel's command and
// arguments, ssh's ProxyCommand and LocalCommand, rsync's remote shell,
// tar's compression and --to-command programs, and the commands git's own
// options run.
func embeddedScripts(name string, words []string) []string {
	var out []string
	// clusterVals names the short options of the program that take a
	// value, so that one ending a cluster of flags is found: ssh
	// -qoProxyCommand=…, rsync -avze CMD.
	clusterVals := map[string]string{"ssh": "BbcDEeFIiJLlmOopQRSWw", "scp": "cDFiJlOoPSX", "sftp": "BbcDFiJloPRSsX", "rsync": "eBfTM"}[name]
	optValue := func(i int, w, short string, long ...string) (string, bool) {
		for _, l := range long {
			if v, ok := strings.CutPrefix(w, l+"="); ok {
				return v, true
			}
			if w == l && i+1 < len(words) {
				return words[i+1], true
			}
		}
		if short != "" {
			if w == short && i+1 < len(words) {
				return words[i+1], true
			}
			if v, ok := strings.CutPrefix(w, short); ok && v != "" {
				return v, true
			}
			if v, ok := clusterValue(w, short, clusterVals); ok {
				if v == "" && i+1 < len(words) {
					return words[i+1], true
				}
				return v, v != ""
			}
		}
		return "", false
	}
	switch name {
	case "tmux":
		// new-session, new-window, split-window, respawn-*: the last word
		// is a shell command. send-keys types its keys into a pane, whose
		// shell runs them.
		for i, w := range words[1:] {
			if w == "send-keys" || w == "send" {
				out = append(out, typedKeys(words[i+2:], "tNcxX"))
				return out
			}
			switch w {
			case "new-session", "new", "new-window", "neww", "split-window", "splitw", "respawn-pane", "respawnp", "respawn-window", "respawnw", "run-shell", "run",
				"display-popup", "popup", "pipe-pane", "pipep":
				// display-popup -E CMD runs CMD in a popup; pipe-pane CMD
				// hands the pane's output to CMD
				if last := words[len(words)-1]; last != w && !strings.HasPrefix(last, "-") {
					out = append(out, last)
				}
				return out
			case "set-hook", "if-shell", "if":
				// set-hook -g EVENT 'run-shell "CMD"': the hook is a tmux
				// command run on the event, whose run-shell runs CMD;
				// if-shell [-bF] [-t T] 'CMD' THEN [ELSE]: CMD is run to
				// decide, THEN and ELSE are tmux commands
				rest := words[i+2:]
				first := true
				for k := 0; k < len(rest); k++ {
					a := rest[k]
					if strings.HasPrefix(a, "-") {
						if a == "-t" {
							k++
						}
						continue
					}
					if first && w != "set-hook" {
						out = append(out, a)
					} else if c, ok := tmuxShellCommand(a); ok {
						out = append(out, c)
					}
					first = false
				}
				return out
			}
		}
	case "screen":
		for i, w := range words {
			// screen -X stuff STR: STR typed into the session's shell.
			if w == "stuff" && i > 0 && words[i-1] == "-X" && i+1 < len(words) {
				out = append(out, typedKeys(words[i+1:], ""))
				return out
			}
			// screen -X eval 'stuff "STR"' …: each word a screen command,
			// a stuff among them typed as -X stuff types
			if w == "eval" && i > 0 && words[i-1] == "-X" {
				for _, c := range words[i+1:] {
					if verb, rest, ok := strings.Cut(strings.TrimSpace(c), " "); ok && verb == "stuff" {
						out = append(out, typedKeys([]string{trimQuotes(strings.TrimSpace(rest))}, ""))
					}
				}
				return out
			}
		}
		i := screenFlags.skip(words, 1)
		if i < len(words) {
			out = append(out, quoteWords(words[i:])) // the words as they were: sh -c 'rm -rf ~'
		}
	case "parallel":
		i, sep := parallelSplit(words)
		if i < sep {
			n := parallelMaxArgs(words[1:i])
			for _, t := range parallelTemplates(words[i:sep]) {
				out = append(out, parallelCommandsN(t, words[sep:min(len(words), sep+MaxCommands)], n)...)
			}
		} else if sep < len(words) {
			out = append(out, parallelCommandLines(words[sep:min(len(words), sep+MaxCommands)])...) // no command: the arguments are commands
		}
	case "ssh", "scp", "sftp":
		for i, w := range words {
			if v, ok := optValue(i, w, "-S"); ok && name != "ssh" {
				out = append(out, v) // scp -S PROGRAM: the program run in ssh's place
			}
			v, ok := optValue(i, w, "-o")
			if !ok {
				continue
			}
			key, val, _ := strings.Cut(v, "=")
			if !strings.Contains(v, "=") {
				key, val, _ = strings.Cut(v, " ")
			}
			if sshCommandKey(key) {
				out = append(out, val)
			}
		}
	case "salt", "salt-ssh", "salt-call":
		// salt TARGET cmd.run CMD: CMD runs on every minion the target
		// names (cmd.shell, cmd.run_all and the like too).
		for i, w := range words {
			if strings.HasPrefix(w, "cmd.") && w != "cmd.script" && i+1 < len(words) {
				out = append(out, words[i+1])
				break
			}
		}
		if sh := saltFunction(words); sh != "" {
			out = append(out, sh) // pkg.install, service.restart, cmd.script URL… (salt.go)
		}
	case "rsync":
		for i, w := range words {
			if v, ok := optValue(i, w, "-e", "--rsh", "--rsync-path"); ok {
				out = append(out, v) // --rsync-path: a command line the remote shell runs (rsyncPaths)
			}
		}
	case "tar":
		for i, w := range words {
			// -I (or -F, --info-script) inside a cluster of short options:
			// "-cI CMD", "-cICMD", "-cMF CMD".
			if len(w) > 2 && w[0] == '-' && w[1] != '-' {
				if j := strings.IndexAny(w, "IF"); j > 1 && !strings.ContainsRune(w[:j], 'f') {
					if j+1 < len(w) {
						out = append(out, w[j+1:])
					} else if i+1 < len(words) {
						out = append(out, words[i+1])
					}
					continue
				}
			}
			if v, ok := optValue(i, w, "-I", "--use-compress-program", "--to-command", "--info-script", "--new-volume-script"); ok {
				out = append(out, v)
			} else if v, ok := optValue(i, w, "-F"); ok && !strings.HasPrefix(w, "--") {
				// -F (--info-script): run at the end of each volume.
				out = append(out, v)
			}
			if v, ok := optValue(i, w, "", "--checkpoint-action"); ok {
				if v, ok := strings.CutPrefix(v, "exec="); ok {
					out = append(out, v) // --checkpoint-action[=]exec=CMD
				}
			}
		}
	case "git":
		// The commands git's settings run (git -c core.pager=CMD, git
		// config alias.x '!CMD') are walked with every other channel's
		// settings (settings.go).
		out = append(out, gitSubScripts(words)...)
	}
	return out
}

// gitAliases records the git aliases a command defines (git -c
// alias.X=VALUE, git config alias.X VALUE) and runs one it calls as
// what it stands for: "git pf origin" after alias.pf='push --force' is
// also "git push --force origin". Shell aliases ("!CMD") are judged where
// they are defined (gitConfigCommand).
func (s *state) gitAliases(f frame, words []string) {
	define := func(key, val string) {
		name, ok := strings.CutPrefix(strings.ToLower(key), "alias.")
		if !ok || name == "" || strings.HasPrefix(val, "!") || gitBuiltin(name) {
			return // git never lets an alias hide one of its own commands
		}
		if s.aliases == nil {
			s.aliases = map[string]string{}
		}
		s.aliases[gitAliasKey+name] = val
	}
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "-c" {
			k, v, _ := strings.Cut(words[i+1], "=")
			define(k, v)
		}
	}
	if key, val, ok := gitConfigSet(words); ok {
		define(key, val)
		return
	}
	sub := gitSubcommand(words)
	if sub == 0 {
		return
	}
	if val, ok := s.aliases[gitAliasKey+words[sub]]; ok && f.depth < MaxDepth {
		delete(s.aliases, gitAliasKey+words[sub]) // an alias does not expand itself
		s.parseString("git "+val+" "+quoteWords(words[sub+1:]), s.viaFrame(f, "git"))
		s.aliases[gitAliasKey+words[sub]] = val
	}
}

// gitSubcommand is the index of git's subcommand among words, after the
// options of git itself (-c K=V, -C DIR, --git-dir DIR ...); 0 when none.
func gitSubcommand(words []string) int {
	for i := 1; i < len(words); i++ {
		switch w := words[i]; {
		case w == "-c" || w == "-C" || w == "--git-dir" || w == "--work-tree" || w == "--namespace":
			i++
		case !strings.HasPrefix(w, "-"):
			return i
		}
	}
	return 0
}

// gitConfigSet returns the setting a "git config [OPTIONS] KEY VALUE"
// command makes.
func gitConfigSet(words []string) (key, val string, ok bool) {
	sub := gitSubcommand(words)
	if sub == 0 || words[sub] != "config" {
		return "", "", false
	}
	return catalog.GitConfigSet(words[sub+1:])
}

// gitBuiltin reports whether git has a command of that name, which an
// alias of the same name cannot replace: one the catalogue describes, or
// one of git's own others.
func gitBuiltin(name string) bool {
	if e, used := catalog.Default().Lookup("git", []string{name}); e != nil && used > 0 {
		return true
	}
	switch name {
	case "add", "am", "archive", "bisect", "blame", "branch", "bundle", "checkout", "cherry-pick", "clean", "clone",
		"commit", "config", "describe", "diff", "fetch", "format-patch", "gc", "grep", "init", "log", "merge", "mv",
		"notes", "pull", "push", "range-diff", "rebase", "reflog", "remote", "reset", "restore", "revert", "rm",
		"shortlog", "show", "sparse-checkout", "stash", "status", "submodule", "switch", "tag", "worktree",
		"fsck", "prune", "repack", "replace", "filter-branch", "update-ref", "cat-file", "ls-files", "ls-tree",
		"rev-parse", "rev-list", "show-ref", "symbolic-ref", "apply", "help", "version":
		return true
	}
	return false
}

// gitAliasKey prefixes git aliases among the line's aliases: no shell
// word holds a NUL, so none can name one.
const gitAliasKey = "\x00git "

// gitSubOptions are, per git subcommand, the options whose value git runs
// as a shell command (attached: "-Ocmd", "--open-files-in-pager=cmd"; the
// long ones also as the next word).
var gitSubOptions = table.Map[string, []string]{Build: func() map[string][]string {
	return map[string][]string{
		"grep":          {"-O", "--open-files-in-pager"},
		"difftool":      {"-x", "--extcmd"},
		"rebase":        {"-x", "--exec"},
		"filter-branch": {"--tree-filter", "--index-filter", "--msg-filter", "--commit-filter", "--env-filter", "--parent-filter", "--tag-name-filter"},
	}
}}

// gitSubScripts returns the commands a git subcommand runs from its own
// words: grep -O, difftool -x, rebase --exec, filter-branch filters,
// submodule foreach CMD, bisect run CMD.
func gitSubScripts(words []string) []string {
	var out []string
	sub, at := "", 0
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "-c" || w == "-C" || w == "--git-dir" || w == "--work-tree" || w == "--namespace" || w == "--exec-path" || w == "--config-env":
			i++
		case !strings.HasPrefix(w, "-"):
			sub, at = w, i
		}
		if sub != "" {
			break
		}
	}
	if sub == "" {
		return nil
	}
	rest := words[at+1:]
	switch sub {
	case "submodule", "bisect":
		for j, w := range rest {
			if w == "foreach" && sub == "submodule" || w == "run" && sub == "bisect" {
				k := j + 1
				for k < len(rest) && strings.HasPrefix(rest[k], "--") {
					k++ // --recursive
				}
				if k < len(rest) {
					out = append(out, strings.Join(rest[k:], " "))
				}
				break
			}
		}
		return out
	}
	for j, w := range rest {
		for _, o := range gitSubOptions.Get(sub) {
			if v, ok := strings.CutPrefix(w, o+"="); ok && strings.HasPrefix(o, "--") {
				out = append(out, v)
			} else if w == o && strings.HasPrefix(o, "--") && j+1 < len(rest) || w == o && sub != "grep" && j+1 < len(rest) {
				out = append(out, rest[j+1])
			} else if !strings.HasPrefix(o, "--") && strings.HasPrefix(w, o) && len(w) > len(o) {
				out = append(out, w[len(o):])
			}
		}
	}
	return out
}

var (
	screenFlags   = flagSpec{arg: "cehpSsTtXx", long: []string{}}
	parallelFlags = flagSpec{arg: "jSIaEdnNLlPs", long: []string{"jobs", "sshlogin", "arg-file", "delimiter", "max-args", "timeout", "joblog", "results",
		"halt", "halt-on-error", "retries", "delay", "load", "memfree", "nice", "tmpdir", "workdir", "wd", "colsep", "tag-string", "tagstring",
		"max-replace-args", "max-lines", "max-procs", "basefile", "return", "transfer-file", "sshloginfile", "env", "shebang", "termseq", "limit"}}
)

// peelEnv skips env's options and NAME=VALUE words; "env -S STR" splits STR
// into words and goes on with them.
func peelEnv(words []string, dyn []bool) ([]string, []bool, bool) {
	for round := 0; round < MaxDepth; round++ {
		i := 1
		split, haveSplit := "", false
	scan:
		for i < len(words) {
			w := words[i]
			switch {
			case w == "--":
				i++
				break scan
			case w == "-":
				i++
			case strings.HasPrefix(w, "--"):
				name, val, eq := strings.Cut(w[2:], "=")
				switch name {
				case "split-string":
					if !eq && i+1 < len(words) {
						i++
						val = words[i]
					}
					split, haveSplit = val, true
					i++
					break scan
				case "unset", "chdir", "argv0":
					if !eq {
						i++
					}
				}
				i++
			case len(w) > 1 && w[0] == '-':
				for j := 1; j < len(w); j++ {
					c := w[j]
					if c == 'S' {
						split, haveSplit = w[j+1:], true
						if split == "" && i+1 < len(words) {
							i++
							split = words[i]
						}
						i++
						break scan
					}
					if c == 'u' || c == 'C' || c == 'P' || c == 'a' {
						if j == len(w)-1 {
							i++
						}
						break
					}
				}
				i++
			case catalog.IsAssignment(w):
				i++
			default:
				break scan
			}
		}
		if !haveSplit {
			if i >= len(words) {
				return nil, nil, true
			}
			if dyn == nil {
				return words[i:], nil, true
			}
			return words[i:], dyn[i:], true
		}
		parts := splitEnvString(split)
		next := make([]string, 0, 1+len(parts)+len(words)-i)
		next = append(append(append(next, "env"), parts...), words[i:]...)
		var nd []bool
		if dyn != nil {
			nd = make([]bool, len(next))
			copy(nd[len(next)-(len(words)-i):], dyn[i:])
			if d := dyn[i-1]; d {
				for k := 1; k <= len(parts); k++ {
					nd[k] = true
				}
			}
		}
		words, dyn = next, nd
	}
	return nil, nil, true
}

// splitEnvString splits the argument of env -S as env does: on blanks,
// honouring single and double quotes and backslash escapes.
func splitEnvString(s string) []string {
	var out []string
	var b strings.Builder
	have := false
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '\\' && i+1 < len(s):
			i++
			switch s[i] {
			case '_':
				b.WriteByte(' ')
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'c':
				i = len(s)
			default:
				b.WriteByte(s[i])
			}
			have = true
		case quote == '"':
			if c == '"' {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '\'' || c == '"':
			quote, have = c, true
		case c == ' ' || c == '\t' || c == '\n':
			if have || b.Len() > 0 {
				out = append(out, b.String())
				b.Reset()
				have = false
			}
		default:
			b.WriteByte(c)
		}
	}
	if have || b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// shellNoExec reports whether a shell's options tell it to read its
// commands without running them (bash -n FILE, sh -o noexec, zsh -n):
// a syntax check. An interactive shell (-i) ignores it.
func shellNoExec(words []string) bool {
	i, _, _ := shellFlags(words)
	n := false
	for k := 1; k < i && k < len(words); k++ {
		w := words[k]
		switch {
		case (w == "-o" || w == "+o") && k+1 < i && words[k+1] == "noexec":
			n = w == "-o" // +o noexec takes it back
		case w == "--noexec", w == "--no-execute":
			n = true
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			if strings.IndexByte(w, 'i') > 0 {
				return false
			}
			n = n || strings.IndexByte(w, 'n') > 0
		case len(w) > 1 && w[0] == '+' && strings.IndexByte(w, 'n') > 0:
			n = false // bash -n +n: the later flag turns running back on
		}
	}
	return n
}

// isShell reports whether name is a shell that takes -c.
func isShell(name string) bool {
	switch name {
	case "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish", "yash", "posh", "rbash", "pdksh", "oksh", "loksh", "csh", "tcsh",
		"osh", "ysh": // Oils' shells, the one bash's own language
		return true
	}
	return false
}

// shellLike are the otherInterpreters whose text is shell commands as far
// as the walk can read it (the catalogue's -c,--commands:shell).
var shellLike = table.Map[string, bool]{Words: "elvish xonsh nu nushell rc es sash oil"}

// otherInterpreters run code they are given (a script, -c or -e code, or
// their input) in a language no scanner here reads: Tcl, the elvish,
// xonsh and nushell shells, IPython, the Lisps and Schemes, Julia, Prolog,
// OCaml, and the JVM's script runners (Groovy, jrunscript, jshell).
var otherInterpreters = table.Map[string, bool]{Words: "tclsh wish expect elvish xonsh nu guile racket sbcl clisp ecl " +
	"chezscheme scheme csi gsi swipl gforth ocaml groovy jrunscript jjs jshell kotlin kscript scala amm swift dart elixir raku crystal"}

// RunsCode reports whether name is a shell or an interpreter: a program
// whose arguments may be code it runs.
func RunsCode(name string) bool { return isInterpreter(name) }

// shellScript gives the string of "bash [flags] -c STR".
func shellScript(words []string) (string, bool) {
	i, hasC, _ := shellFlags(words)
	if hasC && i < len(words) {
		return words[i], true
	}
	return "", false
}

// shellFlags skips a shell's options; i is its first operand.
func shellFlags(words []string) (i int, hasC, stdin bool) {
	for i = 1; i < len(words); i++ {
		w := words[i]
		if w == "--" || w == "-" {
			return i + 1, hasC, stdin
		}
		if len(w) < 2 || w[0] != '-' && w[0] != '+' {
			break
		}
		if strings.HasPrefix(w, "--") {
			if w == "--rcfile" || w == "--init-file" {
				i++
			}
			hasC = hasC || w == "--command" // fish --command TEXT
			continue
		}
		arg := false
		for j := 1; j < len(w); j++ {
			switch w[j] {
			case 'c':
				hasC = true
			case 's':
				stdin = true
			case 'o', 'O':
				arg = true
			}
		}
		if arg {
			i++
		}
	}
	return i, hasC, stdin
}

// makeOptions judges what make's command line runs besides its makefiles:
// rules given with --eval (-E), and a SHELL or .SHELLFLAGS variable set
// there, which every recipe then runs through.
func (s *state) makeOptions(words []string, f frame) {
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case (w == "--eval" || w == "-E") && i+1 < len(words):
			i++
			s.runText(words[i], "make", f)
		case strings.HasPrefix(w, "--eval="):
			s.runText(w[len("--eval="):], "make", f)
		case strings.HasPrefix(w, "SHELL=") || strings.HasPrefix(w, ".SHELLFLAGS=") || strings.HasPrefix(w, "MAKESHELL="):
			_, v, _ := strings.Cut(w, "=")
			s.parseString(v, f)
		}
	}
}

// readsStdin reports whether the command reads the script it runs from
// stdin, and in which language ("sh" for shells).
func readsStdin(words []string) (string, bool) {
	return readsStdinNamed(progName(words[0]), words)
}

// readsStdinNamed is readsStdin for words whose program's name,
// progName(words[0]), is name.
func readsStdinNamed(name string, words []string) (string, bool) {
	return readsStdinKinds(nameKinds.Get(name), name, words)
}

// readsStdinKinds is readsStdinNamed for a name whose kinds the caller has.
func readsStdinKinds(kinds uint32, name string, words []string) (string, bool) {
	if words[0] != "-" && stdinPath(words[0]) {
		// /dev/stdin < <(curl …), torchrun /dev/fd/0 < s.py: the program
		// run is the file that comes in on standard input, in whatever
		// language its first line names.
		return "sh", true
	}
	if kinds&kindStdinReader == 0 {
		return "", false // none of the programs readsStdinOf reads (namekinds.go)
	}
	return readsStdinOf(name, words)
}

// scriptFile judges a script file an interpreter or a console runs in
// lang: written on the line, by its text as -c code is (python3 /tmp/s.py),
// what it does kept on the command and the variables it reads its inputs;
// otherwise as a file run (fetched, or written unseen).
func (s *state) scriptFile(f frame, lang, op string) {
	if text, ok := s.files[s.key(op)]; ok && codeMarkers.Get()[lang].network != nil {
		i := len(s.out) - 1
		s.ranFile(i, op)
		s.out[i].Code = s.out[i].Code.or(s.scanCode(lang, text, f))
		if env := s.envInputsOf(lang, text); len(env) > 0 {
			s.out[i].Inputs = append(s.out[i].Inputs[:len(s.out[i].Inputs):len(s.out[i].Inputs)], s.inputIndices(env)...)
		}
		return
	}
	s.runFile(op, lang, f)
}

// readsStdinOf is readsStdin for a program named name.
func readsStdinOf(name string, words []string) (string, bool) {
	if isShell(name) {
		i, hasC, stdin := shellFlags(words)
		if shellNoExec(words) {
			return "", false // echo … | bash -n: a syntax check
		}
		if !hasC && i < len(words) && fromDescriptor(words[i]) && words[i] != "-" {
			stdin = true // bash <(…), bash /dev/stdin: the script comes in on a descriptor
		}
		if hasC && i < len(words) {
			// sh -c bash, sh -c 'sudo bash -s': the string's one command
			// inherits the input and reads it as its script.
			if lang, ok := loneReadsStdin(words[i]); ok {
				return lang, true
			}
		}
		return "sh", !hasC && (stdin || i >= len(words))
	}
	if lang := scriptLang(name); lang != "" {
		if lang, ok := consoleReadsStdin(name, words); ok {
			return lang, true // python manage.py shell < s.py (stdincode.go)
		}
		words = runVerbDropped(name, words)
		_, hasCode, stdin := codeArgs(lang, words)
		if op := scriptOperand(words); !hasCode && fromDescriptor(op) {
			stdin = true
		}
		return lang, !hasCode && stdin
	}
	if isCmdExe(name) {
		// cmd.exe with no /c or /k line runs the commands on its input,
		// read as its /c line is (cmdexe.go)
		_, hasCode := cmdExeCode(words)
		return "cmd", !hasCode
	}
	if isPwsh(name) {
		_, hasCode, stdin := pwshCode(words)
		if file := pwshFile(words); file != "" && (fromDescriptor(file) || stdinPath(file)) {
			stdin = true // pwsh -File /dev/stdin: the script comes in on its input
		}
		return "pwsh", !hasCode && stdin
	}
	if sshNames.Get(name) {
		return remoteReadsStdin(words)
	}
	if lang, ok := consoleReadsStdin(name, words); ok {
		return lang, true // echo CODE | wp shell, iex -S mix < s.exs (stdincode.go)
	}
	if otherInterpreters.Get(unversioned(name)) || shellLike.Get(name) {
		// tclsh, xonsh, ipython with no script, or "-": the code is
		// their input, in a language read by nobody here
		op := ""
		for _, w := range words[1:] {
			if w == "-" || !strings.HasPrefix(w, "-") {
				op = w
				break
			}
		}
		if shellLike.Get(name) {
			// elvish, xonsh, nushell, rc: their -c text is read as shell
			// text (the catalogue), and so is their input
			return "sh", op == "" || stdinPath(op)
		}
		return name, op == "" || stdinPath(op)
	}
	if lang, ok := starterReadsStdin(name, words); ok {
		return lang, true // shellstarters.go
	}
	if sh, ok := shellStringOf(name, words); ok {
		// vagrant ssh -c bash, gcloud compute ssh VM --command 'sudo sh':
		// a wrapper's shell string that is one command reading its input.
		if lang, ok := loneReadsStdin(sh); ok {
			return lang, true
		}
	}
	switch name {
	case "parallel":
		// parallel with no command and no ::: arguments runs each line of
		// its input as a command, as sh does.
		for _, w := range words[1:] {
			if strings.HasPrefix(w, ":::") {
				return "", false
			}
		}
		return "sh", parallelFlags.skip(words, 1) >= len(words)
	case "source", ".":
		// source <(…), source /dev/stdin: the text comes in on a descriptor.
		return "sh", len(words) > 1 && (fromDescriptor(words[1]) || strings.HasPrefix(words[1], "/dev/fd/"))
	case "cmake":
		// cmake -P - (or /dev/stdin, or <(…)): the script on a descriptor.
		for i := 1; i+1 < len(words); i++ {
			if words[i] == "-P" && (fromDescriptor(words[i+1]) || stdinPath(words[i+1])) {
				return "cmake", true
			}
		}
		return "", false
	case "make", "gmake", "bmake":
		// make -f - (or /dev/stdin, or <(…)): the makefile comes in on a
		// descriptor.
		for i := 1; i+1 < len(words); i++ {
			if (words[i] == "-f" || words[i] == "--file" || words[i] == "--makefile") && fromDescriptor(words[i+1]) {
				return "make", true
			}
		}
		return "", false
	case "newgrp":
		// newgrp starts a shell in the group: it reads the commands on
		// stdin.
		return "sh", true
	case "script":
		// script with no -c starts the user's shell on a terminal and
		// types its own input into it (script -q /dev/null); its operand
		// is the log file.
		// With -c CMD, CMD is what its input is typed into: a shell
		// reading commands (script -qc bash /dev/null) reads it.
		for i, w := range words[1:] {
			cmd, short := "", len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w, 'c') > 0
			switch {
			case strings.HasPrefix(w, "--command="):
				cmd = w[len("--command="):]
			case w == "--command" || short && strings.HasSuffix(w, "c"):
				if i+2 < len(words) {
					cmd = words[i+2]
				}
			case short:
				cmd = w[strings.IndexByte(w, 'c')+1:] // -qcbash
			default:
				continue
			}
			f := strings.Fields(cmd)
			return "sh", len(f) > 0 && isShell(progName(f[0])) && !slices.Contains(f[1:], "-c")
		}
		return "sh", true
	case "expect":
		// expect with no -c, -f or script file reads its script on stdin.
		for _, w := range words[1:] {
			if w == "-c" || w == "-f" || !strings.HasPrefix(w, "-") {
				return "", false
			}
		}
		return "expect", true
	case "at", "batch":
		// at and batch read the job's commands from stdin unless -f names
		// a file.
		for _, w := range words[1:] {
			if w == "-f" || w == "-l" || w == "-r" || w == "-d" || w == "-c" {
				return "", false
			}
		}
		return "sh", true
	case "crontab":
		// "crontab -" or "crontab" with a here-document: the table on stdin.
		for _, w := range words[1:] {
			if w == "-l" || w == "-r" || w == "-e" || w != "-" && !strings.HasPrefix(w, "-") {
				return "", false
			}
		}
		return "cron", true
	}
	return "", false
}

// suScript gives the -c string of su or runuser.
func suScript(words []string) (string, bool) {
	for i := 1; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "--":
			return "", false
		case w == "--command" || w == "--session-command":
			if i+1 < len(words) {
				return words[i+1], true
			}
		case strings.HasPrefix(w, "--command=") || strings.HasPrefix(w, "--session-command="):
			_, v, _ := strings.Cut(w, "=")
			return v, true
		case len(w) > 1 && w[0] == '-' && w[1] != '-':
			for j := 1; j < len(w); j++ {
				switch w[j] {
				case 'c':
					if j+1 < len(w) {
						return w[j+1:], true
					}
					if i+1 < len(words) {
						return words[i+1], true
					}
					return "", false
				case 's', 'g', 'G', 'w', 'u':
					if j == len(w)-1 {
						i++
					}
					j = len(w)
				}
			}
		}
	}
	return "", false
}

// sshRemote gives the remote command of "ssh [options] HOST CMD...". A
// login whose account runs one program for every key (ssh
// dokku@HOST apps:destroy shop: the account's forced command is dokku)
// runs that program with the words as its arguments.
func sshRemote(words []string) string {
	fl := &sshFlags
	if progName(words[0]) == "autossh" {
		fl = &autosshFlags
	}
	i := fl.skip(words, 1)
	if i >= len(words) {
		return ""
	}
	host := words[i]
	i = fl.skip(words, i+1) // options may follow the host
	if i >= len(words) {
		return ""
	}
	if user, _, ok := strings.Cut(host, "@"); ok && forcedCommandUsers.Get(user) && words[i] != user {
		return user + " " + strings.Join(words[i:], " ")
	}
	return strings.Join(words[i:], " ")
}

// forcedCommandUsers are the accounts of self-hosted platforms whose
// ssh login runs the platform's own CLI with the words given (dokku@,
// piku@): the remote command is that program's subcommand.
var forcedCommandUsers = table.Map[string, bool]{Words: "dokku piku"}

// flockScript gives the string of "flock FILE -c STR".
func flockScript(words []string) (string, bool) {
	for i := 1; i+1 < len(words); i++ {
		if words[i] == "-c" || words[i] == "--command" {
			return words[i+1], true
		}
		if v, ok := strings.CutPrefix(words[i], "--command="); ok {
			return v, true
		}
	}
	return "", false
}

// find reports the commands of -exec, -execdir, -ok and -okdir (with {}
// kept as an argument), and -delete as a synthetic "rm -r -f PATH...".
// Unless a test such as -name in the same alternative narrows what they
// act on (findexpr.go), the whole tree is affected: -delete becomes
// "rm -r -f PATH..." and an -exec command is also reported as run on the
// starting points.
func (s *state) find(f frame, words []string, dyn []bool) {
	i := 1
	for i < len(words) {
		w := words[i]
		if w == "-H" || w == "-L" || w == "-P" || strings.HasPrefix(w, "-O") {
			i++
		} else if w == "-D" {
			i += 2
		} else {
			break
		}
	}
	i = min(i, len(words)) // "find -D" with its argument missing
	start := i
	for i < len(words) && !isFindExpr(words[i]) {
		i++
	}
	paths := words[start:min(i, len(words))]
	g := s.viaFrame(f, "find")
	// The expression is read as alternatives joined by -o or ",": an
	// action acts on what the tests of its own alternative pick
	// (findexpr.go), so a -prune before -o neither narrows nor widens it.
	var b findBranch
	del := false
	var names []string // the -name patterns of deleting alternatives
	for i < len(words) {
		switch w := words[i]; w {
		case "-o", "-or", ",":
			b.or()
		case "!", "-not":
			b.negate = true
			i++
			continue // a negation applies to the next test or group only
		case "(":
			b.open()
		case ")":
			b.close()
		case "-name", "-iname", "-path", "-ipath", "-wholename", "-iwholename", "-regex", "-iregex",
			"-lname", "-ilname", "-inum", "-samefile", "-size":
			// A test narrows when its pattern names something: '?*',
			// '[!.]*', '.+' and -path '/home/dev/*' match every file
			// (findnarrow.go). Of the sizes, only empty files narrow.
			if i+1 < len(words) && words[i+1] != "*" && words[i+1] != ".*" && (dyn == nil || !dyn[i+1]) && findNarrows(w, words[i+1]) {
				name := ""
				if (w == "-name" || w == "-iname") && !strings.Contains(words[i+1], "/") {
					name = words[i+1]
				}
				b.narrow(name)
			}
			if i+1 < len(words) {
				i++ // the test's pattern is no operator: -name '(' opens nothing
			}
		case "-empty":
			b.narrow("")
		case "-exec", "-execdir", "-ok", "-okdir":
			j := i + 1
			for j < len(words) && words[j] != ";" && !(words[j] == "+" && words[j-1] == "{}") {
				j++
			}
			if j > i+1 {
				var d []bool
				if dyn != nil {
					d = dyn[i+1 : j : j]
				}
				s.emitWords(g, words[i+1:j:j], d, nil, false)
				switch {
				case !b.narrowed:
					s.findExec(g, words[i+1:j], paths)
					// And on what is below them: -type f and the
					// like pick those (find ~ -type f -exec cp /dev/null {} ;).
					s.findExec(g, words[i+1:j], namedUnder(paths, "*"))
				case b.named != "":
					// find ~/.ssh -name 'id_*' -exec cat {} +: {} is the
					// files of that name below each starting point.
					s.findExec(g, words[i+1:j], namedUnder(paths, b.named))
				}
			}
			i = j + 1
			b.negate = false
			continue
		case "-delete":
			if !b.narrowed {
				del = true
			} else if b.named != "" {
				names = append(names, b.named)
			}
		}
		b.negate = false
		i++
	}
	if !del && len(names) > 0 {
		// find ~ -name '.?*' -delete: the files of that name below each
		// starting point (findnarrow.go). -delete removes a directory
		// only when it is empty, so what it names is no tree: rm -f,
		// not rm -r -f (find ~ -name .DS_Store -delete).
		rm := []string{"rm", "-f"}
		for _, n := range names {
			if findShallow(words) {
				// -maxdepth 1: the files of that name right below each
				// starting point, none deeper
				rm = append(rm, namedUnder(paths, n)[:max(len(paths), 1)]...)
				continue
			}
			rm = append(rm, namedUnder(paths, n)...)
		}
		g.synthetic = true
		s.emitWords(g, rm, nil, nil, false)
	}
	if del {
		rm := make([]string, 0, 3+max(len(paths), 1))
		rm = append(rm, "rm", "-r", "-f")
		if len(paths) == 0 {
			rm = append(rm, ".")
		}
		rm = append(rm, paths...)
		g.synthetic = true
		s.emitWords(g, rm, nil, nil, false)
	}
}

// findExec reports an -exec command run on the starting points themselves
// (find visits them first), with {} replaced by them, as a synthetic
// command: "find / -exec rm -rf {} \;" runs "rm -rf /".
func (s *state) findExec(g frame, cmd, paths []string) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var out []string
	found := false
	for _, w := range cmd {
		switch {
		case w == "{}":
			out = append(out, paths...)
			found = true
		case strings.Contains(w, "{}"):
			out = append(out, strings.ReplaceAll(w, "{}", paths[0]))
			found = true
		default:
			out = append(out, w)
		}
	}
	if found {
		g.synthetic = true
		s.emitWords(g, out, nil, nil, false)
	}
}

// findShallow reports whether find's words stop it right below its
// starting points (-maxdepth 1, or 0).
func findShallow(words []string) bool {
	for k := 1; k+1 < len(words); k++ {
		if words[k] == "-maxdepth" {
			return words[k+1] == "1" || words[k+1] == "0"
		}
	}
	return false
}

// namedUnder is a path glob per starting point for the files of a -name
// pattern right below it ("." when find is given none), then one for those
// at any depth below it: find ~ -name 'id_*' finds ~/.ssh/id_rsa too.
func namedUnder(paths []string, name string) []string {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	out := make([]string, 0, 2*len(paths))
	for _, p := range paths {
		p = strings.TrimSuffix(p, "/")
		out = append(out, p+"/"+name)
	}
	if name != "*" {
		for _, p := range paths {
			out = append(out, strings.TrimSuffix(p, "/")+"/**/"+name)
		}
	}
	return out
}

// findOutput is what find prints, as path globs, one per line: the files
// of its -name below each starting point, else everything below them.
func findOutput(words []string) string {
	var paths []string
	named := ""
	i := 1
	for i < len(words) {
		// find's own options come before its starting points: -H, -L,
		// -P, -D DEBUGOPTS, -Olevel.
		if w := words[i]; w == "-H" || w == "-L" || w == "-P" || strings.HasPrefix(w, "-O") && len(w) > 2 {
			i++
			continue
		} else if w == "-D" {
			i += 2
			continue
		}
		if isFindExpr(words[i]) {
			break
		}
		if !strings.HasPrefix(words[i], "-") || words[i] == "-" {
			paths = append(paths, words[i])
		}
		i++
	}
	for ; i+1 < len(words); i++ {
		if (words[i] == "-name" || words[i] == "-iname") && !strings.Contains(words[i+1], "/") {
			named = words[i+1]
			break
		}
	}
	if named == "" {
		named = "*"
	}
	out := strings.Join(namedUnder(paths, named), "\n") + "\n"
	for _, w := range words[1:] {
		if w == "-L" || w == "-follow" {
			// Following links, it also prints what lies below wherever
			// they lead, which is not known here.
			return out + findLinkTargets + "\n"
		}
	}
	return out
}

// findLinkTargets stands, in what find prints, for the files below the
// links it follows (-L, -follow): a word nobody can resolve.
const findLinkTargets = "$FIND_LINK_TARGETS"

// lsOutput is what a short listing of named paths prints, one per line:
// the paths; "" for a long listing or none named.
func lsOutput(words []string) string {
	n := 0
	for _, w := range words[1:] {
		switch {
		case strings.HasPrefix(w, "-") && strings.ContainsAny(w, "lgnoR"):
			return ""
		case !strings.HasPrefix(w, "-"):
			n += len(w) + 1
		}
	}
	var b strings.Builder
	b.Grow(n) // one allocation for every path
	for _, w := range words[1:] {
		if !strings.HasPrefix(w, "-") {
			b.WriteString(w)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// xargsRepl gives the replace string xargs is given (-I R, -i, --replace),
// or "".
func xargsRepl(words []string) string {
	cmdAt := xargsFlags.skip(words, 1)
	repl := ""
	for i := 1; i < cmdAt && i < len(words); i++ {
		switch w := words[i]; {
		case w == "-I" && i+1 < len(words):
			repl = words[i+1]
		case strings.HasPrefix(w, "-I") && len(w) > 2:
			repl = w[2:]
		case w == "-i" || w == "--replace":
			repl = "{}"
		case strings.HasPrefix(w, "--replace="):
			repl = w[len("--replace="):]
		}
	}
	return repl
}

// xargsFeedsScript reports whether the command xargs runs is a shell
// given -c whose script is xargs' input: no script word (the first input
// word becomes it), or a script that is nothing but the replace string.
func xargsFeedsScript(words []string) bool {
	cmd := words[xargsFlags.skip(words, 1):]
	if len(cmd) == 0 || !isShell(progName(cmd[0])) {
		return false
	}
	i, hasC, _ := shellFlags(cmd)
	if !hasC {
		return false
	}
	if i >= len(cmd) || cmd[i] == "--" && i+1 >= len(cmd) {
		return true
	}
	if cmd[i] == "--" {
		i++
	}
	repl := xargsRepl(words)
	return repl != "" && strings.Contains(cmd[i], repl) && strings.TrimSpace(strings.ReplaceAll(cmd[i], repl, "")) == ""
}

// xargsInput judges the commands xargs builds from its input: with -I R,
// one per line with R replaced by it; else the command with the items
// added, for each way the input may be split (by blanks; with -0 or -d,
// at the delimiter).
func (s *state) xargsInput(f frame, words []string, in []string) {
	repl, delim := xargsRepl(words), ""
	nul := false
	cmdAt := xargsFlags.skip(words, 1)
	for i := 1; i < len(words); i++ {
		switch w := words[i]; {
		case (w == "-d" || w == "--delimiter") && i+1 < len(words):
			delim = words[i+1]
		case strings.HasPrefix(w, "-d") && len(w) > 2:
			delim = w[2:]
		case strings.HasPrefix(w, "--delimiter="):
			delim = w[len("--delimiter="):]
		case i < cmdAt && (w == "--null" || strings.HasPrefix(w, "-") && !strings.HasPrefix(w, "--") && strings.IndexByte(w, '0') > 0):
			// -0, -0r, -r0: items end at NULs only (a cluster such
			// as -n10 read so too judges one more way, never less)
			nul = true
		}
	}
	sep, ok := xargsDelimiter(delim)
	if !ok {
		return // a delimiter not read here: what xargs builds is not known
	}
	cmd := words[cmdAt:]
	if len(cmd) == 0 {
		cmd = []string{"echo"}
	}
	if f.depth >= MaxDepth {
		return
	}
	g := s.viaFrame(f, "xargs")
	g.synthetic = true
	if repl != "" {
		// -I: one command per input line, the line whole.
		var lines []string
		for _, t := range in {
			for _, l := range strings.FieldsFunc(t, func(r rune) bool { return r == '\n' || r == 0 || sep != 0 && r == rune(sep) }) {
				if l = strings.TrimSpace(l); l != "" && len(lines) <= maxXargsLines {
					lines = append(lines, l)
				}
			}
		}
		lines = xargsKeep(lines, maxXargsLines)
		for _, l := range lines {
			out := make([]string, 0, len(cmd))
			for _, w := range cmd {
				out = append(out, strings.ReplaceAll(w, repl, l))
			}
			s.emitWords(g, out, nil, nil, false)
		}
		return
	}
	// By default xargs splits its input at blanks and newlines, quotes
	// and backslashes removed.
	var items []string
	for _, t := range in {
		items = xargsItems(items, t, maxXargsItems+1)
	}
	s.xargsEmit(g, cmd, xargsKeep(items, maxXargsItems))
	if !nul && delim == "" {
		return
	}
	// -0 and -d: items end at the delimiter only, blanks and quotes kept
	// ("rm -rf /" is one item, a command for bash -c); and, since the
	// walk writes what find -print0 prints one path a line, also at
	// newlines. Each way the input may be split is judged.
	var exact, loose []string
	for _, t := range in {
		exact = xargsSplit(exact, t, sep, false, maxXargsItems+1)
		loose = xargsSplit(loose, t, sep, true, maxXargsItems+1)
	}
	if !slices.Equal(exact, items) {
		s.xargsEmit(g, cmd, xargsKeep(exact, maxXargsItems))
	}
	if !slices.Equal(loose, exact) && !slices.Equal(loose, items) {
		s.xargsEmit(g, cmd, xargsKeep(loose, maxXargsItems))
	}
}

// xargsEmit reports the command xargs builds: cmd with the items added.
func (s *state) xargsEmit(g frame, cmd, items []string) {
	if len(items) == 0 {
		return
	}
	out := make([]string, 0, len(cmd)+len(items))
	out = append(append(out, cmd...), items...)
	s.emitWords(g, out, nil, nil, false)
}

// xargsKeep bounds the items the walk builds a command from: beyond max,
// one unresolvable word stands for the rest.
func xargsKeep(items []string, max int) []string {
	if len(items) > max {
		return append(items[:max], xargsMore)
	}
	return items
}

// xargsSplit appends to items, up to max, the pieces of text between
// delimiters: sep (a NUL when 0), and with lines also newlines.
func xargsSplit(items []string, text string, sep byte, lines bool, max int) []string {
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == rune(sep) || lines && r == '\n' }) {
		if p != "" && len(items) < max {
			items = append(items, p)
		}
	}
	return items
}

// maxXargsItems bounds the arguments the walk builds xargs' command from:
// far above what a line spells out, and one more stands for the rest
// (xargsMore), a word nobody can resolve.
// With -I, one command is built per line, and fewer lines are kept.
const (
	maxXargsItems = 64
	maxXargsLines = 16
	xargsMore     = "$XARGS_MORE_INPUT"
)

// xargsDelimiter reads xargs' -d value: one character, or an escape for
// one (\n, \t, \0, \\); 0 when none is given; ok false for anything else.
func xargsDelimiter(d string) (sep byte, ok bool) {
	switch {
	case d == "":
		return 0, true
	case len(d) == 1:
		return d[0], true
	}
	switch d {
	case `\n`:
		return '\n', true
	case `\t`:
		return '\t', true
	case `\0`, `\x00`, `\000`:
		return 0, true
	case `\\`:
		return '\\', true
	}
	return 0, false
}

// xargsItems appends to items, up to max, the arguments xargs reads from
// text by default: words separated by blanks and newlines (and NULs), with
// single and double quotes and backslashes removed.
func xargsItems(items []string, text string, max int) []string {
	var b strings.Builder
	quote := byte(0)
	inItem := false
	flush := func() {
		if inItem && len(items) < max {
			items = append(items, b.String())
		}
		b.Reset()
		inItem = false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else {
				b.WriteByte(c)
			}
		case c == '\\' && i+1 < len(text):
			i++
			b.WriteByte(text[i])
			inItem = true
		case c == '\'' || c == '"':
			quote, inItem = c, true
		case c == ' ' || c == '\t' || c == '\n' || c == 0 || c == '\r' || c == '\v' || c == '\f':
			flush()
		default:
			b.WriteByte(c)
			inItem = true
		}
	}
	flush()
	return items
}

func isFindExpr(w string) bool {
	return len(w) > 1 && w[0] == '-' || w == "(" || w == ")" || w == "!" || w == ","
}

// gnuplotCommands walks the shell commands gnuplot code runs: a data file
// "< CMD" is read from a command, and a line "! CMD" runs one.
func (s *state) gnuplotCommands(f frame, words []string) {
	g := s.viaFrame(f, "gnuplot")
	for _, w := range words[1:] {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == ';' || r == '\n' }) {
			part = strings.TrimSpace(part)
			if rest, ok := strings.CutPrefix(part, "!"); ok {
				s.parseString(rest, g)
			}
		}
		for _, q := range []string{`"<`, `'<`} {
			for at := 0; at < len(w); {
				k := strings.Index(w[at:], q)
				if k < 0 {
					break
				}
				start := at + k + 2
				end := strings.IndexByte(w[start:], q[0])
				if end < 0 {
					break
				}
				s.parseString(w[start:start+end], g)
				at = start + end + 1
			}
		}
	}
}

// tmuxShellCommand returns the shell command a tmux command line runs
// (run-shell "CMD", run -b 'CMD', new-window 'CMD'), with its outer
// quotes taken off.
func tmuxShellCommand(line string) (string, bool) {
	line = strings.TrimSpace(line)
	verb, rest, ok := strings.Cut(line, " ")
	if !ok {
		return "", false
	}
	switch verb {
	case "run-shell", "run", "new-window", "neww", "split-window", "splitw", "new-session", "new", "display-popup", "popup":
	default:
		return "", false
	}
	rest = strings.TrimSpace(rest)
	for strings.HasPrefix(rest, "-") {
		// -b, -C, -d: run-shell's own flags
		_, after, found := strings.Cut(rest, " ")
		if !found {
			return "", false
		}
		rest = strings.TrimSpace(after)
	}
	if n := len(rest); n >= 2 && (rest[0] == '"' && rest[n-1] == '"' || rest[0] == '\'' && rest[n-1] == '\'') {
		rest = rest[1 : n-1]
	}
	return rest, rest != ""
}

// runVerbDropped returns an interpreter's words without the verb "run"
// that deno and bun put before the script they run (deno run -, bun run
// x.js), so the script is the first operand as it is for node.
func runVerbDropped(name string, words []string) []string {
	if runVerb(name, words) {
		return append([]string{words[0]}, words[2:]...)
	}
	return words
}

// runVerb reports a deno or bun command line whose first word is run.
func runVerb(name string, words []string) bool {
	return (name == "deno" || name == "bun") && len(words) > 1 && words[1] == "run"
}

// RunVerbDropped is runVerbDropped for a command's arguments alone.
func RunVerbDropped(name string, args []string) []string {
	if (name == "deno" || name == "bun") && len(args) > 0 && args[0] == "run" {
		return args[1:]
	}
	return args
}

// aliasChain is the text an alias call runs: the alias's value, then the
// call's words; a value ending in a blank makes the next word an alias
// call too, as bash reads it (alias r='rm -rf '; alias h=/home/u; r h).
// stdinText writes a command's input redirections again (" <<< 'TEXT'",
// " < FILE"), for the line an alias or a copied program's name stands
// for: a shell or an interpreter fed a here-document by another name reads
// it as itself would.
func stdinText(rs []Redirect) string {
	var b strings.Builder
	for _, r := range rs {
		if r.FD != "" && r.FD != "0" {
			continue
		}
		switch r.Op {
		case "<<<", "<<", "<<-":
			b.WriteString(" <<< " + quoteWords([]string{r.Target}))
		case "<":
			b.WriteString(" < " + quoteWords([]string{r.Target}))
		}
	}
	return b.String()
}

func (s *state) aliasChain(alias string, rest []string) string {
	text := alias
	for k := 0; k < 8 && len(rest) > 0 && strings.HasSuffix(alias, " "); k++ {
		next, ok := s.aliases[rest[0]]
		if !ok {
			break
		}
		text += next
		alias, rest = next, rest[1:]
	}
	return text + " " + quoteWords(rest)
}

// httpie reports HTTPie's programs and xh's, whose items after the URL
// are a request's JSON body (NAME=text, NAME:=json). Every command asks:
// four comparisons, where a map of the four names hashed each name.
func httpie(name string) bool {
	switch name {
	case "http", "https", "xh", "xhs":
		return true
	}
	return false
}

// opaqueCode gives the code word of a program the catalogue reads as
// opaque code (code-lang=opaque: elixir -e, erl -eval, ocaml -e, crystal
// eval, ghc -e).
func opaqueCode(name string, words []string) (code string, ok bool) {
	if len(words) < 2 {
		return "", false
	}
	cat := catalog.Default()
	if !cat.SummaryOf(name).MayHave("code-lang") || !slices.ContainsFunc(words[1:], plainCallMarked) {
		return "", false // (the cheap tests first: awk and sed are code-lang programs on every pipeline)
	}
	cl := cat.Classify(name, words[1:])
	if cl.Entry == nil || cl.Entry.Prop("code-lang") != "opaque" {
		return "", false
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Code {
			return w.Text, true
		}
	}
	return "", false
}

// opaqueSourceCode gives the code word of a program the catalogue reads
// as opaque code (code-lang=opaque: kotlin -e, groovy -e, swift -e,
// scala-cli -e, ghc -e) whose language is one of the source languages'
// (sourcelangs.go), and that language.
func opaqueSourceCode(name string, words []string) (lang, code string, ok bool) {
	if !compilerNames.Get(name) {
		return "", "", false // a program of no shape (asked for every command: the table is not built)
	}
	shapes := sourceIdx.Get().shapes[name]
	if len(shapes) == 0 || len(words) < 2 {
		return "", "", false
	}
	cat := catalog.Default()
	if !cat.SummaryOf(name).MayHave("code-lang") {
		return "", "", false
	}
	cl := cat.Classify(name, words[1:])
	if cl.Entry == nil || cl.Entry.Prop("code-lang") != "opaque" {
		return "", "", false
	}
	for _, w := range cl.Words {
		if w.Role == catalog.Code {
			return shapes[0].lang, w.Text, true
		}
	}
	return "", "", false
}
