// Package catalog is the program catalogue: one reviewed table, as data, of
// what each known program's words mean.
//
// A shell command is a program and its words. Whether a word is a file the
// program reads, a file it deletes, a URL it contacts, a pattern, a commit
// message or code for an interpreter depends on the program, its
// subcommand and the option the word follows. The catalogue says so for the
// programs agents actually run, so that the engine can turn a command into
// effects (package effect) instead of guessing from spellings.
//
// # The table
//
// The table is catalog.txt, embedded. One entry per line, four fields
// separated by " | ":
//
//	PROGRAM[,ALIAS...] [SUBCOMMAND...] | OPTIONS | POSITIONALS | PROPERTIES
//
// A PROGRAM name ending in "-*" is a family: it covers every program of
// that prefix the table does not name otherwise (docker-credential-* for
// each docker credential helper).
//
// OPTIONS are space-separated; each is one or more spellings joined by
// commas, then what follows the option:
//
//	-f,--force            a flag with no value
//	-r,-R,--recursive=!recursive
//	                      a flag that sets the named mark (here, recursive)
//	-o,--output:write     an option with a value, and the value's role
//	-m,--message:         an option whose value is data (no role)
//	--prune:=!rewrite(now,all)
//	                      an option whose value sets the mark only when it
//	                      is one of those listed ("*env*": that holds the
//	                      word, in any case)
//	+:shell               "+" with the value attached (vim +CMD, less +CMD)
//	--rawfile::read       an option that takes a name, then a value of that
//	                      role (jq --rawfile NAME FILE)
//
// A value may be attached ("-ofile", "--output=file") or the next word.
// Short flags may be clustered ("-rf"); a cluster ends at the first letter
// that takes a value, the rest of the word being that value.
//
// POSITIONALS give roles to the words that are not options: "N:ROLE" for the
// N-th (from 1), "$:ROLE" for the last of two or more, "*:ROLE" for all
// others, "sub" when the first one names a subcommand, which has its own
// entry ("git push"). Options of the program apply to its subcommands too.
//
// PROPERTIES are space-separated marks of the program itself: "source=KIND"
// (its output is sensitive: environment, secret, image: a container image
// or filesystem, which holds the code and what was baked into it),
// "own-keys" (an entry that adds public keys grants no access when each
// is one of the user's own, ~/.ssh/*.pub: gh ssh-key add),
// "secret-fields=F,G" (the fields of a secret source's output that hold
// its secret though their names do not say so: vault token lookup's id),
// "field-option=OPT" (the option that picks the fields of a secret
// source's item it prints: op item get --fields; printing only fields
// named for no secret prints none),
// "sink=KIND" (what it reads on standard input goes out: network, dns, or
// clipboard, which other programs read and clipboard sync carries off),
// "listen", "interactive" (it
// starts an interactive session when given no script), "args=text" (its
// words are never files), "stdin=upload" (reads standard input and sends it),
// "commands-stdin" (reads its own commands on standard input, one a line:
// bconsole; each is judged as the program given that line's words).
// What a program destroys through its own subcommands is data too:
// "cloud" (a cloud or cluster CLI: any destroying verb among its leading
// words), "destroy-verbs=drop,clean,publish*" (this entry's own verbs; a
// task and its action joined by "+", hex.owner+add, destroy together),
// "destroy=KIND" (the entry always does: docker push, npm publish) and
// "destroy-kind=KIND" (remote, publish or history), with the option marks
// "destroy", "publish" and "rewrite" (docker compose down --volumes, docker
// build --push, git push --force); the mark "prints" is an option whose
// value makes the program print the files it opens (vim -c '%print'); the
// mark "production" is an option that
// confirms a task for production (artisan migrate --force). "serves" marks a program that serves the
// directories it reads to the network ("serves-cwd": the working directory
// when it names none); "code-lang=opaque" an interpreter
// whose code no scanner reads (its code is unknown when it acts), and
// "code-lang=php" (python, ruby, node...) an entry whose code role is read
// in that language as its interpreter's one-liner would be (wp eval,
// rails runner, manage.py shell -c); "stdin-code=php" (ruby, python...)
// a console that runs the code on its standard input, or in the script
// file its exec or code word names, in that language (wp shell, rails
// console, wp eval-file F, drush php:script F); "opens"
// a program whose written files are read as well (a database client's
// database file); "request-items" a client whose operands are HTTPie
// request items (FIELD@FILE sends the file); "rpc-method" a gRPC client
// whose operands name the method it calls (grpcurl HOST:PORT
// SERVICE/METHOD): one named for destroying (DeleteOrder) sent to another
// machine destroys as a DELETE does (effect/rpcmethods.go).
// "build-tasks=release" names a task runner's own tasks that build here
// whatever their names' verbs say (mix release): no production change;
// "publish-tasks=release" the task verbs that hand the build to others
// wherever they point (rake release pushes the gem, lein deploy the jar).
// "store-copy" marks an object store's copy (aws s3 cp, gsutil cp) whose
// last operand, a bucket's URL, is where local files land.
// "db-tasks" marks a framework's task runner whose task names may drop or
// empty a database (rake db:drop:all, manage.py flush); "run-as-script" an
// entry that is also run as a script by an interpreter (python manage.py,
// php artisan, ruby bin/rails), judged by this entry.
// "stages" marks a command that adds the files it names to a repository
// (git add), "records" one that stores its own words or the file it is
// given in one (git commit -m, git notes add, git tag -m; with the
// "stageall" mark, git commit -a, the whole working tree too).
// "method-first" marks a client whose first positional may be a request
// method (http DELETE URL); the positionals are then counted after it.
// "var-args" marks a program whose words name environment variables it
// prints (printenv NAME): one named like a credential makes its output
// sensitive. "secret-args=key=clear" names operands that make the program
// print the secret itself (netsh wlan show profile NAME key=clear).
// "scans-all=-w,-I" marks a scanner that, given no target operand and none
// of those options, probes every address (zmap).
// "destroy-bare" narrows an entry's "destroy" to a run that names no
// operand, or one naming the whole working tree (fossil revert, fossil
// revert .): a run naming files acts on those alone (effect/destroybare.go).
// "edits-secret" marks a tool that decrypts a secret file and hands it to
// the editor its EDITOR (or VISUAL) names: named as a program that prints
// (EDITOR=cat rails credentials:edit), the secret is printed.
// "lists-vars" marks a secret source whose output is variables listed one a
// line, NAME=VALUE (heroku config): a later stage that picks lines by a
// pattern naming no secret, or cuts out the names, prints no value, as with
// the environment itself.
// "sets-vars" marks such a source whose same verb sets and unsets
// variables (gp env NAME=VALUE, gp env -u NAME, the flag marked "sets"):
// then it prints no value, and a variable named for a credential set there
// (gp env NPM_TOKEN=…) changes the account's secrets (effect/setsvars.go).
// "options-file=-K,--config" names options whose value is a file of the
// program's own options, one a line (curl -K FILE): when the line wrote
// the file or feeds it on standard input, what it holds is judged too.
// "unpacks" marks an archive extractor whose destination option (a dest
// role: unzip -d DIR) receives the archive's unseen contents.
// "config-rewrite=KEY,..." names git settings that, set on the line with
// -c KEY=now (or all, 0), rewrite as the entry's rewrite option does (git
// -c gc.pruneExpire=now gc).
// "feeds-shell" marks a program whose shell option's command is fed the
// data it reads on standard input (tar --to-command): a shell or
// interpreter there runs that data.
// "local-dests=oci:,dir:" names the prefixes of a copy's last operand that
// put it on this machine (skopeo copy … oci:./layout): no publish.
// "user-scope=--user" names a machine package manager's options that
// install into the user's own tree instead (flatpak install --user).
// "upgrades-all=update" names a machine package manager's verbs that,
// given no package, bring everything installed up to date without asking
// for root (fwupdmgr update flashes every device's firmware).
// "logins" marks a client that keeps logins for other services (a
// registry client: crane auth get): its leading words are read for a
// printed credential as a cloud CLI's are.
// "url-globs=MARK" marks a client that expands globs in its URLs ({a,b},
// [1-9]) as curl does, unless an option set MARK (curl -g).
// "imports-env=--variable" names options whose value written %NAME
// imports the environment variable NAME into what the command sends.
// "signs=--aws-sigv4>-u,--user" names an option that makes the program
// sign its requests with the key the options after ">" give: given it,
// their values sign and are never sent (curl --aws-sigv4 … --user K:S).
// "proxy-settings=-e,--execute" names options whose value may set a
// proxy as KEY_proxy=HOST (wget -e http_proxy=HOST): HOST is contacted.
// "saves-url-name" marks a downloader that, given no output file, saves
// each URL under its last path segment (wget URL writes ./NAME).
// "rev-paths" marks a command whose operands written REV:PATH name a file
// of the repository, read out of its objects (git show HEAD:.env).
// "patch-paths=-p,--patch" marks a command that, with one of those options
// (or always, "*"), prints the changes made to the paths after "--", so
// their text (git log -p -- .env).
// "rooted-members" marks an archive reader whose operands name members
// from the filesystem's root without the leading slash (borg extract
// REPO::ARCHIVE home/dev/.ssh/id_rsa reads /home/dev/.ssh/id_rsa).
// "unshown-if=MARK,NOT" marks a program that, with the mark MARK set and
// the mark NOT unset, prints nothing of the files it reads (openssl rsa
// -check -noout -in KEY: the key is checked, not shown): its reads are
// uses, not reads into the agent.
// "container-files=SEP" marks a copy out of a container whose source names
// the container, SEP and the file from the container's root (docker cp
// web:/etc/shadow -, SEP ":"; lxc file pull web/etc/shadow -, SEP "/"):
// the file is read as that path, as a command run in the container reads
// it (lxc exec web -- cat /etc/shadow).
// "pickaxe=-S,-G" names the options whose value a history search looks
// for in the changes (git log -S TEXT): printed with a patch option of
// "patch-paths", a pattern naming secret material prints every secret ever
// committed, a scanner's findings (effect.pickaxeFindsSecrets).
// "attaches=-p,--pid" names the options whose value is the id of a running
// process the program attaches to and reads the memory of (a debugger:
// gdb -p); "attaches=*" says its operands are (gcore PID), and a
// position ("2") that the operand there is when it is a number (gdb PROG PID).
// "admin=true" marks a program that changes the host's own configuration
// (network, firewall, mounts, accounts, sudoers, kernel modules);
// "admin=operands" one that does when given an operand, "admin=verbs" one
// that does when a word is among "admin-verbs=W,..."; a word among
// "admin-not=W,..." makes it a check (see effect.hostAdmin).
// "db-files=DIR" says that the first operand names a system database kept
// in a file of that name under DIR (getent shadow reads /etc/shadow).
// "file-uris" marks a CLI that reads an option value written file://F or
// fileb://F from the file F and sends it (the AWS CLI).
// A property written with no value on a subcommand's line (cloud=) clears
// the program's for it: helm show prints a chart's published files, not
// what a cluster keeps.
// "shows=true" marks a subcommand that only shows what another would do
// (helm diff upgrade, a plugin that prints the change helm upgrade would
// make): its other words name that command, which it never runs (see Dry).
// "runs-none=MARK" says that a wrapper, given an option with that mark,
// runs nothing: its operands name a running process to change (taskset
// -p MASK PID, chrt -p PRIO PID).
// "runs-mark=MARK" says that, given an option with that mark, the command
// runs the files it reads (jupyter nbconvert --execute runs the notebooks
// it converts).
// "sub-skip=W,..." names words that may stand before a subcommand and
// name none (gcloud's release tracks: gcloud beta compute ssh); one
// ending in "*" names those that begin so (wp's site aliases: @*).
// "bare-deletes=MARK" says that the command, given no operand and an
// option with that mark, deletes in the directory it runs in as if given
// "." (git clean -f).
// "spares=MARK" says that the command, given an option with that mark,
// deletes none of the operands it otherwise deletes (git rm --cached
// only drops them from the index).
// "repo-text=true" marks a command whose writes put back text the
// repository holds (git checkout REV -- PATH, git restore PATH).
// "exec-ext=app,command" gives a data operand whose name ends in one of
// those extensions the exec role: a file the program runs (open
// Tool.app launches the application, open setup.command runs the script
// in a terminal), while its other operands (a URL, a document) stay data.
// "dashdash-role=ROLE" gives the operands after "--" that role, whatever
// their place (git checkout REV -- PATH: PATH is written from REV).
// "pathspecs" marks a command whose operands are git pathspecs (see
// effect's pathspecScope).
// "url-registry=NAME" names the list of knownpackages.txt (package effect)
// whose repositories a package named by its https URL may come from
// (asdf plugin add NAME URL: the asdf project's own organisations).
// "makes=DIR" names the directory, under the working directory, that a
// build makes again when no option names another (wasm-pack build: pkg):
// that directory deleted earlier on the line is the build's output.
// "offline" marks a program that never contacts another machine: a word
// shaped like a host is a pattern or a file to it (grep example.com).
// "destroy-settings=KEY,..." names settings of the settings table's guard
// and forces kinds that, in force for the command, make it destroy as its
// destroying option does (git clean with clean.requireforce off, git push
// with remote.*.mirror on or a forced remote.*.push refspec).
// "options-anywhere" marks a program that reads its options after its
// operands too, on every system (git): --help or --dry-run anywhere before
// "--" makes it only report (see Dry and the "dry" mark).
// "code-prefix=PROGRAM:WORD,..." names the words with which a program's
// own command (a shell-prefix program's) hands the rest to an embedded
// interpreter, judged as that interpreter's one-liner (PROGRAM -c REST for
// Python, -e for the others): gdb's python, py and pi; several
// interpreters are joined by ";" (vim's py3, lua, perl and ruby).
// "dash-operands=LETTERS" makes a single-dash word of only those letters
// (and a symbolic mode's joiners ,+-=ugoa) an operand, not flags: chmod's
// -x, -rw and -w,+X are modes taken away.
// "options-first" marks a program whose options end at its first operand
// (npx, bunx, uvx: what follows the package's command is that command's,
// as POSIX getopt stops at the first operand).
// "value-writes=MARK:OPT" says that, with the mark, the file OPT names is
// rewritten in place (ssh-keygen -p -f KEY).
// "go-flags" marks a program that parses its options as Go's flag package
// does (nuclei, ffuf): a single-dash word is one option whole, never a
// cluster of letters, and --name is -name.
// "colon-values" marks a program whose long options take their values
// after a colon as well as after "=" (nim --eval:CODE, --out:FILE).
// "sub-else=SUB" says that a first positional naming none of the
// program's subcommands is handled as SUB's first positional: pnpm and
// yarn run a package's program by name (pnpm vitest is pnpm exec vitest).
// "sub-bare=SUB" says that a command with options and no positional at
// all is SUB's (llm -s TEXT, reading its prompt on standard input, is llm
// prompt -s TEXT).
// "names-stdin=FLAG,...,OPT=" says when the program takes the names of the
// files it reads on standard input: with a FLAG among its words (cpio -o,
// zip -@, single letters bundled too), or an option OPT given "-" or
// /dev/stdin (tar -T -, rsync --files-from=-): a listing piped in (find
// ~/.ssh | cpio -o) is then what it reads, as xargs makes it its words.
// "removes-sources" marks a command that deletes what it reads once it
// has sent it (rclone move), as the "removesource" option mark does for
// one option (tar --remove-files, zip -m).
// "stdout-source=KIND" says that the output is sensitive of that kind
// when the output file is "-" (docker cp CONTAINER:PATH - writes the
// container's files to standard output: image).
// "env-options=VAR,..." names environment variables the program reads
// options from (tar's TAR_OPTIONS): set on the line, their words are
// judged as the command's own options; "VAR=OPTION" says the variable's
// whole value is that option's value (curl's http_proxy is --proxy).
// "env-options-at=front" puts those words right after the program's name,
// for a program that reads its own options only before its verb (git's
// GIT_WORK_TREE and GIT_DIR are --work-tree and --git-dir).
//
// A Python module run as a program ("python3 -m MODULE ARGS") is judged
// by the entry named MODULE when there is one (pip), else "python-MODULE"
// (python-http.server).
//
// The roles are the [Role] constants; [Lookup] finds an entry and [Classify]
// assigns every word of a command its role.
package catalog

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Role is what one word of a command is to its program.
type Role uint8

