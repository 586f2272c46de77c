package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestTestStack holds the reading of a test stack's removal to both sides:
// a compose project or file named for tests, or volumes so named, on this
// machine's engine; not the main stack, a computed name, another engine, or
// a line naming production.
func TestTestStack(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	cases := []struct {
		line string
		want bool
	}{
		{"docker compose -f docker-compose.test.yml down -v", true},
		{"docker compose -p shop-test down --volumes", true},
		{"docker-compose --file tests/compose.yml down -v", true},
		{"COMPOSE_PROJECT_NAME=app_ci docker compose down -v", true},
		{"docker volume rm shop-test_pgdata app_test_redis test-pg-data", true},
		{"podman volume remove project_pgdata_test", true},
		{"docker compose down -v", false},
		{"docker compose -p shop down -v", false},
		{"docker compose -p \"$P\" down -v", false},
		{"docker compose -f docker-compose.yml -f docker-compose.test.yml down -v", false},
		{"docker compose -p shop-test up -d", false},
		{"docker volume rm shop-test_pgdata shop_pgdata", false},
		{"docker volume rm contest_results", false},
		{"docker --context prod compose -p shop-test down -v", false},
		{"DOCKER_HOST=ssh://deploy@db.acme.net docker volume rm test_pgdata", false},
		{"docker compose -p production-test down -v", false},
	}
	for _, c := range cases {
		r := shell.Parse(c.line)
		res := &r
		got := false
		for i := range res.Commands {
			got = got || TestStack(res, i, env)
		}
		if got != c.want {
			t.Errorf("TestStack(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestKeywordDSN reads libpq's keyword/value connection strings, and only
// them.
func TestKeywordDSN(t *testing.T) {
	cases := []struct {
		w, db, host string
		ok          bool
	}{
		{"host=localhost user=postgres dbname=app_test sslmode=disable", "app_test", "localhost", true},
		{"dbname=orders_test", "", "", false},
		{"host=localhost hostaddr=10.0.4.12 dbname=orders_test", "orders_test", "10.0.4.12", true},
		{"PGHOST=db.acme.net dbname=app_test", "", "", false},
		{"postgres://localhost/app_test?dbname=x y", "", "", false},
	}
	for _, c := range cases {
		db, host, ok := keywordDSN(c.w)
		if ok != c.ok || ok && (db != c.db || host != c.host) {
			t.Errorf("keywordDSN(%q) = %q, %q, %v; want %q, %q, %v", c.w, db, host, ok, c.db, c.host, c.ok)
		}
	}
}
