package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestEveryday20Decisions holds the standard profile's decisions on the
// everyday work the everyday20 fixes let through, beside their risky
// neighbours: a prune of images a filter picks (the caller's own), history
// rewritten in a clone the line made in /tmp, a key read back after a
// generator wrote it, LocalStack's wrappers, a loop deleting literal build
// directories, and a migration pointed at another machine by PGHOST.
func TestEveryday20Decisions(t *testing.T) {
	e := standard(t)
	for cmd, want := range map[string]call.Action{
		"docker image prune -af --filter 'label=com.docker.compose.project=project'": call.Allow,
		"docker buildx prune --all --force --filter until=72h":                       call.Allow,
		"docker image prune -af":                        call.RequireApproval,
		"docker image prune -af --filter 'label!=keep'": call.RequireApproval,
		"git clone --no-local . /tmp/scratch && cd /tmp/scratch && git filter-repo --path legacy --invert-paths":            call.Allow,
		"git clone . /tmp/scratch && cd /tmp/scratch && git filter-repo --path x --invert-paths && git push -f origin main": call.RequireApproval,
		"openssl genpkey -algorithm ed25519 -out /tmp/t.key && openssl pkey -in /tmp/t.key -pubout":                         call.Allow,
		"openssl genpkey -algorithm ed25519 -out /tmp/t.key && cat ~/.ssh/id_ed25519":                                       call.Deny,
		"awslocal dynamodb delete-table --table-name test-events":                                                           call.Allow,
		"LOCALSTACK_HOST=ls.acme.net awslocal dynamodb delete-table --table-name events":                                    call.RequireApproval,
		`node -e "for (const d of ['dist', 'coverage']) require('fs').rmSync(d, {recursive: true})"`:                        call.Allow,
		`node -e "for (const d of ['dist', '/home/dev']) require('fs').rmSync(d, {recursive: true})"`:                       call.Deny,
		"PGHOST=staging-db.internal npm run migrate":                                                                        call.RequireApproval,
		"PGHOST=localhost npm run migrate":                                                                                  call.Allow,
	} {
		d := e.Evaluate(call.Call{Tool: call.ToolExec, Params: call.Params{"command": cmd}, Cwd: "/home/dev/project"})
		if d.Decision < want || want == call.Allow && d.Decision != call.Allow {
			t.Errorf("%s = %v (%s), want %v", cmd, d.Decision, d.Message, want)
		}
	}
}
