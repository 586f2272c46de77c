package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A change whose destination is this machine. A cloud CLI pointed at an
// emulator (aws --endpoint-url http://localhost:4566: LocalStack, MinIO,
// DynamoDB Local) deletes what the emulator holds, as awslocal does; an
// image pushed to a registry on this machine (docker push
// localhost:5000/api:dev) or a package published to a registry here (npm
// publish --registry http://localhost:4873) is published to no one. Any
// destination that is another machine's, or a line that opens a port
// leading to another machine (ssh -L, kubectl port-forward: forwards),
// makes the change what it would otherwise be.

// endpointOptions are the options by which a cloud CLI is pointed at
// another API endpoint than its service's.
var endpointOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("--endpoint-url --endpoint --endpoint_url --s3-endpoint-url")
}}

// publishDestinations are the options that name where a publish goes: a
// package registry, a repository's or an index's URL.
var publishDestinations = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("--registry --repository-url --index-url --index --source")
}}

// imageTools are the programs whose operands and -t/--tag values are image
// references, each naming the registry it is pushed to (docker push
// localhost:5000/api, docker buildx build -t api:dev --push: Docker
// Hub's; cosign sign and attest push a signature or attestation beside
// the image they name). Other publishers' operands are packages, files or verbs (lerna
// publish from-package, twine upload dist/*, npm unpublish @acme/core@1.4.0)
// and their --tag a label inside the registry (npm publish --tag next):
// none of them says where the publish goes.
var imageTools = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("docker podman nerdctl finch buildah crane skopeo regctl oras ko cosign")
}}

// imageTagOptions are the options by which an image tool names the image
// it builds and pushes.
var imageTagOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-t --tag")
}}

// imageExportOptions are the options by which an image tool exports what
// it builds elsewhere than to its own store: an output or a cache, whose
// value is a list of key=value fields naming the image (name=, ref=) it
// is pushed as when the type is a registry (--output
// type=registry,name=ghcr.io/acme/api, --cache-to
// type=registry,ref=localhost:5000/cache).
var imageExportOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-o --output --cache-to --set")
}}

// exportedImages appends to hosts the registry of each image an export
// option's value names (name=REF, name="A,B", ref=REF).
func exportedImages(hosts []string, v string) []string {
	for _, f := range exportFields(v) {
		k, refs, ok := strings.Cut(f, "=")
		if !ok || k != "name" && k != "ref" {
			continue
		}
		for r := range strings.SplitSeq(strings.Trim(refs, `"`), ",") {
			if h, ok := imageRegistry(r); ok {
				hosts = append(hosts, h)
			}
		}
	}
	return hosts
}

// exportsToRegistry reports an export option's value that pushes to a
// registry (type=registry, push=true).
func exportsToRegistry(v string) bool {
	v = strings.ToLower(v)
	return strings.Contains(v, "type=registry") || strings.Contains(v, "push=true")
}

// exportFields splits an export option's value at its commas, outside
// double quotes (type=image,"name=a,b",push=true).
func exportFields(v string) []string {
	var out []string
	start, quoted := 0, false
	for k := 0; k < len(v); k++ {
		switch v[k] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, strings.Trim(v[start:k], `"`))
				start = k + 1
			}
		}
	}
	return append(out, strings.Trim(v[start:], `"`))
}

// publishProperties are the build properties (-DNAME=VALUE) that name the repository a
// Maven deploy goes to, instead of the one the project's pom names.
var publishProperties = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("altDeploymentRepository altReleaseDeploymentRepository altSnapshotDeploymentRepository")
}}

// publishVariables are the variables that name the registry a publish
// goes to, for the publisher and whatever it runs (npm_config_registry
// for npm publish under changeset or lerna, TWINE_REPOSITORY_URL).
var publishVariables = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("NPM_CONFIG_REGISTRY YARN_NPM_REGISTRY_SERVER YARN_NPM_PUBLISH_REGISTRY YARN_REGISTRY TWINE_REPOSITORY_URL UV_PUBLISH_URL KO_DOCKER_REPO")
}}

