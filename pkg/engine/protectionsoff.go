package engine

import (
	"path"
	"regexp"
	"strings"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/internal/table"
)

// A protection switched off by a file written: files whose content decides
// what others' code may do here or who must review a change, read by the
// kind of file and the switch its content turns.
//
//   - a CI workflow run for pull requests with the repository's secrets
//     (pull_request_target, workflow_run) that checks out the pull
//     request's own code: anyone who opens one runs code with those
//     secrets;
//   - a repository's review rules: CODEOWNERS (who must approve a
//     change), and a settings-as-code file (.github/settings.yml) that
//     turns a branch protection off (enforce_admins: false, reviews null,
//     force pushes allowed);
//   - a container engine's settings that trust a registry without TLS
//     (insecure-registries, insecure = true, skip_verify) or open the
//     engine's socket to the network (tcp://0.0.0.0).
//
// Each is the effect "write:protection-off"; the standard profile asks.
// An ordinary workflow, a settings file that keeps its protections, and a
// registry reached over TLS are everyday work.

// effectProtectionOff is the descriptor of a write that switches a
// protection off.
const effectProtectionOff = "write:protection-off"

// protectionFile is one kind of file and the content that switches its
// protection off ("" content test: any write).
type protectionFile struct {
	what  string
	files func(p, base string) bool
	off   func(content string) bool // nil: every write
}

var (
	// prTrigger is a workflow trigger that runs with the base repository's
	// secrets for a pull request's event.
	prTrigger = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`(?m)(^|[\s\[,{])(pull_request_target|workflow_run)\b`)
	}}
	// prHeadRef is a reference to the pull request's own code.
	prHeadRef = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`github\.event\.pull_request\.head\.|github\.head_ref|github\.event\.workflow_run\.head_|refs/pull/|pull_request\.merge_commit_sha`)
	}}
	// branchProtectionOff: a protection's keys set to false or null, or
	// the force-push and deletion switches set to true, weaken a branch
	// protection.
	branchProtectionOff = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`(?mi)^\s*(enforce_admins|required_pull_request_reviews|required_status_checks|required_signatures|required_linear_history|require_code_owner_reviews|dismiss_stale_reviews|required_conversation_resolution|protection)\s*:\s*(null|false|~|no|off|0|\[\]|\{\})\s*$|^\s*(allow_force_pushes|allow_deletions)\s*:\s*(true|yes|on)\s*$|^\s*required_approving_review_count\s*:\s*0\s*$`)
	}}
	// engineInsecure trusts a registry without TLS or opens the engine's
	// socket to the network.
	engineInsecure = table.Once[*regexp.Regexp]{Build: func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)insecure[-_]registries|\binsecure\s*=\s*true|skip_verify\s*=\s*true|"tlsverify"\s*:\s*false|tcp://(0\.0\.0\.0|\[::\]|:)`)
	}}
)

var protectionFiles = []protectionFile{
	{"a workflow that runs a pull request's own code with the repository's secrets", func(p, base string) bool {
		d := path.Dir(p)
		return (strings.HasSuffix(d, "/.github/workflows") || strings.HasSuffix(d, "/.gitea/workflows") || strings.HasSuffix(d, "/.forgejo/workflows") || d == ".github/workflows") &&
			(strings.HasSuffix(base, ".yml") || strings.HasSuffix(base, ".yaml"))
	}, func(c string) bool { return prTrigger.Get().MatchString(c) && prHeadRef.Get().MatchString(c) }},
	{"a repository's code owners (who must approve a change)", func(_, base string) bool { return base == "CODEOWNERS" }, nil},
	{"a repository's branch protection switched off", func(p, base string) bool {
		return (base == "settings.yml" || base == "settings.yaml") && path.Base(path.Dir(p)) == ".github"
	}, func(c string) bool { return branchProtectionOff.Get().MatchString(c) }},
	{"a container engine's registries trusted without TLS, or its socket opened to the network", func(_, base string) bool {
		switch base {
		case "daemon.json", "registries.conf", "hosts.toml", "buildkitd.toml", "containers.conf":
			return true
		}
		return false
	}, func(c string) bool { return engineInsecure.Get().MatchString(c) }},
}

// judgeProtectionOff judges content written to the cleaned path p when it
// switches a protection off.
func (ev *evaluation) judgeProtectionOff(p, content string) {
	if ev.denied() || content == "" {
		return
	}
	base := path.Base(p)
	for _, f := range protectionFiles {
		if !f.files(p, base) {
			continue
		}
		if len(content) > maxScannedContent {
			content = content[:maxScannedContent]
		}
		if f.off == nil || f.off(content) {
			s := subject{tool: call.ToolWrite, text: f.what + ": " + p, path: p, effect: effectProtectionOff}
			ev.judge(&s)
		}
		return
	}
}