// The roles a word can have.
const (
	None    Role = iota // not yet known: the default for positionals of a known program is Data
	Data                // text: a pattern, a message, a name; never a path
	Read                // a file it reads
	Write               // a file it creates or overwrites
	Delete              // a file or directory it removes (recursively with the recursive mark)
	Chmod               // a file whose mode it changes
	Chown               // a file whose owner it changes
	Exec                // a file it runs as a program or script
	URL                 // a URL or host it contacts
	Remote              // [user@]host[:path]: a remote it contacts, and its path
	Upload              // a file it reads and sends out
	AtFile              // data that names a file to send when it starts with @ (curl -d @f)
	Code                // code for the program's interpreter
	SQL                 // SQL text
	SQLFile             // a file of SQL it reads and runs
	Cd                  // a directory it works in
	Env                 // NAME=VALUE set for what it runs
	Resolve             // curl --resolve / --connect-to: HOST:PORT:ADDR
	Dest                // a directory it writes into (cp -t)
	Command             // the first word of a command it runs: this word and all after it (taskset MASK CMD...)
	Shell               // a string a shell runs (script -c STR)
	Mount               // a host path a container mounts (docker run -v SRC:DST[:ro])
	Package             // a package it fetches and installs or runs (pip install X, npx X)
	Tunnel              // a port it forwards to or from another host (ssh -R, -D)
	Display             // an X display it draws on, maybe another host's (xterm -display)
	Method              // the request method it sends (curl -X DELETE)
)