// koLocal spells ko's names for this machine's own image stores as a host
// here: KO_DOCKER_REPO=ko.local loads what ko builds into the Docker
// daemon, kind.local into a kind cluster's nodes; any other value is the
// registry it pushes to.
func koLocal(v string) string {
	repo, _, _ := strings.Cut(strings.Trim(v, `"'`), "/")
	if repo == "ko.local" || repo == "kind.local" {
		return "localhost"
	}
	return v
}

// endpointHere reports whether command i of res, a cloud CLI's, is
// pointed, by the settings it reads (targetsettings.go: its endpoint
// options, its variables set on the line, a storage connection string),
// only at this machine, on a line that opens no port to another machine.
func endpointHere(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if emulatorCLIs.Get(c.Name) {
		// awslocal, tflocal: the tool they wrap (the catalogue's alias),
		// aimed at the emulator here unless a variable or an endpoint
		// option moves them (awslocal --endpoint-url
		// https://s3.amazonaws.com is aws)
		return emulatorHere(res, i) && !forwardsOnLine(res)
	}
	hosts, conns, _ := endpointTargets(res, i)
	if aliasStoreClients.Get(c.Name) {
		// mc rb --force local/scratch: the server its aliases stand for
		// (storealias.go)
		urls, ok := storeAliasTargets(res, c)
		if !ok {
			return false
		}
		hosts = append(hosts, urls...)
	}
	if len(hosts)+len(conns) == 0 || len(hosts) > 0 && !allHere(hosts) {
		return false
	}
	for _, v := range conns {
		if !connStringHere(v) {
			return false
		}
	}
	return !forwardsOnLine(res)
}

// publishesHere reports whether a publish's every destination (the
// options and variables naming a registry, the URLs among its operands,
// and an image tool's tags and image references) is a registry on this
// machine, on a line that opens no port to another machine. A publish
// that names no destination goes to the registry's default, another
// machine's.
func publishesHere(res *shell.Result, i int, cl *catalog.Classified) bool {
	c := &res.Commands[i]
	// (ko's operands are Go import paths and its -t values tags: where it
	// pushes is KO_DOCKER_REPO's, below)
	image := imageTools.Get(c.Name) && c.Name != "ko"
	hosts := optionValues(c.Args, publishDestinations.Get)
	if image {
		// --output type=registry,name=ghcr.io/acme/api: where the export
		// goes; the tags are pushed too with --push, or as the names of
		// an export to a registry that names none
		var named []string
		dropTags := !hasFlag(c.Args, "--push") // false: the tags are pushed
		for _, v := range optionValues(c.Args, imageExportOptions.Get) {
			n := len(named)
			if named = exportedImages(named, v); len(named) == n && exportsToRegistry(v) {
				dropTags = false
			}
		}
		if !dropTags || len(named) == 0 {
			hosts = append(hosts, optionValues(c.Args, imageTagOptions.Get)...)
		}
		hosts = append(hosts, named...)
	}
	for _, as := range carriedAssigns(res, i) {
		// (its own, and those of the wrappers it runs behind:
		// npm_config_registry=… npx changeset publish)
		if k, v, ok := strings.Cut(as, "="); ok && publishVariables.Get(strings.ToUpper(k)) {
			hosts = append(hosts, koLocal(v))
		}
	}
	refs, limit := 0, imageRefOperands(c)
	for _, w := range cl.Words {
		if k, v, ok := strings.Cut(w.Text, "="); ok && publishProperties.Get(strings.TrimPrefix(k, "-D")) {
			// -DaltDeploymentRepository=ID::URL (older Maven: ID::LAYOUT::URL)
			hosts = append(hosts, v[strings.LastIndex(v, "::")+len("::"):])
			continue
		}
		if w.Option != "" || w.Role == catalog.Command || limit > 0 && refs == 0 && orasVerbs.Get(w.Text) > 0 {
			continue
		}
		if strings.Contains(w.Text, "://") {
			hosts = append(hosts, w.Text) // helm push chart.tgz oci://localhost:5000/charts
		} else if h, ok := imageRegistry(w.Text); ok && image && (limit == 0 || refs < limit) {
			hosts = append(hosts, h)
			refs++
		}
	}
	return allHere(hosts) && !forwardsOnLine(res)
}

