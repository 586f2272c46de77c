package engine

import (
	"regexp"
	"slices"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/effect"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// subject is one thing the policies judge; see the package doc.
type subject struct {
	tool    string // tool name the policies match on
	primary bool   // gets the default action when no rule decides
	hasURL  bool   // url holds the parsed URL
	text    string // what Decision.Matched shows; "" for a command's line (label)

	argv   *match.Argv   // a simple command
	raw    string        // the raw command line, on the first command subject only (line_matches)
	stages []*match.Argv // a pipeline
	// path is the cleaned path; made ready for matching, it is kept on the
	// evaluation (pathQuery), not here: a subject is built for each
	// command of a line, most with no path, and each is zeroed whole.
	path   string
	url    match.URL // parsed URL, when hasURL
	urlRaw string
	sql    string // normalised SQL

	content string // write content
	effect  string // an effect's descriptor (effect.Effect.Descriptor)

	mcpTool string         // MCP tool name
	args    map[string]any // MCP arguments
	hints   []string       // MCP annotations that are true
}

// label is what Decision.Matched shows for s: its text, or for a simple
// command, its line, built only when asked for.
func (s *subject) label() string {
	if s.text == "" && s.argv != nil {
		return s.argv.String()
	}
	return s.text
}

func (ev *evaluation) run(trace *Trace) {
	c := &ev.c
	switch c.Tool {
	case call.ToolExec:
		ev.exec(c.Command(), true, c.Tool)
	case call.ToolRead, call.ToolWrite:
		raw := c.Path()
		if u, ok := match.FileURIPath(raw); ok {
			raw = u // file:///home/u/x: a tool that takes URIs reaches /home/u/x
		}
		p := match.CleanPath(raw, c.Cwd, ev.e.env.Home)
		s := subject{tool: c.Tool, primary: true, text: p, path: p, content: c.Content()}
		if c.Tool == call.ToolRead && ev.testMaterial(p) {
			s.effect = effectTestMaterial // testmaterial.go: a key the project keeps for its tests
		}
		if c.Tool == call.ToolWrite {
			if ef, ok := writtenAgentEffect(p, s.content, ev.e.env.Home); ok {
				s.effect = ef // agentsettings.go: an agent's settings read whole
			} else {
				s.effect = writtenFormatEffect(p, s.content) // laterformats.go: settings that run nothing
			}
		}
		ev.judge(&s)
		if c.Tool == call.ToolRead {
			ev.judgeSettings(p) // homesettings.go: a tool's settings that may hold its login
			ev.judgeOwnEnviron(p)
		}
		ev.judgeProductionFile(c.Tool, p) // productionfiles.go: production's infrastructure and settings
		ev.judgePathAlternates(&s)        // paths.go: symlinks, /proc/self/root, /private
		if hasGlob(p) && !ev.denied() {
			ev.globSubjects(c.Tool, p)
		}
		if c.Tool == call.ToolRead && len(c.Params) > 1 && !ev.denied() && isSearch(c.Params) {
			ev.judgeSearch(p) // search.go: a Grep's or Glob's directory
			if !ev.denied() {
				ev.judgeSecretSearch(p) // secretsearch.go: credentials hunted across a home
			}
		}
		if c.Tool == call.ToolWrite && !ev.denied() {
			if ef, ok := effect.Shadows(p, ev.e.env.Home); ok {
				ev.judgeEffect(ef, c.Tool)
			}
			ev.judgeWrittenCredential(p, c.Content()) // content.go
			ev.judgeWrittenSettings(p, c.Content())   // content.go
			ev.judgeAutoRun(p, c.Content())           // autorun.go
			ev.judgeLaterFormat(p, c.Content())       // laterformats.go
			ev.judgeProtectionOff(p, c.Content())     // protectionsoff.go
			ev.judgeWebShell(p, c.Content())          // webshell.go
		}
	case call.ToolFetch:
		raw := c.URL()
		s := subject{tool: call.ToolFetch, primary: true, text: raw, urlRaw: raw}
		s.url, s.hasURL = match.ParseURL(raw)
		ev.judge(&s)
		ev.judgeHostAlternates(&s) // paths.go: the IP a wildcard-DNS name embeds
		ev.judgeScriptFetch(&s)    // scriptfetch.go: a script from someone's repository at a moving ref
		ev.judgeURLCredentials(&s) // paths.go: a token in the query
		ev.judgeSentParams(&s)     // content.go: a credential in the body or headers
		ask := controlAsk{method: c.Params.String("method"), body: paramText(c.Params["body"])}
		ev.judgeControlAPI(raw, ask, false) // controlapi.go
		if s.hasURL {
			ev.judgeFetchAction(s.url.Host, s.url.Rest, ask.method) // fetchactions.go: /users/delete, ?action=disable
		}
		if !hasRequest(c.Params) && !ev.denied() && effect.URLQueryChangesProduction(raw) != "" {
			// https://ch.prod…/?query=TRUNCATE…: judged as the curl line
			// that fetches it (apiaccess.go)
			ev.exec(quoteArgv([]string{"curl", raw}), false, call.ToolExec)
		}
		if (mentionsMutation(raw) || strings.Contains(raw, "persistedQuery")) && !hasRequest(c.Params) {
			// graphqlcalls.go: /graphql?query=mutation…, judged as the
			// curl line that fetches it (a request with a body already is)
			ev.noteGraphQL(quoteArgv([]string{"curl", raw}), nil)
		}
		if p, ok := match.BrowserPageStore(raw); ok && !ev.denied() {
			// browserpages.go: a browser's own page of saved passwords or
			// cookies shows the store it reads
			ev.pathSubject(call.ToolRead, match.CleanPath(p, c.Cwd, ev.e.env.Home))
		}
		if p, ok := match.FileURIPath(raw); ok && !ev.denied() {
			// fileuri.go: a file: URL in any spelling reads the file,
			// and is judged as the read tool's read of it is: a tool's
			// settings, the reader's own environment, production's files.
			p = match.CleanPath(p, c.Cwd, ev.e.env.Home)
			ev.pathSubject(call.ToolRead, p)
			if !ev.denied() {
				ev.judgeSettings(p)
				ev.judgeOwnEnviron(p)
				ev.judgeProductionFile(call.ToolRead, p)
			}
		}
	case call.ToolMCP:
		// Judged by runMCP: the argument walk is recursive, and keeping it
		// out of run keeps the other tools' evaluations on the stack.
	default:
		s := subject{tool: c.Tool, primary: true, text: c.Tool}
		ev.judge(&s)
	}
}

// exec judges a command line: its simple commands, pipelines and what they
// touch. primary is false for commands found inside MCP arguments.
func (ev *evaluation) exec(line string, primary bool, tool string) {
	ev.execLine(line, primary, tool)
	if ev.denied() || ev.windowsPass {
		return
	}
	if strings.IndexByte(line, '\\') < 0 && strings.IndexByte(line, '$') < 0 {
		// windowsReading changes only a backslash or a $ (and finds
		// neither here): the check stays here, so that a line with
		// neither does not enter windowslines.go's code at all (each
		// page of code a process first runs costs it a fault)
		return
	}
	if alt, ok := windowsReading(line); ok {
		// windowslines.go: the words cmd.exe and PowerShell see. The
		// second reading reuses the scratch the first one's commands are
		// in: what was decided keeps its label as text.
		ev.best.text, ev.best.argv = ev.best.label(), nil
		for i := range ev.all {
			ev.all[i].text, ev.all[i].argv = ev.all[i].label(), nil
		}
		ev.windowsPass = true
		ev.execLine(alt, primary, tool)
		ev.windowsPass = false
	}
}

// execLine judges one reading of a command line (exec).
func (ev *evaluation) execLine(line string, primary bool, tool string) {
	c, home := &ev.c, ev.e.env.Home
	sc := ev.scratch()
	res := &sc.res // in the scratch, not an allocation of its own
	*res = shell.ParseIn(line, shell.Place{Dir: c.Cwd, Home: home})
	// Nothing kept past this call points into res.Commands: subjects hold
	// the match.Argv made from them, effects their strings.
	defer shell.Release(res)
	if res.Unparsed {
		ev.flag(call.FlagUnparsed)
	}
	if res.Truncated {
		ev.flag(call.FlagTruncated)
	}
	if len(res.Commands) == 0 {
		s := subject{tool: tool, primary: primary, text: line, raw: line, argv: &match.Argv{}}
		ev.judge(&s)
		return
	}
	argvs, cwds, buf := sc.argvs(len(res.Commands)), sc.cwds(len(res.Commands)), &sc.buf
	// the argvs an effect's Cmd indexes are this line's, also when this
	// line is judged inside another's (a fetch's, an MCP argument's, a
	// request inline code sends: coderequests.go)
	// (the outermost line's stay, as its scratch does, for what is judged
	// after it)
	if outer := ev.argvs; outer != nil {
		fw := ev.lineForwards
		defer func() { ev.argvs, ev.lineForwards = outer, fw }()
	}
	ev.argvs = argvs
	ev.lineForwards = effect.ForwardsOnLine(res)
	cwd := c.Cwd
	nargs, argBytes := 0, 0
	for i := range res.Commands {
		nargs += len(res.Commands[i].Args)
		for _, a := range res.Commands[i].Args {
			argBytes += len(a)
		}
	}
	buf.Reserve(nargs, argBytes, cwd, home)
	buf.OptionValues = optionValues
	buf.Subcommands = subcommandsAt
	// Follow "cd DIR && ..." (pushd, popd, env -C) so later relative paths
	// resolve where they will run: "cd / && rm -rf home" removes /home.
	dirs := dirTracker{cwd: cwd, home: home, shells: res.Shells, funcs: res.Functions}
	for i := range res.Commands {
		sc := &res.Commands[i]
		cwds[i] = dirs.at(sc)
		buf.InitArgv(&argvs[i], sc.Name, sc.Program, sc.Args, cwds[i], home)
		dirs.after(sc, &argvs[i])
	}
	cat := catalog.Default()
	for i := range res.Commands {
		if cmd := &res.Commands[i]; cmd.Is(catalogKnownKind) && cat.Dry(cmd.Name, cmd.Args) {
			// It prints its help or rehearses (catalog.Dry): no command
			// pattern holds for what it would otherwise do.
			continue
		}
		s := subject{tool: tool, primary: primary, argv: &argvs[i]}
		if i == 0 {
			s.raw = line
		}
		if effect.StoreClientCommand(&res.Commands[i]) && effect.Disposable(res, i, cwds[i], effect.Env{Home: home, Cwd: c.Cwd}) {
			s.effect = disposableStore
		} else if effect.ScratchRepo(res, cwds, i) {
			s.effect = scratchRepo // effect/scratchrepo.go: git clone . /tmp/x && cd /tmp/x && git filter-repo …
		} else if effect.DiskImageOnly(res, cwds, i, home) {
			s.effect = diskImage // effect/diskimages.go: sfdisk build/disk.img < layout.sfdisk
		} else if effect.SudoInspects(res, i) {
			s.effect = sudoInspects // effect/sudoinspects.go: sudo lvs, sudo smartctl -a /dev/sda
		} else if onlyScratchFiles(&res.Commands[i], cwds[i], c.Cwd, home) && !linksMadeBefore(res, i) {
			// (before cwdSubdir: cd dist && shred -u test.key is a scratch file's)
			s.effect = scratchFiles // scratchfiles.go: shred -u /tmp/x.key
		} else if cwds[i] != c.Cwd && subdirCwd(cwds[i], c.Cwd, home) && movesTrusted(res, i, line) {
			s.effect = cwdSubdir // subdircwd.go: cd build && rm -rf ./*
		} else if effect.DevNamespace(res, i) {
			s.effect = devNamespace // effect/devnamespace.go: kubectl -n dev rollout restart
		} else if effect.LocalCluster(res, i) {
			s.effect = localCluster // effect/localcluster.go: kubectl --context kind-dev delete ns x
		} else if effect.LocalTarget(res, i) {
			s.effect = localTarget // effect/localtarget.go: docker push localhost:5000/api:dev
		} else if effect.TestStack(res, i, effect.Env{Home: home, Cwd: c.Cwd}) {
			s.effect = testStack // effect/teststack.go: docker compose -f docker-compose.test.yml down -v
		} else if effect.StashApplied(res, i, line) {
			s.effect = stashApplied // effect/stashapplied.go: git stash apply && git stash drop
		} else if effect.DiscardsTree(res, i) {
			s.effect = discardsTree // effect/discardtree.go: git checkout -- src/
		}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	if graphqlCommands(res.Commands) {
		ev.noteGraphQL(line, res.Commands) // graphqlcalls.go: curl --data '{"query": "mutation {…}"}'
	}
	ev.noteCodeRequests(res.Commands)          // coderequests.go: requests.put(URL), fetch(URL, {method: 'POST'})
	if ev.judgeCLISettings(res); ev.denied() { // clisettings.go: claude --settings '{"apiKeyHelper": …}'
		return
	}
	// Pipelines of two or more commands, in stage order. A pipeline's
	// commands need not be adjacent: commands found inside a stage (a
	// one-liner's shell call) are listed between its stages.
	sizes, lo := sc.pipeSizes(res.Commands) // a pipeline's count is spent once it is judged
	for i := range res.Commands {
		id := res.Commands[i].Pipeline
		n := sizes[id-lo]
		if n < 2 {
			continue // one command, or judged from its first command already
		}
		sizes[id-lo] = 0
		js := sc.ints(n)
		for j := i; j < len(res.Commands); j++ {
			if res.Commands[j].Pipeline == id {
				js = append(js, j)
			}
		}
		slices.SortStableFunc(js, func(a, b int) int { return res.Commands[a].Stage - res.Commands[b].Stage })
		stages, renamed := sc.stageList(n), sc.renamedList(n)
		for k, j := range js {
			a, c := &argvs[j], &res.Commands[j]
			// Piped into "python3 -m json.tool" or "bash -c CMD", the data
			// is not the program: such a stage matches no interpreter
			// pattern. (A download run through "bash <(curl x)" or
			// 'sh -c "$(curl x)"' is reported as a pipeline too, but its
			// first stage sits inside the interpreter's words, deeper.)
			if k > 0 && res.Commands[js[k-1]].Depth == c.Depth && shell.ScriptFromArgs(c) {
				renamed = append(renamed, match.Argv{Name: a.Name + " (program from arguments)", Program: a.Program})
				a = &renamed[len(renamed)-1] // renamed has room for every stage: it never moves
			} else if k > 0 && res.Commands[js[k-1]].Depth == c.Depth && shell.ShellElsewhere(c) {
				// … | ssh HOST bash, … | docker run -i IMAGE sh, … | vagrant
				// ssh -c bash: a shell there runs the stage's input.
				a = &shArgv
			} else if k > 0 && res.Commands[js[k-1]].Depth == c.Depth {
				if lang := shell.ConsoleStdin(c); lang != "" && langArgvs.Get(lang) != nil {
					// … | wp shell, … | bin/rails console: the console
					// runs its input as the language's interpreter would.
					a = langArgvs.Get(lang)
				}
			}
			stages = append(stages, a)
		}
		s := subject{tool: tool, stages: stages, text: line}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	for _, r := range downloadRuns(res.Commands, argvs, cwds, home) {
		s := subject{tool: tool, stages: []*match.Argv{r.from, r.run}, text: line}
		ev.judge(&s)
		if ev.denied() {
			return
		}
	}
	for i := range res.Commands {
		// patch <<EOF, git apply < fix.diff written on the line: the
		// files the patch names, written with what it adds (mcpwrites.go)
		if cmd := &res.Commands[i]; (len(cmd.Stdin) > 0 || len(res.Files) > 0) && appliesPatch(cmd) {
			texts := cmd.Stdin
			for _, f := range patchFileArgs(cmd) {
				// patch -i F, git apply F: F written on the line
				if t, ok := res.Files[strings.TrimPrefix(f, "./")]; ok {
					texts = append(texts[:len(texts):len(texts)], t)
				}
			}
			for _, t := range texts {
				if ev.judgePatch(t, cwds[i]); ev.denied() {
					return
				}
			}
		}
	}
	if res.Unparsed || res.Truncated {
		why := "the command line does not parse"
		if res.Truncated {
			why = "the command line is nested or long beyond the normaliser's bounds"
		}
		ev.judgeEffect(effect.Effect{Kind: effect.Unknown, Cmd: -1, Detail: "unparsed", Word: why}, tool)
	}
	// A copy of the evaluation answers the sensitivity question, so that
	// ev itself does not escape (the read, write and fetch paths stay
	// allocation-free); the scratch keeps it (scratch.go).
	effs := effect.AppendOf(sc.effs[:0], res, cwds, effect.Env{Home: home, Cwd: c.Cwd, Sensitive: sc.sensitive(ev), Protected: sc.protected()})
	sc.effs = effs // the array is kept for the next line (release clears it)
	prevEffs := ev.lineEffs
	ev.lineEffs = effs // testmaterial.go
	defer func() { ev.lineEffs = prevEffs }()
	if ev.trace != nil {
		ev.trace.Effects = append(ev.trace.Effects, effs...)
	}
	var kinds uint64 // the kinds of effs (the line's judges below read only some)
	for _, ef := range effs {
		kinds |= 1 << ef.Kind
		if ef.Kind == effect.Write {
			if delta, ok := ev.agentEdit(res, ef.Path); ok {
				ev.judgeAgentEdit(ef.Path, delta) // agentedits.go: jq '.theme = "light"' F > T && mv T F
				if ev.denied() {
					return
				}
				continue
			}
		}
		if ef.Kind == effect.Write && len(res.Files) > 0 {
			if text, ok := shownText(res, effs, ef.Path, c.Cwd, home); ok {
				ev.judgeShownWrite(ef.Path, text) // startupfiles.go: echo '…' >> ~/.bashrc
				if ev.denied() {
					return
				}
				continue
			}
		}
		if ef.Kind == effect.Unknown && ev.diskCode(res, cwds, ef) { // diskcode.go: eval "$(cat f)"
			if ev.denied() {
				return
			}
			continue
		}
		ev.judgeEffect(ef, tool)
		if ev.denied() {
			return
		}
	}
	// Each judge below that reads only effects of some kinds is called
	// only when the line has one, and judgeMessageSecrets only when a
	// command has a word long enough for it: a line without them does not
	// enter those judges' files at all (each page of code a process first
	// runs costs it a fault).
	if ev.denied() {
		return // (the unparsed line's effect above may have decided)
	}
	if kinds&(1<<effect.Connect) != 0 {
		ev.judgeLiteralSecrets(res, effs) // literalsecrets.go
		if ev.denied() {
			return
		}
	}
	if anyLongWord(res.Commands, messageSecretLen) {
		ev.judgeMessageSecrets(res) // messagesecrets.go
		if ev.denied() {
			return
		}
	}
	if kinds&(1<<effect.Write) != 0 {
		ev.judgeLineWrites(res, effs) // laterwrites.go
		ev.judgeShownParts(res, effs) // laterwrites.go
	}
	ev.judgeCIStepCommands(res.Commands) // cisteps.go: ##vso[task.setvariable], buildkite-agent env set
	ev.judgePublishedCommands(res, effs) // cipublished.go: printenv NPM_TOKEN >> "$GITHUB_OUTPUT"
	ev.judgeDiskScripts(res, cwds)       // diskscripts.go
	ev.judgeDiskSQL(res, cwds, tool)     // disksql.go
	if kinds&(1<<effect.Unknown) != 0 {
		ev.judgeSQLShellLines(effs) // sqlshell.go
	}
	if kinds&(1<<effect.SQL) != 0 {
		ev.judgeSQLWrittenTexts(effs)     // sqlshell.go
		ev.judgeNodeShellLines(res, effs) // sqlshell.go
	}
}

// graphqlCommands reports whether noteGraphQL may note a line of cmds: a
// command is a GraphQL sender (curlMutation) or gh or glab
// (hostCLIDocumentFile). A line without one does not enter
// graphqlcalls.go's code.
func graphqlCommands(cmds []shell.Command) bool {
	for i := range cmds {
		if c := &cmds[i]; c.Is(graphqlSenderKind) || c.Name == "gh" || c.Name == "glab" {
			return true
		}
	}
	return false
}

// anyLongWord reports whether a command of cmds has a word of n bytes or
// more (longWord).
func anyLongWord(cmds []shell.Command, n int) bool {
	for i := range cmds {
		if longWord(cmds[i].Args, n) {
			return true
		}
	}
	return false
}

// longWord reports whether a word of words is n bytes long or more. (It
// is here, beside execLine, which asks it of every line.)
func longWord(words []string, n int) bool {
	for _, w := range words {
		if len(w) >= n {
			return true
		}
	}
	return false
}

// judgeEffect judges one effect of a command line as the subjects policies
// match: files as read and write (a delete or mode change is a write too,
// and also its own kind), hosts as fetch, SQL as sql, and the rest (flow,
// unknown, env, listen) under their own tool names with effect_matches.
func (ev *evaluation) judgeEffect(ef effect.Effect, tool string) {
	switch ef.Kind {
	case effect.Read:
		if ef.Detail == "generated" || ef.Detail == effect.LocalKubeconfig {
			return // a key a generator wrote earlier on the line (effect/freshkeys.go); a local cluster's kubeconfig its CLI uses
		}
		ev.pathSubjectAs(call.ToolRead, ef.Path, ef.Detail != effect.GitRepository) // effect/gitdirread.go: a repository, no settings file
		switch {
		case !ef.Recursive || ef.Detail == "mount" || ev.denied():
		case ef.Detail == "search":
			ev.searchTree(ef.Path) // search.go: what ripgrep reads
		default:
			ev.treeSubjects(call.ToolRead, ef.Path)
		}
	case effect.Write:
		ev.pathSubject(call.ToolWrite, ef.Path)
		if ef.Detail == "tree" && !ev.denied() {
			ev.treeWriteSubjects(ef.Path) // globs.go: a patch applied in another tree
		}
	case effect.Delete, effect.Chmod:
		// A delete is also a write of the path; a mode change is judged
		// only as itself (chmod 700 ~/.ssh is ordinary).
		if ef.Kind == effect.Delete {
			ev.pathSubject(call.ToolWrite, ef.Path)
		}
		if ef.Detail == "opens" && !ev.denied() {
			// chmod o+r, setfacl -m u:bob:r: others may read it now, as
			// if it were copied out (effect/modes.go)
			ev.pathSubject(call.ToolRead, ef.Path)
			if ef.Recursive && !ev.denied() {
				ev.treeSubjects(call.ToolRead, ef.Path)
			}
		}
		if !ev.denied() {
			s := subject{tool: ef.Kind.String(), text: ef.Path, path: ef.Path, effect: ef.Descriptor()}
			ev.judge(&s)
		}
		if hasGlob(ef.Path) && !ev.denied() {
			// rm -rf /h?me/d?v, rm -rf /*/dev: each well-known file or
			// directory the glob could name is deleted (globs.go).
			for _, f := range globMatches(ef.Path, ev.e.env.Home) {
				s := subject{tool: ef.Kind.String(), text: ef.Path + " (may name " + f + ")", path: f, effect: ef.Descriptor()}
				if ev.judge(&s); ev.denied() {
					return
				}
			}
		}
	case effect.Connect:
		s := subject{tool: call.ToolFetch, text: ef.Target, urlRaw: ef.Target, effect: ef.Descriptor()}
		s.url, s.hasURL = match.ParseURL(ef.Target)
		ev.judge(&s)
		ev.judgeHostAlternates(&s) // paths.go: the IP a wildcard-DNS name embeds
		ev.judgeURLCredentials(&s)
		var argv *match.Argv
		if ef.Cmd >= 0 && ef.Cmd < len(ev.argvs) {
			argv = &ev.argvs[ef.Cmd]
		}
		ev.judgeControlAPI(ef.Target, commandAsk(argv, ef.Upload), true) // controlapi.go: curl of a cluster's or a vault's API
		if s.hasURL && !ef.Upload && ef.Detail == "get" {
			// requests.get(URL), fetch(URL) in code: a GET as the fetch
			// tool's (effect/codegets.go)
			ev.judgeFetchAction(s.url.Host, s.url.Rest, "GET")
		} else if s.hasURL && !ef.Upload && fetcherArgv(argv) {
			// curl, wget: a GET of /users/delete acts as the fetch
			// tool's does (fetchactions.go)
			method, body, _ := commandRequest(argv)
			rest := s.url.Rest
			if q := urlQueryArgs(argv.Args); q != "" {
				// curl --url-query action=drop: parameters joined to the
				// URL's query, whatever the method
				rest += queryJoin(rest) + q
			}
			if sendsDataInQuery(argv.Args) && body != "" {
				// curl -G -d name=orders: the data goes into a GET's query
				method, rest = "GET", rest+queryJoin(rest)+body
			}
			ev.judgeFetchAction(s.url.Host, rest, method)
		}
	case effect.SQL:
		// Its shell escapes and files are effects of their own
		// (effect.sqlShellEscapes, effect.SQLFiles).
		s := subject{tool: toolSQL, text: ef.Target, sql: normalizeSQL(ef.Target)}
		if ef.Detail == "disposable" {
			s.effect = disposableStore // a database kept for tests here (effect/disposable.go)
		}
		ev.judge(&s)
	case effect.Exec:
		// Running a file is judged by the command rules; the file itself
		// only matters when it was written on the line (download runs).
	default:
		text := ef.Word
		if text == "" {
			text = ef.String()
		}
		s := subject{tool: ef.Kind.String(), text: text, effect: ef.Descriptor()}
		ev.judge(&s)
	}
}

// sensitive reports whether the policy stops a read of p: such a file is a
// sensitive source for data-flow tracking.
func (ev *evaluation) sensitive(p string) bool {
	return ev.sensitiveName(p) || ev.sensitiveAlternates(p)
}

// sensitiveAlternates reports whether another name p's text gives it
// (paths.go lexicalNames) is sensitive: ~/Library/Application Support/
// 1Password is ~/.config/1Password. It asks no file system: a flow's
// source is asked about on every read, and a link's target is judged
// where the read itself is (judgePathAlternates).
func (ev *evaluation) sensitiveAlternates(p string) bool {
	var buf [maxPathNames]string
	for _, q := range ev.lexicalNames(buf[:0], p) {
		if ev.sensitiveName(q) {
			return true
		}
	}
	return false
}

// sensitiveName is sensitive for one name of a path.
func (ev *evaluation) sensitiveName(p string) bool {
	s := subject{tool: call.ToolRead, text: p, path: p}
	c := &ev.c
	for _, ent := range ev.e.p.Entries {
		if !ent.AppliesTo(call.ToolRead, c.Agent, c.Session) {
			continue
		}
		for _, r := range ent.Rules() {
			if ok, _ := ev.holds(r, &s); ok {
				if r.Action == call.Deny {
					return true
				}
				break
			}
		}
	}
	return ev.sensitiveSettings(p) // homesettings.go
}

// protected reports whether the policy stops (denies, or asks about) a
// write of p or of a file in it, or denies deleting it with what it
// holds: a start-up file, a credential store, the home directory. The effect analysis asks it about paths it
// only half knows (code that names them, a prefix computed at run time).
func (ev *evaluation) protected(p string) bool {
	c := &ev.c
	in := p + "/x" // a file in it, when it is a directory (~/.kube)
	for k, probe := range [...]subject{
		{tool: call.ToolWrite, text: p, path: p},
		{tool: call.ToolWrite, text: in, path: in},
		{tool: effect.Delete.String(), text: p, path: p, effect: "delete:recursive"},
	} {
		// A recursive delete counts when denied: any directory at the top
		// of the home directory asks.
		least := call.RequireApproval
		if k == 2 {
			least = call.Deny
		}
		for _, ent := range ev.e.p.Entries {
			if !ent.AppliesTo(probe.tool, c.Agent, c.Session) {
				continue
			}
			for _, r := range ent.Rules() {
				if ok, _ := ev.holds(r, &probe); ok {
					if r.Action >= least {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

func (ev *evaluation) flag(f string) {
	for _, x := range ev.flags {
		if x == f {
			return
		}
	}
	ev.flags = append(ev.flags, f)
}

func (ev *evaluation) pathSubject(tool, p string) { ev.pathSubjectAs(tool, p, true) }

// pathSubjectAs judges a path the call reads or writes; settings says
// whether a read is also judged as one of a person's hidden settings
// (homesettings.go), which a repository git reads as such is not.
func (ev *evaluation) pathSubjectAs(tool, p string, settings bool) {
	if p == "" {
		return
	}
	s := subject{tool: tool, text: p, path: p}
	if tool == call.ToolRead && ev.testMaterial(p) {
		s.effect = effectTestMaterial // testmaterial.go: a key the project keeps for its tests
		ev.judge(&s)
	} else if !ev.judgeNoted(&s) { // readmemo.go: the effects step matched this read already
		ev.judge(&s)
	}
	if tool == call.ToolRead && settings {
		ev.judgeSettings(p) // homesettings.go: a tool's settings that may hold its login
	}
	ev.judgeProductionFile(tool, p) // productionfiles.go: production's infrastructure and settings
	ev.judgePathAlternates(&s)      // paths.go: symlinks, /proc/self/root, /private
	if hasGlob(p) && !ev.denied() {
		ev.globSubjects(tool, p)
	}
}

// disposableStore is the descriptor a simple command and its SQL carry
// when they work on a database kept for tests on this machine
// (effect.Disposable): the profile's database-wipe rules let it be.
const disposableStore = "store:disposable"

// devNamespace is the descriptor of a cluster CLI's command pointed at a
// namespace named for development (effect.DevNamespace).
const devNamespace = "cluster:dev-namespace"

// localCluster is the descriptor of a cluster CLI's command pointed at a
// cluster on this machine (effect.LocalCluster).
const localCluster = "cluster:local"

// localTarget is the descriptor of a command whose change lands only on
// this machine: a cloud CLI pointed at an emulator's endpoint here, a
// publish to a registry here (effect.LocalTarget).
const localTarget = "target:local"

// testStack is the descriptor of a container engine's command that
// removes only a stack kept for tests on this machine (effect.TestStack).
const testStack = "containers:test-stack"

// scratchRepo is the descriptor of git rewriting or discarding history in
// a repository the line cloned into a temporary directory
// (effect.ScratchRepo).
const scratchRepo = "git:scratch-repo"

// stashApplied is the descriptor of a git stash drop of the stash the
// line applied before it (effect.StashApplied).
const stashApplied = "git:stash-applied"

// discardsTree is the descriptor of a git checkout or restore of the work
// tree whose pathspec takes a directory, the whole tree or a pattern
// (effect.DiscardsTree).
const discardsTree = "git:discards-tree"

// sudoInspects is the descriptor of sudo or doas running a program that
// only prints the system's state (effect.SudoInspects).
const sudoInspects = "privilege:inspects"

// diskImage is the descriptor of a disk tool whose operands are files, no
// device (effect.DiskImageOnly).
const diskImage = "disk:image-file"

// toolSQL is the tool name of SQL statements found in commands and MCP
// arguments.
const toolSQL = "sql"

// normalizeSQL upper-cases a statement and collapses its white space, so
// `drop   table` matches `*DROP TABLE*`.
//
// String literals are emptied first: "WHERE action = 'DROP TABLE'" is data,
// not a statement. A literal of nothing but '%' is kept as '%'.
func normalizeSQL(s string) string {
	if indexFold(s, "EXEC") >= 0 || indexFold(s, "REDIS.") >= 0 || indexFold(s, "CALL") >= 0 {
		if d := dynamicSQL(s); d != "" {
			s += " ; " + d // sqlforms.go: SQL built in literals and run
		}
	}
	if strings.IndexByte(s, '\'') >= 0 {
		var b strings.Builder
		in := false
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c == '\'' {
				if !in && allPercent(s[i+1:]) {
					// '%' (any run of them) is kept: LIKE '%' matches
					// every row.
					b.WriteString("'%")
					in = true
					continue
				}
				in = !in
				b.WriteByte(c)
				continue
			}
			if !in {
				b.WriteByte(c)
			}
		}
		s = b.String()
	}
	s = sqlComment.Get().ReplaceAllString(s, " ")
	s = strings.ToUpper(strings.Join(strings.Fields(s), " "))
	s = sqlBracketSpaces.Get().Replace(sqlEmptyBrackets.Get().Replace(s))
	s = referentialActions(s) // sqlforms.go
	s = canonicalDeletes(s)
	s = mergeDeletes(s)
	s = selfSubqueries(s)
	// A WHERE that holds for every row is no WHERE at all, and a document
	// filter that every document passes is the empty one.
	return matchAllFilters(dropTautologies(s))
}

// sqlEmptyBrackets closes up the empty brackets that joining on spaces
// leaves.
var sqlEmptyBrackets = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("{ }", "{}", "( )", "()")
}}

// sqlBracketSpaces closes up the spaces around an empty document filter
// (deleteMany( {} ) is deleteMany({})).
var sqlBracketSpaces = table.Once[*strings.Replacer]{Build: func() *strings.Replacer {
	return strings.NewReplacer("( {} )", "({})", "( {}", "({}", "{} )", "{})")
}}

// The SQL expressions are compiled on first use, not at start-up: most
// calls hold no SQL.
var (
	sqlComment = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp { return regexp.MustCompile(`/\*.*?\*/|--[^\n]*`) }}
)

// allPercent reports whether a string literal's text, up to its closing
// quote, is one or more '%'.
func allPercent(rest string) bool {
	n := 0
	for n < len(rest) && rest[n] == '%' {
		n++
	}
	return n > 0 && n < len(rest) && rest[n] == '\''
}

// judgeOwnEnviron judges a read of the reader's own environment
// (/proc/self/environ, /proc/thread-self/environ), by the file tool or an
// MCP server the agent started: every variable at once, into the agent's
// context, as env prints them.
func (ev *evaluation) judgeOwnEnviron(p string) {
	if effect.OwnEnviron(p) && !ev.denied() {
		fs := subject{tool: "flow", text: "the environment read from " + p, effect: "flow:environment->agent"}
		ev.judge(&fs)
	}
}

// optionValues is the catalogue's option values of a command, for command
// patterns (match.ArgvBuf.OptionValues); a function, not a method value,
// which would be made anew for each line.
func optionValues(name string, args []string) uint64 {
	return catalog.Default().OptionValues(name, args)
}

// subcommandsAt is ArgvBuf.Subcommands, from the catalogue.
func subcommandsAt(name string, args []string) []int {
	return catalog.Default().Subcommands(name, args)
}