// roleNames are the roles' names in the table, by role (None has none).
// It is an array the linker lays out: a name is looked up (roleNamed) by
// comparing it with each, no slower than a map for so few, and no table is
// built at start-up or first use.
var roleNames = [...]string{
	Data: "data", Read: "read", Write: "write", Delete: "delete", Chmod: "chmod", Chown: "chown",
	Exec: "exec", URL: "url", Remote: "remote", Upload: "upload", AtFile: "atfile", Code: "code",
	SQL: "sql", SQLFile: "sqlfile", Cd: "cd", Env: "env", Resolve: "resolve", Dest: "dest",
	Command: "command", Shell: "shell", Mount: "mount", Package: "package", Tunnel: "tunnel", Display: "display",
	Method: "method",
}

// roleNamed returns the role the table names name; ok is false for a name
// that is no role's.
func roleNamed(name string) (r Role, ok bool) {
	if name == "" {
		return None, false
	}
	for i, n := range roleNames {
		if n == name {
			return Role(i), true
		}
	}
	return None, false
}

// String is the role's name in the table.
func (r Role) String() string {
	if int(r) < len(roleNames) && roleNames[r] != "" {
		return roleNames[r]
	}
	return "none"
}

// Option is one option of a program.
type Option struct {
	Value bool // it takes a value
	Role  Role // the value's role
	// Named: the option takes a name word before its value (jq --arg NAME
	// VALUE, --rawfile NAME FILE), spelled "::ROLE" in the table.
	Named bool
	Mark  string // the mark a flag sets ("recursive")
	// MarkIf, when set, are the only values (lower case) of an option
	// with a value that set its mark: --prune:=!rewrite(now,all).
	MarkIf []string
}

// Entry is one program or subcommand.
type Entry struct {
	Name    string            // "rm", "git push"
	opts    *optionTable      // by spelling, with dashes ("-o", "--output"); see options
	Nth     map[int]Role      // positional roles by 1-based position
	Last    Role              // role of the last positional when there are two or more
	Rest    Role              // role of other positionals
	Sub     bool              // the first positional names a subcommand
	Props   map[string]string // properties
	props   uint64            // propBit of every key of Props, for Prop
	absent  uint64            // the propBits no key here or above has (noProps: none); 0 unless made from a table line
	noLen   uint64            // the lenBits no key here or above has (all: no key), tested inline by Prop; 0 unless made from a table line
	subs    map[string]*Entry
	parent  *Entry
	line    int
	wrapper bool // it, or a subcommand, runs a command from its words (computed once)
	// tree, of a program's entry: what its line or a subcommand's may
	// set (SummaryOf), summed up as the lines are added
	tree Summary
	// pend, in a lazily parsed catalogue, holds the program's subcommand
	// lines, from which sub makes the entry of a subcommand when it is
	// first looked up (subs is then written under pend.mu).
	pend *pendingAt
}

// SameProgram reports whether two entries are one program's under two
// names, written on one line of the catalogue (kubectl and k).
func (e *Entry) SameProgram(o *Entry) bool {
	return e != nil && o != nil && e.line == o.line && e.line > 0
}