// imageRefOperands gives how many of an image tool's operands are image
// references when the rest are files it pushes (oras push REF FILE…,
// oras attach REF FILE…: one; oras cp SRC DST: two), 0 when every operand
// is a reference.
func imageRefOperands(c *shell.Command) int {
	if c.Name != "oras" || len(c.Args) == 0 {
		return 0
	}
	for _, a := range c.Args {
		if n, ok := orasVerbs.Lookup(a); ok {
			return n
		}
	}
	return 0
}

// orasVerbs are oras's verbs that push, by how many of their operands are
// image references.
var orasVerbs = table.Map[string, int]{Build: func() map[string]int {
	return map[string]int{"push": 1, "attach": 1, "cp": 2, "copy": 2}
}}

// optionValues returns the values of the options opt accepts, given as
// --opt=value or --opt value, up to a "--".
func optionValues(args []string, opt func(string) bool) []string {
	var out []string
	for k := 0; k < len(args); k++ {
		a := args[k]
		if a == "--" {
			break
		}
		name, v, eq := strings.Cut(a, "=")
		if !opt(name) {
			continue
		}
		if !eq {
			if k+1 >= len(args) {
				out = append(out, "")
				continue
			}
			k++
			v = args[k]
		}
		out = append(out, v)
	}
	return out
}

// imageRegistry returns the host of the registry an image reference names
// (localhost:5000/api:dev: localhost; ghcr.io/acme/api: ghcr.io; api:dev:
// Docker Hub's), and whether the word reads as an image reference at all
// (a path, a URL or an option's text does not).
func imageRegistry(ref string) (string, bool) {
	ref = strings.Trim(ref, `"'`)
	if ref == "" || strings.ContainsAny(ref, " =$`") || strings.HasPrefix(ref, ".") || strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "~") || strings.Contains(ref, "://") {
		return "", false
	}
	first, _, hasPath := strings.Cut(ref, "/")
	if hasPath && (strings.ContainsAny(first, ".:") || first == "localhost" || strings.HasPrefix(first, "[")) {
		return "http://" + first, true
	}
	return "https://docker.io", true
}

// allHere reports whether there is at least one destination and every one
// is this machine (loopback, by name or address, or a file: URL of a
// directory here).
func allHere(hosts []string) bool {
	if len(hosts) == 0 {
		return false
	}
	for _, h := range hosts {
		h = strings.Trim(h, `"'`)
		if h == "" {
			return false
		}
		if rest, ok := strings.CutPrefix(strings.ToLower(h), "file:"); ok {
			// a directory of this machine (file:./target/staging-repo,
			// file:///tmp/repo), unless a host is named (file://nas/share)
			if host, _, _ := strings.Cut(strings.TrimPrefix(rest, "//"), "/"); strings.HasPrefix(rest, "//") && host != "" && !loopback(host) {
				return false
			}
			continue
		}
		if !strings.Contains(h, "://") {
			h = "http://" + h
		}
		u, ok := match.ParseURL(h)
		if !ok {
			return false
		}
		host := strings.Trim(u.Host, "[]")
		if !loopback(host) {
			return false
		}
	}
	return true
}

// ForwardsOnLine reports whether any command of the line opens a port
// leading to another machine (ssh -L, kubectl port-forward or proxy): a
// loopback address on it may be another machine's.
func ForwardsOnLine(res *shell.Result) bool { return forwardsOnLine(res) }

// forwardsOnLine reports whether any command of the line opens a port
// leading to another machine (forwards: ssh -L, kubectl port-forward).
func forwardsOnLine(res *shell.Result) bool {
	for k := range res.Commands {
		if forwards(&res.Commands[k]) {
			return true
		}
	}
	return false
}

