package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestPinnedByModule: go run of a module path with no version runs the
// version the main module's go.mod pins (or fails); a version, -mod=mod
// (in the arguments or GOFLAGS) or go install/get still fetch code, as
// remote or unknown code.
func TestPinnedByModule(t *testing.T) {
	for line, want := range map[string]bool{
		"go run github.com/99designs/gqlgen generate":                   false,
		"go run github.com/golang/mock/mockgen -source=store.go":        false,
		"go run -race github.com/acme/tool/cmd/x --flag":                false,
		"go run github.com/someone/gen@v1.0.0":                          true,
		"go run github.com/someone/gen@main":                            true,
		"go run github.com/someone/gen@latest":                          true,
		"go run -mod=mod github.com/someone/gen new User":               true,
		"go run -mod mod github.com/someone/gen new User":               true,
		"GOFLAGS=-mod=mod go run github.com/someone/gen":                true,
		"go install github.com/someone/gen":                             true,
		"go get github.com/someone/gen":                                 true,
		"go run https://example.net/x.go":                               true,
		"go run github.com/99designs/gqlgen generate && go vet ./...":   false,
		"cd tools && go run github.com/99designs/gqlgen generate":       false,
		"go run ./cmd/server":                                           false,
		"go run github.com/someone/gen@v1.0.0 && go run github.com/a/b": true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "remote-code:package") || hasEffect(effs, "unknown:package"); got != want {
			t.Errorf("%q: code fetched = %v, want %v (%v)", line, got, want, effs)
		}
	}
}

// TestSqliteURL: an SQLite connection URL names the file it opens.
func TestSqliteURL(t *testing.T) {
	for w, want := range map[string]string{
		"sqlite://data/test.db":              "data/test.db",
		"sqlite:dev.db?mode=rwc":             "dev.db",
		"sqlite:///tmp/x.db":                 "/tmp/x.db",
		"sqlite::memory:":                    ":memory:",
		"SQLITE3://data/app.db":              "data/app.db",
		"--database-url=sqlite:data/test.db": "data/test.db",
		"postgres://localhost/app_test":      "",
		"sqlite:":                            "",
		"data/test.db":                       "",
		"file:./test.db":                     "./test.db",
		"file:./dev.db?connection_limit=1":   "./dev.db",
		"file:///tmp/x.sqlite":               "/tmp/x.sqlite",
		"file://nas/share/test.db":           "",
		"file:./notes.txt":                   "",
	} {
		got, ok := sqliteURL(w)
		if got != want || ok != (want != "") {
			t.Errorf("sqliteURL(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
}

// TestDisposableSqliteURL: a migration tool's reset of an SQLite file of
// the project named for tests or development is disposable, as sqlite3's
// operand is; another file, one outside the project, or a line that also
// names a server's database is not.
func TestDisposableSqliteURL(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for line, want := range map[string]bool{
		"sqlx database reset -y --database-url sqlite://data/test.db":                                                true,
		"sqlx database reset -y --database-url=sqlite:data/dev.db":                                                   true,
		"sqlx database drop -y -D sqlite::memory:":                                                                   true,
		"DATABASE_URL=sqlite://tmp/test.db sqlx database reset -y":                                                   true,
		"sqlx database reset -y --database-url sqlite://data/app.db":                                                 false,
		"sqlx database reset -y --database-url sqlite:///home/dev/other/test.db":                                     false,
		"sqlx database drop -y --database-url sqlite://../shared/test.db":                                            false,
		"DATABASE_URL=sqlite://data/prod.db sqlx database drop -y":                                                   false,
		"sqlx database reset -y --database-url sqlite://data/test.db -D postgres://postgres@db.prod.acme.net/ledger": false,
	} {
		res := shell.Parse(line)
		i := len(res.Commands) - 1
		if got := Disposable(&res, i, env.Cwd, env); got != want {
			t.Errorf("Disposable(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestKnownPackages18: the well-known tools everyday18 ran by npx, and
// look-alikes that stay unknown.
func TestKnownPackages18(t *testing.T) {
	for _, tc := range []struct {
		reg, name string
		want      bool
	}{
		{"npm", "gulp", true},
		{"npm", "ember-cli", true},
		{"npm", "@remix-run/dev", true},
		{"npm", "web-ext", true},
		{"npm", "create-vue", true},
		{"npm", "@axe-core/cli", true},
		{"npm", "gulpx", false},
		{"npm", "web-ext-deploy", false},
		{"npm", "create-vue-evil", false},
		{"image", "docker.dragonflydb.io/dragonflydb/dragonfly", true},
		{"image", "docker.dragonflydb.io/evil/x", false},
		{"image", "docker.dragonflydb.io.evil.net/dragonflydb/dragonfly", false},
	} {
		if got := KnownPackage(tc.reg, tc.name); got != tc.want {
			t.Errorf("KnownPackage(%s, %q) = %v, want %v", tc.reg, tc.name, got, tc.want)
		}
	}
}

// TestCatalogueAdditions18: what the programs added for everyday18 change
// (chezmoi's and stow's start-up files, web-ext's and auto's releases,
// step's outputs) and their everyday neighbours that do not.
func TestCatalogueAdditions18(t *testing.T) {
	for _, tc := range []struct {
		line, effect string
		want         bool
	}{
		{"chezmoi apply", "admin", true},
		{"chezmoi init --apply https://github.com/someone/dotfiles.git", "admin", true},
		{"chezmoi apply -n -v", "admin", false},
		{"chezmoi diff", "admin", false},
		{"stow -v -t ~ zsh nvim", "admin", true},
		{"stow -v -t ~ nvim tmux", "admin", false},
		{"stow -n -v -t ~ zsh", "admin", false},
		{"npx web-ext sign --channel=listed", "destroy:publish", true},
		{"npx web-ext build -s dist", "destroy:publish", false},
		{"npx wxt submit --chrome-zip x.zip", "destroy:publish", true},
		{"npx wxt zip -b firefox", "destroy:publish", false},
		{"npx auto shipit", "destroy:publish", true},
		{"npx auto shipit --dry-run", "destroy:publish", false},
		{"npx auto changelog", "destroy:publish", false},
		{"gt delete feature/old", "destroy:history", true},
		{"gt submit --stack --no-interactive", "destroy:history", false},
		{"step certificate create localhost certs/tls.crt certs/tls.key --profile self-signed --no-password --insecure", "read /home/dev/project/certs/tls.key", false},
		{"step certificate create localhost certs/tls.crt certs/tls.key --profile self-signed --no-password --insecure", "write /home/dev/project/certs/tls.key", true},
		{"step certificate inspect /home/dev/.secret/k.pem", "read /home/dev/.secret/k.pem", true},
		{"npx backstop approve", "destroy:shared-change", false},
		{"snakemake --delete-all-output --cores 1", "destroy", false},
		// git send-email mails as mail does: to the people a business writes to
		{"git send-email --to=customers@lists.acme.io 0001-fix.patch", "destroy:shared-change", true},
		{"git send-email --to dev@acme.com --annotate 0001-fix-login.patch", "destroy:shared-change", false},
		{"git send-email --dry-run --to=customers@lists.acme.io 0001.patch", "destroy:shared-change", false},
	} {
		effs := effectsOf(tc.line)
		got := false
		for _, e := range effs {
			s := e.String()
			got = got || s == tc.effect || e.Descriptor() == tc.effect || len(s) > len(tc.effect) && s[:len(tc.effect)+1] == tc.effect+":"
		}
		if got != tc.want {
			t.Errorf("%q: %s = %v, want %v (%v)", tc.line, tc.effect, got, tc.want, effs)
		}
	}
}