// MayMark reports whether one of the entry's own options may set mark m
// (--clobber=!publish): a quick look at its options field, before a
// classification asks for certain.
func (e *Entry) MayMark(m string) bool {
	if e == nil || e.opts == nil {
		return false
	}
	if t := e.opts; t.summed && len(m) >= 2 && t.marks&markBit(m[0], m[1]) == 0 {
		return false // no mark of the field starts as m does (most fields have none)
	}
	for src := e.opts.src; ; {
		i := strings.IndexByte(src, '!')
		if i < 0 {
			return false
		}
		if src = src[i+1:]; strings.HasPrefix(src, m) {
			return true
		}
	}
}

// Prop returns a property ("" when absent; "true" for a bare mark). A
// subcommand has its program's properties unless it sets its own.
func (e *Entry) Prop(name string) string {
	if e.noLen&(1<<(uint(len(name))&63)) != 0 {
		// No key here or above is as long as name (lenBit): every name
		// for most programs, which have no properties, and many for
		// those that have some. The effects ask about 40 names per
		// command, so this test is inlined at the call, where a constant
		// name makes its bit a constant.
		return ""
	}
	return e.prop(name)
}

// Has reports whether the entry, which may be nil, has the property: Prop
// is not "". (Like Prop, inlined at the call.)
func (e *Entry) Has(name string) bool {
	if e == nil || e.noLen&(1<<(uint(len(name))&63)) != 0 {
		return false
	}
	return e.has(name)
}

// has is Has past its inlined test.
//
//go:noinline
func (e *Entry) has(name string) bool { return e.prop(name) != "" }

// lenBit is a property name's bit in Entry.noLen: its length, modulo
// 64. (Prop writes it out, to stay inlined.)
func lenBit(name string) uint64 { return 1 << (uint(len(name)) & 63) }

// noProps is Entry.absent when no name is a key of the entry or one above.
const noProps = ^uint64(0)

// HasProps reports whether the entry or one above it may have properties:
// when it is false, Prop is "" for every name. A function that asks about
// many names tests it once.
func (e *Entry) HasProps() bool { return e.absent != noProps }

// prop is Prop past its inlined test.
func (e *Entry) prop(name string) string {
	b := propBit(name)
	if e.absent&b != 0 {
		// no key here or above has the bit: one test where the walk up
		// tested each entry (a subcommand is asked some 40 names a command)
		return ""
	}
	return e.propWalk(name, b)
}

// propWalk is prop past its summary's test: the lookup in each entry up
// whose keys may hold name, whose bit is b. (Apart from prop, which is
// then a leaf: most asks end there.)
//
//go:noinline
func (e *Entry) propWalk(name string, b uint64) string {
	for x := e; x != nil; x = x.parent {
		if len(x.Props) == 0 || x.props != 0 && x.props&b == 0 {
			continue // not among the keys: no map lookup (most asks are misses)
		}
		if v, ok := x.Props[name]; ok {
			return v
		}
	}
	return ""
}

// propBit is a property name's bit in Entry.props, a one-word summary of
// an entry's keys: a name whose bit is clear is not a key. (An entry
// whose props are 0 has no summary, and is looked up; one with no Props
// is skipped.) It is made of the name's length and first byte: a few
// instructions for each of the forty-odd names asked per command, and
// over the catalogue's keys a name that is not one passes an entry's
// summary 2.8% of the time (2.1% with the last byte added, which cost
// more than the lookups it saved).
func propBit(name string) uint64 {
	if name == "" {
		return 1
	}
	return 1 << ((uint(len(name)) + uint(name[0])*7) & 63)
}

// optionTable is the OPTIONS field of one table line, shared by the
// entries of the line's subcommands. Its map is made on first use: a
// one-shot process looks up a program's options on the one or two lines of
// the subcommand it runs, while the program's other lines (git has thirty)
// are read for their names only, and a map per line was most of the memory
// the process touched to look one program up.
type optionTable struct {
	src   string // the field
	marks uint64 // markBit of every mark the field sets, when summed
	// summed: marks is the field's summary (0 when it sets no mark); a
	// table made otherwise is read by MayMark from src
	summed bool
	once   sync.Once
	m      map[string]Option
}

// markBit is the bit, in optionTable.marks, of a mark's first two bytes:
// a mark is known by its prefix (MayMark), and two bytes are the least
// the marks asked about start with.
func markBit(a, b byte) uint64 { return 1 << ((uint(a)*7 + uint(b)) & 63) }

// sumMarks returns the marks summary of an OPTIONS field: the markBit of
// the two bytes after each "!".
func sumMarks(src string) uint64 {
	var bits uint64
	for {
		i := strings.IndexByte(src, '!')
		if i < 0 {
			return bits
		}
		src = src[i+1:]
		if len(src) < 2 {
			return noMarks // a mark too short to sum up: read the field
		}
		bits |= markBit(src[0], src[1])
	}
}

// noMarks is a marks summary that rules nothing out.
const noMarks = ^uint64(0)

// newOptionTable returns the table of an OPTIONS field, its map made now
// when eager (a whole parse reports a malformed field here).
func newOptionTable(src string, eager bool) (*optionTable, error) {
	t := &optionTable{src: src, marks: sumMarks(src), summed: true}
	if eager {
		m, err := parseOptions(src)
		if err != nil {
			return nil, err
		}
		t.once.Do(func() { t.m = m })
	}
	return t, nil
}

// options returns the entry's own options by spelling (not its parent's).
func (e *Entry) options() map[string]Option {
	t := e.opts
	if t == nil {
		return nil
	}
	t.once.Do(func() {
		m, err := parseOptions(t.src)
		if err != nil {
			panic(fmt.Sprintf("catalog.txt:%d: %v", e.line, err)) // ruled out by TestEmbeddedParses
		}
		t.m = m
	})
	return t.m
}

// option finds an option by spelling here or in a parent entry.
func (e *Entry) option(name string) (Option, bool) {
	for x := e; x != nil; x = x.parent {
		if o, ok := x.options()[name]; ok {
			return o, true
		}
	}
	return Option{}, false
}

// longPrefix finds a long option by an unambiguous prefix, as GNU tools
// accept ("--rec" for "--recursive").
func (e *Entry) longPrefix(name string) (string, Option, bool) {
	var found string
	var opt Option
	n := 0
	for x := e; x != nil; x = x.parent {
		for k, o := range x.options() {
			if strings.HasPrefix(k, "--") && strings.HasPrefix(k, name) {
				if found != k {
					n++
				}
				found, opt = k, o
			}
		}
	}
	return found, opt, n == 1
}