// localTargetName reports a program whose entry, or one of its
// subcommands', may send to a cloud, destroy or publish: the names
// LocalTarget looks further at.
func localTargetName(name string) bool {
	sum := catalog.Default().SummaryOf(name)
	return sum.MayHave("cloud") || sum.MayHave("destroy") || sum.MayHave("destroy-kind") || sum.MayMark("publish")
}

// LocalTarget reports whether command i of res, run directly (not by
// another program, which may run it elsewhere), changes only what is on
// this machine: a cloud CLI pointed at an endpoint here, or a publish
// whose every destination is a registry here (see above). The profile
// lets what it deletes or publishes be, as it does a local cluster's.
func LocalTarget(res *shell.Result, i int) bool {
	// (a first test its callers inline: every command of every line asks,
	// and most are not a program localTargetName names)
	return !res.Commands[i].IsNot(localTargetKind) && localTarget(res, i)
}

// localTarget is LocalTarget past its first test.
func localTarget(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if c.Name == "" || !viaHere(c) {
		return false
	}
	if !c.Is(localTargetKind) {
		return false // (every command of every line asks: no entry lookup, localTargetName)
	}
	cat := catalog.Default()
	e, _ := cat.Lookup(c.Name, c.Args)
	if e == nil {
		return false
	}
	if e.Prop("cloud") != "" && endpointHere(res, i) {
		return true
	}
	kind := e.Prop("destroy")
	if kind == "" {
		kind = e.Prop("destroy-kind")
	}
	if kind != "publish" && !e.MayMark("publish") {
		return false // (every command of every line asks: no classification)
	}
	cl := cat.Classify(c.Name, c.Args)
	return (kind == "publish" || cl.Mark("publish")) && publishesHere(res, i, &cl)
}

// serverHere reports whether a command that always changes what a server
// holds (the catalogue's destroy=remote: ldapadd, ldapdelete) names its
// server by options (the url role on an option) that all name this
// machine, on a line that opens no port to another (ldapadd -H
// ldap://localhost:3389: a directory kept for tests). A database's
// client, or a command that drops what it names (dropuser), is left to
// the reading of test databases (disposable.go): a
// development database on a server here may hold what a person entered.
//
// A command that destroys only through an option marked "destroy"
// (onlyMarkDestroys: kafka-topics --bootstrap-server localhost:9092
// --delete, a topic of a broker started here) is read the same way; an
// entry whose kind is written out (a restore that drops what it replaces:
// mongorestore --drop) is left to the reading of test databases.
//
// A command run in a container of this machine (docker compose exec kafka
// kafka-topics --bootstrap-server localhost:9092 --delete) is read as one
// run directly: localhost there is the container (containerhere.go).
//
// So is a server's administration tool whose own verbs change or remove
// what the server holds (deploy-verbs, with destroy-kind remote or none:
// rpk topic alter-config --brokers localhost:9092, a broker started here).
func (a *analysis) serverHere(i int, c *shell.Command, cl *catalog.Classified) bool {
	if cl.Entry == nil || cl.Entry.Prop("destroys") != "" || c.Is(storeClientKind) || len(c.Via) > 0 && !a.viaContainerHere(i) {
		return false
	}
	admin := cl.Entry.Prop("deploy-verbs") != "" && cl.Entry.Prop("cloud") == "" && (cl.Entry.Prop("destroy-kind") == "" || cl.Entry.Prop("destroy-kind") == "remote")
	if cl.Entry.Prop("destroy") != "remote" && !admin && !(cl.Mark("destroy") && onlyMarkDestroys(cl.Entry)) {
		return false
	}
	var hosts []string
	for _, w := range cl.Words {
		if w.Option != "" && w.Role == catalog.URL {
			hosts = append(hosts, w.Text)
		}
	}
	return allHere(hosts) && !forwardsOnLine(a.res)
}

