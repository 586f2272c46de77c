package effect

import (
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Deploys: what ships code or configuration to a running service, read from
// words, not spellings. A cloud or PaaS CLI ("cloud") deploys when one of
// its leading words is a deploy verb (kamal deploy, eb deploy production,
// az webapp deploy, cap production deploy) or sets a service's secrets or
// variables (fly secrets set, wrangler secret put, glab variable set,
// heroku config:set), or puts a secret into a key-value store under a key
// naming one (vault kv put secret/staging/api); an entry's own
// "deploy-verbs" add verbs (railway up, gh secret set). A project's task
// runner ("targets": make, just, task, npm run) deploys when a target it
// runs is named for a deploy or a publish (make deploy-prod, npm run
// publish:docs, make publish), unless the name says the environment is
// short of production (make deploy-staging, npm run deploy:preview); its
// dry runs and listings do not.
// The effect is Destroy with the detail "deploy": a person confirms.

// deployParts are the parts of a CLI verb that deploy.
var deployParts = table.Map[string, bool]{Words: "deploy redeploy distribute"}

// replaceParts are the parts of a cloud or PaaS CLI's verb that replace
// what a running service runs with another build, image or state: rolled
// back, rebuilt, restored from a backup, blue and green swapped (helm
// rollback, flyctl releases rollback, dokku ps:rebuild, velero restore
// create, eb swap), or its traffic shifted between revisions by one verb
// (gcloud run services update-traffic, app services set-traffic). They
// deploy as a deploy verb does; an unknown
// program's are not read so (nuget restore fetches packages).
var replaceParts = table.Map[string, bool]{Words: "rollback rebuild restore swap revert"}

// provisionParts are the parts of a cloud CLI's verb that set up, in an
// account or a cluster, what its later deploys run on: a toolkit's
// stack, buckets and roles (cdk bootstrap), a controller (juju
// bootstrap), a GitOps operator (flux bootstrap). Read for cloud CLIs
// only: a workspace tool's bootstrap installs its packages here (melos
// bootstrap, lerna bootstrap).
var provisionParts = table.Map[string, bool]{Words: "bootstrap"}

// deployNounTails end a word whose deploy part names the thing, not the
// act (deploy-request, deploy-keys, deploy-tokens, deploy-hooks): what
// is done to it is the next word (pscale deploy-request deploy ships,
// deploy-request create does not).
var deployNounTails = table.Map[string, bool]{Words: `request requests key keys token tokens
	hook hooks status log logs history`}

// shipNouns are the things a cloud CLI makes that ship a build: made with
// a creating verb, in one word or two (doctl apps create-deployment,
// render deploys create, glab release create), they deploy or publish.
var shipNouns = table.Map[string, bool]{Words: "deployment deployments deploys release releases"}

// createParts are the verbs that make one (datadog-ci deployment mark
// records one made).
var createParts = table.Map[string, bool]{Words: "create new trigger start mark"}

// shipsNew reports whether a verb's parts, or its parts and the previous
// word's, join a creating verb and a shipping noun.
func shipsNew(prev, t string) bool {
	noun, create := false, false
	for _, w := range []string{prev, t} {
		verbParts(w, func(p string, _ int) {
			noun = noun || shipNouns.Get(p)
			create = create || createParts.Get(p)
		})
	}
	return noun && create
}

// targetShips are the parts of a task name that ship wherever they stand
// (deploy-prod, docs:publish, cdk:deploy). A "release" task is not among
// them: in most projects it bumps a version and tags it (just release
// patch, release-prep), a local step; what publishes is named so.
var targetShips = table.Map[string, bool]{Words: "deploy redeploy publish ship"}

// settingWrites are the verbs that, after a word for a service's secrets
// or variables (settingNouns), hand them to the running service.
var settingWrites = table.Map[string, bool]{Words: "set put push upload import"}

// previewParts make a deploy verb a preview's, apart from what serves
// (firebase hosting:channel:deploy).
var previewParts = table.Map[string, bool]{Words: "channel preview"}

// hasFlag reports whether args hold the flag, alone or with a value.
func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == flag || strings.HasPrefix(a, flag+"=") {
			return true
		}
	}
	return false
}

// stagingEnvs name environments short of production in a task's name
// (make deploy-staging, npm run deploy:preview): everyday work there.
var stagingEnvs = table.Map[string, bool]{Words: `staging stage dev development preview local
	test testing qa sandbox review`}