// Catalog is a parsed table. The embedded one is parsed lazily, one
// program at a time, the first time it is looked up: a one-shot process
// (the hook) pays for the few programs its call names, not the whole table.
type Catalog struct {
	programs map[string]*Entry

	lazy bool
	mu   sync.Mutex
	src  string // the table, for a lazy catalogue
	// parsed is a copy of a lazy catalogue's entries once made (nil for a
	// name not in the table), read without taking mu: every command of
	// every line looks its program up several times, from many goroutines
	// in a long-lived process. It is copied with each name added, up to
	// maxParsed names; past that, names are looked up under mu. Each name
	// has one answer, made once (answers, under mu), which parsed and memo
	// point to.
	parsed  atomic.Pointer[map[string]*answer]
	answers map[string]*answer

	// dryNames, made once from a lazy catalogue's lines, are the programs
	// with an option marked dry on their line or a subcommand's (Dry).
	dryOnce  sync.Once
	dryNames map[string]bool

	// searched counts the names a lazy catalogue has read its lines for;
	// heads index the lines, made for the second (linesFor). Both are
	// held under mu.
	searched int
	heads    lineHeads
	// headWords holds the words of the heads of the lines a lazy
	// catalogue has read (addFor), appended one line after another: a
	// line's words are a clipped slice of it, not an allocation of their
	// own (git's 55 lines were 55 allocations). Held under mu.
	headWords []string
	// built is set for the embedded table when the index of its names
	// built in (builtNames) was made from it.
	built bool

	// memo holds the answers asked for last, in front of parsed: a line's
	// commands ask for the same few programs about five times each (the
	// walk, the effects and the rules each look a program up), and two
	// slots are cheaper to try than a map's hash and probe. A name may
	// sit in either of its two slots; another name taking a slot over
	// costs one map lookup, never an allocation.
	memo [memoSlots]atomic.Pointer[answer]
}

// answer is a lazy catalogue's entry for one name, nil when the table has
// none.
type answer struct {
	name string
	e    *Entry
}

// memoSlots is the size of Catalog.memo (a power of two).
const memoSlots = 512

// memoSlotsOf gives name's two slots in Catalog.memo (from an FNV-1a hash).
func memoSlotsOf(name string) (int, int) {
	h := uint32(2166136261)
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return int(h & (memoSlots - 1)), int(h>>16) & (memoSlots - 1)
}

// maxParsed bounds the names a lazy catalogue's lock-free copy holds.
const maxParsed = 2048

//go:embed catalog.txt
var table string

var (
	once     sync.Once
	embedded *Catalog
)

// Default returns the embedded catalogue. A lookup that reaches a malformed
// line of it panics, which its tests rule out.
func Default() *Catalog {
	once.Do(func() {
		embedded = lazyCatalog(table)
		embedded.built = builtFor(table)
	})
	return embedded
}

// Lookup finds a program's entry by base name (lower case), following
// subcommands among args. It returns the entry and the index in args just
// after the last subcommand name; e is nil for a program not in the table.
func (c *Catalog) Lookup(name string, args []string) (e *Entry, used int) {
	e, used, _, _ = c.lookup(name, args)
	return e, used
}

// lookup is Lookup that also gives the indices of the subcommand names
// followed and, as a mask (of the first 64 words), of the words sub-skip
// stepped over (gcloud beta, drush @prod): neither is an operand.
func (c *Catalog) lookup(name string, args []string) (e *Entry, used int, subs []int, skipped uint64) {
	e = c.entry(name)
	if e == nil {
		return nil, 0, nil, 0
	}
	// Subcommands: skip the program's own options, then take the first
	// positional as the subcommand name when it has an entry.
	for e.Sub && e.hasSubs() {
		i := e.skipOptions(args, used)
		if i >= len(args) {
			// "sub-bare=prompt": options alone are that subcommand's
			// (llm -s TEXT prompts as llm prompt -s TEXT does).
			if bare := e.Props["sub-bare"]; bare != "" {
				if alt := e.sub(bare); alt != nil {
					e, used = alt, i
				}
			}
			break
		}
		if skip := e.Props["sub-skip"]; skip != "" && i+1 < len(args) && skipsWord(skip, args[i]) {
			// gcloud beta compute ssh: a release track before the
			// subcommand names no subcommand of its own.
			used = i + 1
			if i < 64 {
				skipped |= 1 << uint(i)
			}
			continue
		}
		sub := e.sub(args[i])
		if sub == nil {
			// "sub-else=exec": a word naming none of the subcommands is
			// run the way that subcommand runs its first positional
			// (pnpm vitest is pnpm exec vitest).
			if alt := e.sub(e.Props["sub-else"]); alt != nil {
				e, used = alt, i
			}
			break
		}
		e, used = sub, i+1
		subs = append(subs, i)
	}
	return e, used, subs, skipped
}

// skipOptions returns the index of the first positional at or after i.
func (e *Entry) skipOptions(args []string, i int) int {
	for i < len(args) {
		a := args[i]
		if a == "--" {
			return i + 1
		}
		if len(a) < 2 || a[0] != '-' {
			return i
		}
		o, ok := e.option(a)
		if !ok && strings.HasPrefix(a, "--") {
			if k := strings.IndexByte(a, '='); k > 0 {
				i++
				continue
			}
			_, o, ok = e.longPrefix(a)
		}
		if ok && o.Value && !strings.Contains(a, "=") {
			i += 2
			if o.Named {
				i++
			}
			continue
		}
		i++
	}
	return i
}

// lazyCatalog returns a catalogue of src that reads nothing up front:
// entries are found and parsed by entry, a lookup scanning the lines' names,
// which costs less than building an index a one-shot process would consult
// for a handful of programs. src must be well formed, which for the embedded
// table its tests check whole (TestEmbeddedParses parses every line, and
// TestLazyMatchesParse finds every program of that parse here, so a line
// whose names this scan cannot read fails there).
func lazyCatalog(src string) *Catalog {
	return &Catalog{programs: map[string]*Entry{}, answers: map[string]*answer{}, lazy: true, src: src}
}

// eachLine calls f with the number (from 1) and the trimmed text of each
// line of src that is neither blank nor a comment, until f returns false.
func eachLine(src string, f func(n int, line string) bool) {
	for n := 1; src != ""; n++ {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if !f(n, line) {
			return
		}
	}
}

// names reports whether the head of a table line (its names, before the
// first space) includes name.
func names(line, name string) bool {
	head, _, _ := strings.Cut(line, " ")
	for len(head) >= len(name) {
		n, rest, _ := strings.Cut(head, ",")
		if n == name {
			return true
		}
		if rest == "" {
			break
		}
		head = rest
	}
	return false
}

// linesNaming calls f, in order, with the number and trimmed text of each
// line of src that eachLine would give and whose names include name. It
// finds the lines by searching src for name, so a lookup reads only the few
// lines that mention it instead of cutting and trimming all of them.
func linesNaming(src, name string, f func(n int, line string)) {
	if name == "" {
		eachLine(src, func(n int, line string) bool {
			if names(line, name) {
				f(n, line)
			}
			return true
		})
		return
	}
	n, at := 1, 0 // src[at:] starts line n
	for i := 0; i < len(src); {
		k := strings.Index(src[i:], name)
		if k < 0 {
			return
		}
		k += i
		i = k + 1
		// A name of the line's head starts the trimmed line or follows a
		// comma, and ends the head or meets a comma; anywhere else the
		// line may still name it further on.
		if k > 0 && !headEdge(src[k-1]) || k+len(name) < len(src) && !headEdge(src[k+len(name)]) {
			continue
		}
		start := strings.LastIndexByte(src[:k], '\n') + 1
		end := len(src)
		if e := strings.IndexByte(src[k:], '\n'); e >= 0 {
			end = k + e
		}
		line := strings.TrimSpace(src[start:end])
		if line == "" || line[0] == '#' || !names(line, name) {
			continue
		}
		n += strings.Count(src[at:start], "\n")
		at = start
		f(n, line)
		i = end // one call per line
	}
}

