package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestScriptRunIsRead: an interpreter reads the script it runs, and its
// errors quote the lines it cannot parse, so a file given a catalogue
// entry's exec role is read as well as run.
func TestScriptRunIsRead(t *testing.T) {
	for line, want := range map[string]string{
		"perl ~/.aws/credentials":        "read /home/dev/.aws/credentials",
		"ruby ~/.ssh/id_ed25519":         "read /home/dev/.ssh/id_ed25519",
		"awk -f ~/.ssh/id_rsa /dev/null": "read /home/dev/.ssh/id_rsa",
		"perl scripts/report.pl":         "read /home/dev/project/scripts/report.pl",
		"vim -S tools/session.vim":       "read /home/dev/project/tools/session.vim",
	} {
		if effs := effectsOf(line); !hasEffect(effs, want) {
			t.Errorf("%q: no %q in %v", line, want, effs)
		}
	}
}

// TestContainerEnvCarried: a container runner's -e/--env NAME=VALUE options
// are the environment of the command it runs in the container, so a test
// database named there is disposable, and a database on another machine
// named there is not.
func TestContainerEnvCarried(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"docker compose run --rm -e RAILS_ENV=test web bin/rails db:reset", true},
		{"docker compose exec --env=MIX_ENV=test app mix ecto.reset", true},
		{"docker compose run --rm -e RAILS_ENV=production web bin/rails db:reset", false},
		{"docker compose run --rm web bin/rails db:reset", false},
		{"docker compose run --rm -e RAILS_ENV -e X=test web bin/rails db:reset", false},
		{"docker compose run --rm -e RAILS_ENV=test -e DATABASE_URL=postgres://u@db.acme.net/x_test web bin/rails db:reset", false},
	} {
		res := shell.Parse(tc.line)
		got := false
		for i, c := range res.Commands {
			if c.Name == "rails" || c.Name == "mix" || c.Program == "bin/rails" {
				got = Disposable(&res, i, env.Cwd, env)
			}
		}
		if got != tc.want {
			t.Errorf("%q: disposable = %v, want %v", tc.line, got, tc.want)
		}
	}
	if got := containerEnvAssigns([]string{"run", "-e", "A=1", "--env=B=2", "--env", "C=3", "-e", "D", "img"}); len(got) != 3 {
		t.Errorf("containerEnvAssigns = %v, want A=1 B=2 C=3", got)
	}
}

// TestBackupFileReadIsNoStore: a restore reads a dump whose path may say
// backups; the file it reads is not the store it destroys, so only what
// a destroy takes (a bucket, a remote, a repository) names a backup store.
func TestBackupFileReadIsNoStore(t *testing.T) {
	for line, want := range map[string]bool{
		"pg_restore -h localhost -d orders_test --clean --if-exists backups/dev-snapshot.dump": false,
		"pg_restore -h db.acme.net -d shop --clean backups/2026-12-01.dump":                    false,
		"mongorestore --drop --uri mongodb://localhost/app_test backups/dump/":                 false,
		"aws s3 rm s3://acme-backups --recursive":                                              true,
		"rclone purge b2:backups": true,
	} {
		if got := hasEffect(effectsOf(line), "destroy:backups"); got != want {
			t.Errorf("%q: destroy:backups = %v, want %v", line, got, want)
		}
	}
}

// TestDiscardsTree: a checkout or restore of the work tree whose pathspec
// takes the whole tree, however spelled, discards every uncommitted
// change; a file or a directory named, a branch switched to, or the index
// alone unstaged does not.
func TestDiscardsTree(t *testing.T) {
	for line, want := range map[string]bool{
		"git restore :/":                    true,
		"git checkout -- :/":                true,
		"git restore ':(top)'":              true,
		"git checkout -- '*'":               true,
		"git checkout ./":                   true,
		"git restore ':/*'":                 true,
		"git -C ../other restore .":         true,
		"git restore -W --staged :/":        true,
		"git restore --staged :/":           false,
		"git restore :/src":                 false,
		"git restore -- src/generated/":     false,
		"git restore -s main -- docs/":      false,
		"git checkout -- src/app.ts":        false,
		"git checkout main":                 false,
		"git checkout -b fix/a origin/main": false,
		"git stash push -- :/":              false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			got = got || DiscardsTree(&res, i)
		}
		if got != want {
			t.Errorf("%q: discards the tree = %v, want %v", line, got, want)
		}
	}
}