// lookVerbs name a command that only looks at what follows (kubectl get
// deploy, oc describe deploy api): a deploy word after one is a noun.
var lookVerbs = table.Map[string, bool]{Build: func() map[string]bool {
	return map[string]bool{
		"get": true, "describe": true, "logs": true, "log": true, "list": true, "ls": true, "show": true,
		"explain": true, "status": true, "history": true, "top": true, "view": true, "inspect": true,
		"watch": true, "wait": true, "diff": true, "events": true, "help": true, "info": true,
		"port-forward": true, "exec": true, "attach": true, "template": true, "lint": true,
		"validate": true, "plan": true, "rollout": true, "browse": true, "search": true,
		// vault policy read ci-deploy: what is named is read
		"read": true,
		// linkerd viz stat deploy -n shop: a resource's traffic figures
		"stat": true, "stats": true,
	}
}}

// targetDryRuns are a task runner's options that print or list what would
// run instead of running it.
var targetDryRuns = table.Map[string, bool]{Words: `-n --just-print --dry-run --recon --dry
	--summary --list --list-all --show --evaluate`}

// deploys reports the deploy a command makes through its program's own
// words, as a Destroy effect with the detail "deploy", and whether it did.
func (a *analysis) deploys(i int, c *shell.Command, cl *catalog.Classified) bool {
	e := cl.Entry
	verb := ""
	switch {
	case e.Prop("targets") != "":
		verb = deployTarget(*cl, c.Args)
	case e.Prop("cloud") != "" || e.Prop("deploy-verbs") != "":
		verb = deployVerb(*cl, c.Args, e.Prop("cloud") != "", e.Prop("deploy-verbs"), commandStart(c.Args, e.Prop("runs-after")))
	}
	if verb == "" || hasFlag(c.Args, "--draft") {
		return false // a draft release ships nothing
	}
	if e.Prop("targets") == "" && a.productionWord(i) == "" && a.addressedHere(i, c) {
		return false // VAULT_ADDR=http://127.0.0.1:8200 vault kv put …: a dev server here (ownaddr.go)
	}
	if flag := e.Prop("deploy-flag"); flag != "" && !hasFlag(c.Args, flag) && !replacesRunning(verb) {
		// vercel deploy, netlify deploy: a preview, until --prod; a
		// rollback (vercel rollback) is of what production serves
		return false
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "deploy", Word: c.Name + " " + verb})
	return true
}

// deployVerb finds a deploy among a CLI's first three positional words,
// before any word that only looks; words from stop on belong to a command
// it runs.
func deployVerb(cl catalog.Classified, args []string, cloud bool, extra string, stop int) string {
	if e := cl.Entry; e != nil {
		// kubectl get deploy: the subcommand's own name only looks
		for w := range strings.FieldsSeq(e.Name) {
			if lookVerbs.Get(w) {
				return ""
			}
		}
	}
	n, prev := 0, ""
	if e := cl.Entry; e != nil {
		// vault kv put: the word before the first positional is the
		// subcommand's own name
		if k := strings.LastIndexByte(e.Name, ' '); k > 0 {
			prev = e.Name[k+1:]
		}
	}
	for _, w := range cl.Words {
		if w.Option != "" {
			continue
		}
		if w.Index >= stop || w.Role == catalog.Command {
			continue
		}
		if w.Index < len(args) && strings.HasPrefix(args[w.Index], "-") {
			continue // --image=REF: the value of an option it does not list
		}
		if n++; n > 3 {
			break
		}
		t := strings.ToLower(w.Text)
		if lookVerbs.Get(t) || lookCompound(t) {
			// aws iam get-role --role-name deploy: a look, whatever
			// the name after it
			return ""
		}
		if extra != "" && hasWord(extra, t) {
			return w.Text
		}
		if cloud && changeParts.Get(prev) && !settingNouns.Get(t) {
			// kubectl annotate deploy api: after a verb that changes, a
			// deploy word is the kind of resource changed, a noun
			prev = t
			continue
		}
		if cloud {
			if settingWrites.Get(t) && settingNouns.Get(prev) {
				// fly secrets set, wrangler secret put, kamal env push,
				// fly secrets import: the running service restarts with it
				return prev + " " + t
			}
			if (t == "put" || t == "patch" || t == "write") && prev == "kv" && secretKeyAfter(cl, w.Index) {
				return prev + " " + t // vault kv put secret/staging/api: a secret the services read
			}
			found, set, noun, preview, traffic, shifts, looks := false, false, false, false, false, false, false
			runs, planned := false, false
			verbParts(t, func(part string, k int) {
				// execute-change-set: a change planned before is carried out
				runs = runs || k == 0 && (part == "execute" || part == "apply")
				planned = planned || part == "changeset" || part == "change" && strings.Contains(t, "change-set")
				looks = looks || lookVerbs.Get(part) || part == "check"
				// heroku container:release: a cloud CLI's release is what
				// its service runs next (a task runner's is a local step)
				found = found || deployParts.Get(part) || replaceParts.Get(part) || provisionParts.Get(part) || part == "release"
				traffic = traffic || part == "traffic"
				shifts = shifts || part == "update" || part == "set" || part == "shift" || part == "split" || part == "migrate"
				preview = preview || previewParts.Get(part)
				set = set || part == "set"
				noun = noun || settingNouns.Get(part) || part == "config"
			})
			found = found || runs && planned
			if found && (looks || nextLooks(cl, w.Index)) {
				// cap production deploy:check, pscale deploy-request diff:
				// the deploy is looked at, not made
				return ""
			}
			if found && deployNounTails.Get(t[strings.LastIndexAny(t, "-:_")+1:]) {
				found = false // pscale deploy-request create: a request's noun, the verb follows it
			}
			if found && !preview || set && noun && strings.ContainsAny(t, "-:_") || traffic && shifts {
				return w.Text // az webapp deploy, heroku config:set
			}
			if shifts && namesImage(cl, args) {
				// docker service update --image, gcloud run services
				// update --image: the running service runs another build
				return w.Text + " --image"
			}
			if shipsNew(prev, t) {
				return w.Text // doctl apps create-deployment, render deploys create
			}
		}
		prev = t
	}
	return ""
}