// headEdge reports whether b may stand next to a name in a line's head: a
// comma, ASCII white space, or a byte of a multi-byte character (which
// strings.TrimSpace may remove as white space).
func headEdge(b byte) bool {
	switch b {
	case ',', ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return b >= 0x80
}

// lineHeads index a table's lines by the names in their heads: a lookup
// reads only the lines whose summary admits the name. Searching the whole
// text for a name (linesNaming) reads it at some 2 to 16 instructions a
// byte: the fewer the times it meets the name's first byte, the faster,
// so that a name such as git is found in 170k instructions, but one that
// is also a common part of words (env, sh, rm) is met a hundred times in
// options and properties (1.7M instructions for env). Making the index
// reads every line once (about 400k); a lazy catalogue searches for the
// first name it is asked (most processes ask one) and indexes its lines
// for the second (Catalog.linesFor).
type lineHeads []lineHead

// lineHead is one line that eachLine gives: where it starts in the table,
// and a summary of the names in its head (headBits).
type lineHead struct {
	at   uint32
	bits uint32
}

// headBit is a cheap one-bit summary of a program name (its length and end
// bytes): a line whose summary lacks a name's bit does not name it.
func headBit(name string) uint32 {
	if name == "" {
		return 1
	}
	return 1 << ((uint(len(name)) + uint(name[0])*7 + uint(name[len(name)-1])*31) & 31)
}

// indexLines reads src's lines once, as eachLine gives them, noting where
// each starts and the summary of the names in its head (as names reads
// the head: up to the first space, split at commas). A line that starts
// with a printable ASCII byte, as the table's lines do, is read byte by
// byte up to its head's end; any other is trimmed as eachLine trims it.
func indexLines(src string) lineHeads {
	heads := make(lineHeads, 0, strings.Count(src, "\n")+1)
	for at := 0; at < len(src); {
		var bits uint32
		var end int
		if b := src[at]; b > ' ' && b < 0x80 {
			if b == '#' {
				at = lineEnd(src, at) + 1
				continue
			}
			i, seg := at, at
			for ; i < len(src) && src[i] != ' ' && src[i] != '\n'; i++ {
				if src[i] == ',' {
					bits |= headBit(src[seg:i])
					seg = i + 1
				}
			}
			if i < len(src) && src[i] == ' ' {
				bits |= headBit(src[seg:i])
				end = lineEnd(src, i)
			} else {
				end = i // no space: the head is the whole line, less white space at its end
				bits = headBits(strings.TrimSpace(src[at:end]))
			}
		} else {
			end = lineEnd(src, at)
			line := strings.TrimSpace(src[at:end])
			if line == "" || line[0] == '#' {
				at = end + 1
				continue
			}
			head, _, _ := strings.Cut(line, " ")
			bits = headBits(head)
		}
		heads = append(heads, lineHead{at: uint32(at), bits: bits})
		at = end + 1
	}
	return heads
}

// headBits is the summary of the names in a line's head.
func headBits(head string) uint32 {
	var bits uint32
	for {
		name, rest, more := strings.Cut(head, ",")
		bits |= headBit(name)
		if !more {
			return bits
		}
		head = rest
	}
}

// lineEnd returns the index of the newline that ends the line holding
// src[i], or len(src).
func lineEnd(src string, i int) int {
	if e := strings.IndexByte(src[i:], '\n'); e >= 0 {
		return i + e
	}
	return len(src)
}

// naming calls f, in order, with the number and trimmed text of each line
// of src (the table h indexes) whose names include name.
func (h lineHeads) naming(src, name string, f func(n int, line string)) {
	bit := headBit(name)
	n, at := 1, 0 // src[at:] starts line n
	for _, l := range h {
		if l.bits&bit == 0 {
			continue
		}
		start := int(l.at)
		end := len(src)
		if e := strings.IndexByte(src[start:], '\n'); e >= 0 {
			end = start + e
		}
		line := strings.TrimSpace(src[start:end])
		if !names(line, name) {
			continue
		}
		n += strings.Count(src[at:start], "\n")
		at = start
		f(n, line)
	}
}

// linesFor calls f with the lines naming name, as linesNaming does: for
// the embedded table, through its index of names built in (builtNaming);
// for another, by searching the table for the first name asked, and
// through the lines' index (made then) for every name after it. The
// caller holds mu.
func (c *Catalog) linesFor(name string, f func(n int, line string)) {
	if c.built && name != "" {
		builtNaming(c.src, name, f)
		return
	}
	c.searched++
	if c.searched == 1 {
		linesNaming(c.src, name, f)
		return
	}
	if c.heads == nil {
		c.heads = indexLines(c.src)
	}
	c.heads.naming(c.src, name, f)
}

// entry returns a program's parsed entry, parsing its lines on first use.
func (c *Catalog) entry(name string) *Entry {
	if !c.lazy {
		if e := c.programs[name]; e != nil || strings.HasSuffix(name, "*") {
			return e
		}
		for k := strings.LastIndexByte(name, '-'); k > 0; k = strings.LastIndexByte(name[:k], '-') {
			if e := c.programs[name[:k+1]+"*"]; e != nil && k+1 < len(name) {
				return e
			}
		}
		return nil
	}
	i, j := memoSlotsOf(name)
	if a := c.memo[i].Load(); a != nil && a.name == name {
		return a.e
	}
	if a := c.memo[j].Load(); a != nil && a.name == name {
		return a.e
	}
	a := c.answer(name)
	if a.e == nil {
		if e := c.familyEntry(name); e != nil {
			a = &answer{name: name, e: e}
		}
	}
	if c.memo[i].Load() == nil {
		c.memo[i].Store(a)
	} else {
		c.memo[j].Store(a)
	}
	return a.e
}

// familyEntry returns the entry of the family a name the table does not
// name belongs to: the longest "PREFIX-*" line whose prefix, up to a
// dash, begins the name (docker-credential-gcr is docker-credential-*).
func (c *Catalog) familyEntry(name string) *Entry {
	if strings.HasSuffix(name, "*") {
		return nil
	}
	for k := strings.LastIndexByte(name, '-'); k > 0; k = strings.LastIndexByte(name[:k], '-') {
		if k+1 < len(name) {
			if a := c.answer(name[:k+1] + "*"); a.e != nil {
				return a.e
			}
		}
	}
	return nil
}

// answer is entry without the memo.
func (c *Catalog) answer(name string) *answer {
	if m := c.parsed.Load(); m != nil {
		if a, ok := (*m)[name]; ok {
			return a
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a, ok := c.answers[name]; ok {
		return a
	}
	if c.built && name != "" {
		if n, err := c.addBuilt(name); err != nil {
			panic(fmt.Sprintf("catalog.txt:%d: %v", n, err)) // ruled out by TestEmbeddedParses
		}
	} else {
		c.linesFor(name, func(n int, line string) {
			if err := c.addFor(line, n, name); err != nil {
				panic(fmt.Sprintf("catalog.txt:%d: %v", n, err)) // ruled out by TestEmbeddedParses
			}
		})
	}
	e := c.programs[name]
	if e != nil {
		e.wrapper = e.wraps()
	}
	c.programs[name] = e
	a := &answer{name: name, e: e}
	c.answers[name] = a
	if len(c.answers) <= maxParsed {
		m := make(map[string]*answer, len(c.answers))
		for k, v := range c.answers {
			m[k] = v
		}
		c.parsed.Store(&m)
	}
	return a
}

// Parse reads a table in the format of the package doc.
func Parse(src string) (*Catalog, error) {
	c := &Catalog{programs: map[string]*Entry{}}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := c.add(line, n+1); err != nil {
			return nil, fmt.Errorf("catalog.txt:%d: %w", n+1, err)
		}
	}
	for _, e := range c.programs {
		e.wrapper = e.wraps()
	}
	return c, nil
}

func (c *Catalog) add(line string, n int) error { return c.addFor(line, n, "") }

// addFor adds a line's entries, only for program only when it is set. A
// one-shot process parses the lines of the one or two programs it looks up,
// so this allocates little: the fields are cut, not split, the maps are
// made at their size (Nth and Props only when the line has any), and the
// entries of a line's subcommands share one allocation.
func (c *Catalog) addFor(line string, n int, only string) error {
	if only != "" {
		// A subcommand line of the embedded table: its facts and the
		// number of its head's words are built in (builtFacts), and
		// its fields are not read now.
		if fa, ok := c.builtFactsOf(n); ok && fa.heads > 1 {
			head, _, _ := strings.Cut(line, "|")
			return c.addPending(only, afterFirstWord(head), int(fa.heads)-1, line, n, fa)
		}
	}
	head, rest, _ := strings.Cut(line, "|")
	options, rest, _ := strings.Cut(rest, "|")
	positionals, props, ok := strings.Cut(rest, "|")
	if !ok || strings.Contains(props, "|") {
		return fmt.Errorf("want 4 fields separated by |, have %d", strings.Count(line, "|")+1)
	}
	var heads []string
	if only != "" {
		heads, c.headWords = appendFields(c.headWords, head)
	} else {
		heads = strings.Fields(head)
	}
	if len(heads) == 0 {
		return fmt.Errorf("no program name")
	}
	if only != "" && len(heads) > 1 {
		return c.addPending(only, afterFirstWord(head), len(heads)-1, line, n, c.factsOf(n, options, positionals, props))
	}
	e, err := lineEntry(n, options, positionals, props, only == "")
	if err != nil {
		return err
	}
	e.tree = Summary{props: e.props, marks: e.opts.marks}
	var names []string
	if only != "" {
		names = []string{only}
	} else {
		names = uniq(strings.Split(heads[0], ","))
	}
	if len(heads) == 1 {
		for _, name := range names {
			if c.programs[name] != nil {
				return fmt.Errorf("program %q listed twice", name)
			}
			x := *e
			x.Name = name
			c.programs[name] = &x
		}
		return nil
	}
	// A subcommand: attach to every alias of the program.
	last := heads[len(heads)-1]
	nsubs := strings.Count(last, ",") + 1
	for _, name := range names {
		parent := c.programs[name]
		if parent == nil {
			return fmt.Errorf("subcommand of %q before its program", name)
		}
		parent.tree.add(e.props, e.opts.marks) // (a program's summary covers its subcommands')
		for _, s := range heads[1 : len(heads)-1] {
			next := parent.subs[s]
			if next == nil {
				return fmt.Errorf("subcommand %q of %q before its parent", s, parent.Name)
			}
			parent = next
		}
		if parent.subs == nil {
			parent.subs = make(map[string]*Entry, nsubs)
		}
		subs := make([]Entry, nsubs)
		full := subcommandNames(parent.Name, last, nsubs)
		i := 0
		for sub := range strings.SplitSeq(last, ",") {
			if parent.subs[sub] != nil {
				return fmt.Errorf("subcommand %q of %q listed twice", sub, parent.Name)
			}
			x := &subs[i]
			*x = *e
			x.Name, full = nextName(full, parent.Name, sub)
			x.setParent(parent)
			parent.subs[sub] = x
			i++
		}
		parent.Sub = true
	}
	return nil
}

// addPending keeps a lazy catalogue's subcommand line of program only as
// text until one of its subcommands is looked up (Entry.sub): heads are
// the depth words of its head after the program's name, fa its facts.
func (c *Catalog) addPending(only, heads string, depth int, line string, n int, fa lineFacts) error {
	parent := c.programs[only]
	if parent == nil {
		return fmt.Errorf("subcommand of %q before its program", only)
	}
	if parent.pend == nil {
		parent.pend = &pendingAt{subs: &pendingSubs{}}
	}
	parent.tree.add(fa.props, fa.marks)
	parent.pend.subs.lines = append(parent.pend.subs.lines, pendingLine{
		heads: heads, depth: depth, line: line, n: n,
		wraps: fa.wraps, runsAfter: fa.runsAfter,
	})
	parent.Sub = true
	return nil
}

// appendFields appends the fields of s, as strings.Fields splits them, to
// buf, and returns them (a slice of buf with no room past them, so that
// appending to it never writes into buf) and buf. When buf has no room,
// the fields go to a new array, from which later fields are then cut;
// slices returned before keep the array they were cut from.
func appendFields(buf []string, s string) (fields, rest []string) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf { // a space of another script: as strings.Fields reads it
			f := strings.Fields(s)
			start := len(buf)
			buf = append(buf, f...)
			return buf[start:len(buf):len(buf)], buf
		}
	}
	if cap(buf)-len(buf) < 8 {
		buf = make([]string, 0, max(64, 2*cap(buf)))
	}
	start := len(buf)
	for i := 0; i < len(s); {
		for i < len(s) && asciiSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !asciiSpace(s[j]) {
			j++
		}
		if j > i {
			buf = append(buf, s[i:j])
		}
		i = j
	}
	return buf[start:len(buf):len(buf)], buf
}