// onlyMarkDestroys reports an entry that destroys only through an option's
// mark: no kind of its own, no destroying verbs, and no cloud or cluster
// CLI's verbs (whose server options are read by endpointHere and the
// reading of local clusters, not here).
func onlyMarkDestroys(e *catalog.Entry) bool {
	return e.Prop("destroy") == "" && e.Prop("destroy-kind") == "" && e.Prop("destroy-verbs") == "" && e.Prop("cloud") == ""
}

// aimedHere reports whether a command whose verbs are read as an unknown
// program's names the server it talks to only by URLs of this machine
// (ray job submit --address http://127.0.0.1:8265: a cluster started
// here), or by the value of an option that names a server's host
// (rabbitmqadmin -H localhost, a broker's --bootstrap-server
// 127.0.0.1:9092), run directly, on a line that opens no port to another
// machine and names no production. A command naming no server is not
// aimed here.
func (a *analysis) aimedHere(i int, c *shell.Command) bool {
	if len(c.Via) > 0 || a.productionWord(i) != "" {
		return false
	}
	if emulatorCLIs.Get(c.Name) {
		return a.emulatorAimedHere(i, c)
	}
	urls := optionValues(c.Args, serverHostOptions.Get)
	for _, w := range c.Args {
		if w == "--" {
			break
		}
		if _, v, ok := strings.Cut(w, "="); ok && strings.HasPrefix(w, "-") {
			w = v // --address=http://127.0.0.1:8265
		}
		if strings.Contains(w, "://") {
			urls = append(urls, w)
		}
	}
	return allHere(urls) && !forwardsOnLine(a.res)
}

// serverHostOptions are the options by which a client names the host or
// address of the server it talks to, in the spellings CLIs share (-H
// HOST, --host, --server, --bootstrap-server, --brokers, --address), Java
// tools' single-dash -server (zkCli.sh -server localhost:2181), and a
// cluster's address (couchbase-cli -c/--cluster localhost:8091,
// --endpoint): only a value naming this machine makes a command aimed here.
var serverHostOptions = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("-H --host --hostname --server -server --bootstrap-server --broker --brokers --address --addr -c --cluster --endpoint --zookeeper --broker-list")
}}

// emulatorCLIs are the wrappers LocalStack ships around the cloud tools
// (awslocal, tflocal, cdklocal, samlocal, pulumilocal, azlocal): they point
// the tool at the emulator on this machine, whatever its verbs delete.
var emulatorCLIs = table.Map[string, bool]{Build: func() map[string]bool {
	return fieldSet("awslocal tflocal cdklocal samlocal pulumilocal azlocal")
}}

// emulatorAimedHere reports an emulator's wrapper (command i) left
// pointed at this machine, on a line that opens no port to another and
// names no production (awslocal dynamodb delete-table --table-name
// prod-orders may be a person's mistake about where it points).
func (a *analysis) emulatorAimedHere(i int, c *shell.Command) bool {
	return a.productionWord(i) == "" && emulatorHere(a.res, i) && !forwardsOnLine(a.res)
}

// emulatorHere reports whether an emulator's wrapper (command i) is left
// pointed at this machine: the variables that move it (LOCALSTACK_HOST,
// LOCALSTACK_HOSTNAME, AWS_ENDPOINT_URL, ...), where the line sets them
// for it (lineAssigns), name only this machine, and its own endpoint
// options do too.
func emulatorHere(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	var hosts []string
	for _, as := range lineAssigns(res, i) {
		k, v, ok := strings.Cut(as, "=")
		if !ok {
			continue
		}
		if u := strings.ToUpper(k); strings.HasPrefix(u, "LOCALSTACK_") || strings.HasPrefix(u, "AWS_ENDPOINT_URL") || u == "EDGE_HOST" {
			if strings.HasSuffix(u, "_PORT") {
				continue
			}
			hosts = append(hosts, v)
		}
	}
	hosts = append(hosts, optionValues(c.Args, endpointOptions.Get)...)
	return len(hosts) == 0 || allHere(hosts)
}