// lookCompound reports a compound verb that leads with a look
// (get-role, describe-services, list-deployments, show-status).
func lookCompound(t string) bool {
	k := verbSeparator(t)
	return k > 0 && lookVerbs.Get(t[:k]) && !notVerbShaped(t)
}

// targetDryRun reports a task runner's option, before a "--", that prints
// or lists what would run instead of running it (make -n, just --dry-run).
func targetDryRun(args []string) bool {
	for _, a := range args {
		if a == "--" {
			break
		}
		if targetDryRuns.Get(a) {
			return true
		}
	}
	return false
}

// deployTarget finds a target named for a deploy among the positional
// words of a task runner (NAME=VALUE words are variables, not targets).
func deployTarget(cl catalog.Classified, args []string) string {
	if targetDryRun(args) {
		return ""
	}
	for _, w := range cl.Words {
		if w.Option != "" || strings.Contains(w.Text, "=") {
			continue
		}
		ships, staged := false, false
		verbParts(strings.ToLower(w.Text), func(part string, _ int) {
			ships = ships || targetShips.Get(part)
			staged = staged || stagingEnvs.Get(part)
		})
		if ships && !staged {
			return w.Text
		}
	}
	return ""
}

// secretKeyAfter reports whether the first positional word after index k
// is a key path with a segment naming a credential (secret/staging/api,
// app/credentials/db), as a key-value store's put names what it sets; a
// settings key (config/billing/feature_x) is not one.
func secretKeyAfter(cl catalog.Classified, k int) bool {
	for _, w := range cl.Words {
		if w.Option != "" || w.Index <= k {
			continue
		}
		for seg := range strings.FieldsFuncSeq(strings.ToLower(w.Text), func(r rune) bool { return r == '/' || r == '-' || r == '_' || r == '.' }) {
			if valueCredentialNouns.Get(seg) || seg == "credentials" || seg == "creds" {
				return true
			}
		}
		return false
	}
	return false
}

// nextLooks reports whether the positional word after index k is a verb
// that only looks (pscale deploy-request diff, deploy-request list).
func nextLooks(cl catalog.Classified, k int) bool {
	for _, w := range cl.Words {
		if w.Option != "" || w.Index <= k {
			continue
		}
		return lookVerbs.Get(strings.ToLower(w.Text))
	}
	return false
}

// namesImage reports a command given an image to run by option (--image),
// as an update of a running service is when it ships another build.
func namesImage(cl catalog.Classified, args []string) bool {
	for _, w := range cl.Words {
		if imageOptions.Get(w.Option) {
			return true
		}
		// a setting of the image (scw container container update
		// registry-image=REF)
		if name, _, eq := strings.Cut(w.Text, "="); w.Option == "" && eq && imageSettings.Get(name) {
			return true
		}
	}
	for _, a := range args {
		// an option the catalogue does not know, as written (ibmcloud ce
		// app update --image REF, --image=REF)
		if a == "--" {
			break
		}
		if name, _, _ := strings.Cut(a, "="); imageOptions.Get(name) {
			return true
		}
	}
	return false
}

// imageOptions are the options by which a cloud CLI's update names the
// image a service runs next.
var imageOptions = table.Map[string, bool]{Words: "--image --docker-image --image-url --container-image --image-uri"}

// imageSettings are the NAME=VALUE settings that name it.
var imageSettings = table.Map[string, bool]{Words: "image registry-image image-url image-uri"}

// replacesRunning reports a verb with a part that replaces what a running
// service runs (rollback, restore, swap: replaceParts).
func replacesRunning(verb string) bool {
	r := false
	verbParts(strings.ToLower(verb), func(p string, _ int) { r = r || replaceParts.Get(p) })
	return r
}