// asciiSpace reports the ASCII bytes strings.Fields splits at.
func asciiSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r'
}

// Summary is what a program's lines, its own and its subcommands', may
// set: a caller that asks about a few properties or marks of whatever
// entry Lookup gives rules them out first with one look at the program
// (most programs set none of them), and skips the subcommand lookup.
type Summary struct {
	props uint64 // propBit of every key the lines set
	marks uint64 // markBit of every mark their OPTIONS fields set (sumMarks)
}

// add sums up one more line's keys and marks.
func (s *Summary) add(props, marks uint64) {
	s.props |= props
	s.marks |= marks
}

// MayHave reports whether an entry of the program may have property key:
// false when no line of the program's sets it.
func (s Summary) MayHave(key string) bool { return s.props&propBit(key) != 0 }

// MayMark reports whether an option of an entry of the program may set
// mark m: false when no line of the program's sets a mark starting as m
// does.
func (s Summary) MayMark(m string) bool {
	return len(m) < 2 || s.marks&markBit(m[0], m[1]) != 0
}

// SummaryOf returns the summary of a program's lines; a program not in
// the catalogue has nothing (its entry is nil).
func (c *Catalog) SummaryOf(name string) Summary {
	if e := c.entry(name); e != nil {
		return e.tree
	}
	return Summary{}
}

// propsBits returns the propBit of every key of a PROPERTIES field.
func propsBits(props string) uint64 {
	var bits uint64
	for p := range strings.FieldsSeq(props) {
		k, _, _ := strings.Cut(p, "=")
		bits |= propBit(k)
	}
	return bits
}

// lineEntry makes the entry of a line's OPTIONS, POSITIONALS and
// PROPERTIES fields, its option map made now when eager.
func lineEntry(n int, options, positionals, props string, eager bool) (*Entry, error) {
	e := &Entry{line: n}
	var lens uint64 // lenBit of every key
	opts, err := newOptionTable(options, eager)
	if err != nil {
		return nil, err
	}
	e.opts = opts
	if err := e.parsePositionals(positionals); err != nil {
		return nil, err
	}
	for p := range strings.FieldsSeq(props) {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			v = "true"
		}
		if e.Props == nil {
			e.Props = make(map[string]string, strings.Count(props, " ")+1)
		}
		e.Props[k] = v
		e.props |= propBit(k)
		lens |= lenBit(k)
	}
	e.absent, e.noLen = ^e.props, ^lens
	return e, nil
}

// setParent makes parent the entry above e (a subcommand's program), and
// e's summary of keys cover parent's.
func (e *Entry) setParent(parent *Entry) {
	e.parent = parent
	e.absent &= parent.absent
	e.noLen &= parent.noLen
}

// subcommandNames returns "PROGRAM SUB PROGRAM SUB2 ...", the full names
// of a comma-separated list of subcommands in one string, for nextName to
// cut: one allocation for a line's names (a one-shot process reads every
// line of the program it looks up, git's thirty among them).
func subcommandNames(program, list string, n int) string {
	var b strings.Builder
	b.Grow(n*(len(program)+1) + len(list))
	for sub := range strings.SplitSeq(list, ",") {
		b.WriteString(program)
		b.WriteByte(' ')
		b.WriteString(sub)
	}
	return b.String()
}

// nextName cuts the next full name, "PROGRAM SUB", from the front of all
// (made by subcommandNames).
func nextName(all, program, sub string) (name, rest string) {
	n := len(program) + 1 + len(sub)
	return all[:n], all[n:]
}

// parseOptions reads a line's OPTIONS field.
func parseOptions(field string) (map[string]Option, error) {
	n := strings.Count(field, ",") // spellings: one per word, one more per comma
	for range strings.FieldsSeq(field) {
		n++
	}
	opts := make(map[string]Option, n)
	for w := range strings.FieldsSeq(field) {
		spell, rest := w, ""
		var o Option
		if i := strings.IndexAny(w, ":="); i >= 0 {
			spell, rest = w[:i], w[i:]
		}
		if i := strings.Index(rest, "=!"); i > 0 && strings.HasPrefix(rest, ":") {
			o.Mark, rest = rest[i+2:], rest[:i]
			if m, vals, ok := strings.Cut(o.Mark, "("); ok && strings.HasSuffix(vals, ")") {
				o.Mark, o.MarkIf = m, strings.Split(strings.TrimSuffix(vals, ")"), ",")
			}
		}
		if strings.HasPrefix(rest, "::") {
			o.Named, rest = true, rest[1:]
		}
		switch {
		case strings.HasPrefix(rest, ":"):
			o.Value = true
			o.Role = Data
			if r := rest[1:]; r != "" {
				role, ok := roleNamed(r)
				if !ok {
					return nil, fmt.Errorf("option %s: unknown role %q", spell, r)
				}
				o.Role = role
			}
		case strings.HasPrefix(rest, "=!"):
			o.Mark = rest[2:]
		case rest != "":
			return nil, fmt.Errorf("option %q: want :ROLE or =!MARK", w)
		}
		for s := range strings.SplitSeq(spell, ",") {
			if !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "+") {
				return nil, fmt.Errorf("option %q does not start with -", s)
			}
			opts[s] = o
		}
	}
	return opts, nil
}

// parsePositionals reads a line's POSITIONALS field.
func (e *Entry) parsePositionals(field string) error {
	for w := range strings.FieldsSeq(field) {
		if w == "sub" {
			e.Sub = true
			continue
		}
		pos, r, ok := strings.Cut(w, ":")
		role, known := roleNamed(r)
		if !ok || !known {
			return fmt.Errorf("positional %q: want N:ROLE, $:ROLE, *:ROLE or sub", w)
		}
		switch pos {
		case "*":
			e.Rest = role
		case "$":
			e.Last = role
		default:
			n, err := strconv.Atoi(pos)
			if err != nil || n < 1 {
				return fmt.Errorf("positional %q: bad position", w)
			}
			if e.Nth == nil {
				e.Nth = make(map[int]Role, 2)
			}
			e.Nth[n] = role
		}
	}
	return nil
}

// uniq drops repeated names from one line's alias list.
func uniq(names []string) []string {
	out := names[:0]
	seen := map[string]bool{}
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// listed reports whether w is one of the comma-separated words of list.
// skipsWord reports whether w is in a sub-skip list: named, or begun as
// an entry ending in "*" begins ("@*": @production).
func skipsWord(list, w string) bool {
	for t := range strings.SplitSeq(list, ",") {
		if p, ok := strings.CutSuffix(t, "*"); ok && p != "" && len(w) > len(p) && strings.HasPrefix(w, p) || t == w {
			return true
		}
	}
	return false
}

func listed(list, w string) bool {
	for t := range strings.SplitSeq(list, ",") {
		if t == w {
			return true
		}
	}
	return false
}

// Spellings returns the spellings the entry (or a parent) gives the option
// named, itself among them: "-i" of ttyd's "-i,--interface:" gives -i and
// --interface. An option the entry does not list gives nil. The field is
// read as written, so it is for rare questions, not for every word.
func (e *Entry) Spellings(name string) []string {
	for x := e; x != nil; x = x.parent {
		if x.opts == nil {
			continue
		}
		for _, tok := range strings.Fields(x.opts.src) {
			if i := strings.IndexAny(tok, ":="); i >= 0 {
				tok = tok[:i]
			}
			names := strings.Split(tok, ",")
			for _, n := range names {
				if n == name {
					return names
				}
			}
		}
	}
	return nil
}
