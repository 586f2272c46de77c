package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestDisposable: a database kept for tests on this machine, and its
// neighbours that are not (another host, production, a name that merely
// holds the letters, a wrapper that runs it elsewhere). Nothing is run.
func TestDisposable(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"dropdb test_db", true},
		// .NET's EF Core tool against the environment the variable names
		{"ASPNETCORE_ENVIRONMENT=Test dotnet ef database drop --force --project src/Api", true},
		{"DOTNET_ENVIRONMENT=Testing dotnet ef database drop -f", true},
		{"ASPNETCORE_ENVIRONMENT=Production dotnet ef database drop --force", false},
		{"dotnet ef database drop --force", false},
		{"ASPNETCORE_ENVIRONMENT=Test dotnet ef database drop --force --connection 'Host=prod-db.acme.internal;Database=app'", false},
		{"dropdb -h localhost -U dev app_test", true},
		{"redis-cli -n 1 FLUSHDB", true},
		{"redis-cli -p 6379 -n15 FLUSHDB ASYNC", true},
		{"psql postgres://dev:dev@localhost:5432/orders_test -c 'TRUNCATE orders'", true},
		{"psql -U dev -h ::1 -d app_test -c 'TRUNCATE audit_log'", true},
		{"mysql -h 127.0.0.1 -u root -proot shop_test -e 'TRUNCATE TABLE carts'", true},
		{"bin/rails db:reset RAILS_ENV=test", true},
		{"RAILS_ENV=test bin/rails db:drop", true},
		{"python manage.py flush --no-input --settings=config.settings.test", true},
		{"sqlite3 data/dev.db 'DELETE FROM jobs'", true},
		{"sqlite3 test.db 'DROP TABLE t'", true},
		// Go's flags: -database and -dir are whole options, not -d with a value
		{"migrate -path db/migrations -database postgres://localhost:5432/app_test?sslmode=disable down -all", true},
		{"goose -dir db/migrations postgres postgres://localhost:5432/orders_test reset", true},
		{"migrate -database=postgres://127.0.0.1/ci_db drop -f", true},
		{"migrate -database=postgres://127.0.0.1/app_db drop -f", false},
		// the variables that name the database (Laravel's DB_DATABASE,
		// libpq's PGDATABASE; not an image's MYSQL_DATABASE, which no
		// client reads)
		{"DB_DATABASE=app_test php artisan migrate:fresh --seed", true},
		{"DB_DATABASE=app_testing php artisan migrate:fresh --seed", true},
		{"PGDATABASE=orders_test psql -c 'TRUNCATE orders'", true},
		{"DB_DATABASE=app php artisan migrate:fresh --seed", false},
		{"DB_NAME=contest_results php artisan migrate:fresh", false},
		{"DB_DATABASE=app_test DB_HOST=db.prod.acme.internal php artisan migrate:fresh", false},
		{"DB_DATABASE=app_test APP_ENV=production php artisan migrate:fresh", false},
		{"PGDATABASE=app_test PGHOST=10.0.4.12 psql -c 'DROP SCHEMA public CASCADE'", false},
		{"POSTGRES_DB=test_db DATABASE_URL=postgres://db.acme.net/app npx prisma migrate reset --force", false},
		{"DB_DATABASE=app_test php artisan db:wipe --database=pgsql_production", false},
		{"MYSQL_DATABASE=shop mysql -h 127.0.0.1 -u root shop_test -e 'TRUNCATE carts'", true},
		{"migrate -path db/migrations -database postgres://localhost:5432/app down -all", false},
		{"goose -dir db/migrations postgres postgres://db.acme.io/orders_test reset", false},
		{"migrate -database postgres://localhost/app_test -database postgres://localhost/app down -all", false},

		// a wrapper hands the command its environment; a database URL
		// assigned names the database as an operand would
		{"RAILS_ENV=test bundle exec rails db:reset", true},
		{"DATABASE_URL=postgresql://dev:dev@localhost:5432/shop_test npx prisma migrate reset --force", true},
		{"DATABASE_URL=postgres://127.0.0.1/orders_ci pnpm exec prisma migrate reset -f", true},
		{"DATABASE_URL=postgres://localhost/shop npx prisma migrate reset --force", false},
		{"DATABASE_URL=postgres://db.acme.io/shop_test npx prisma migrate reset --force", false},
		{"RAILS_ENV=production bundle exec rails db:reset", false},
		{"RAILS_ENV=test ssh ci-box bundle exec rails db:reset", false},

		{"dropdb contest_results", false},
		{"docker compose exec -T db dropdb -U postgres --if-exists app_e2e", true},
		{"docker compose exec -T db psql -U postgres <<'SQL'\nDROP DATABASE IF EXISTS app_test;\nCREATE DATABASE app_test;\nSQL", true},
		{"psql -h localhost -d app_test <<'SQL'\nTRUNCATE users, orders CASCADE;\nSQL", true},
		{"psql -h localhost -U postgres <<'SQL'\nDROP DATABASE app_development;\nSQL", false},
		{"psql -h localhost -U postgres <<< 'DROP DATABASE app_test; DROP DATABASE app'", false},
		{"psql -h db.prod.acme.net -U postgres <<'SQL'\nDROP DATABASE app_test;\nSQL", false},
		{"psql -h localhost -d app_test <<'SQL'\nDROP TABLE $T;\nSQL", false},
		{"mysql -h 127.0.0.1 -u root <<'SQL'\nDROP DATABASE shop;\nSQL", false},
		{"dropdb orders", false},
		{"dropdb orders_prod_test", false},
		{"dropdb -h db.staging.acme.net orders_test", false},
		{"redis-cli FLUSHDB", false},
		{"redis-cli -n 0 FLUSHDB", false},
		{"redis-cli -n 1 FLUSHALL", false},
		{"redis-cli -h 10.0.4.7 -n 2 FLUSHDB", false},
		{"psql -h localhost -d orders_test -d orders -c 'TRUNCATE orders'", false},
		{"psql \"RAILS_ENV=test dbname=orders\" -c 'TRUNCATE orders'", false},
		{"psql -d 'postgresql://localhost/orders?application_name=test' -c 'TRUNCATE orders'", false},
		{"mysql -hshop-db.acme.net -u root shop_test -e 'TRUNCATE TABLE carts'", false},
		{"RAILS_ENV=test DATABASE_URL=postgres://app@db.prod.acme.net/orders bin/rails db:reset", false},
		{"sqlite3 app.db 'DELETE FROM users'", false},
		{"sqlite3 ../other/dev.db 'DELETE FROM jobs'", false},
		{"sqlite3 ~/.local/share/dev.db 'DELETE FROM jobs'", false},
		{"sqlite3 data/dev.db \"ATTACH '/home/dev/x.db' AS s; DELETE FROM s.items\"", false},
	} {
		res := shell.Parse(tc.line)
		got := false
		for i := range res.Commands {
			if StoreClient(res.Commands[i].Name) && Disposable(&res, i, env.Cwd, env) {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("Disposable(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestLocalDatabase: an address's host and database, as an MCP call's
// arguments give them.
func TestLocalDatabase(t *testing.T) {
	for _, tc := range []struct {
		in    string
		local bool
		db    string
	}{
		{"postgres://dev:dev@localhost:5432/orders_test", true, "orders_test"},
		{"redis://localhost:6379/3", true, "3"},
		{"mongodb://127.0.0.1:27017", true, ""},
		{"localhost", true, ""},
		{"postgres://dev@db.staging.acme.net/orders_test", false, "orders_test"},
		{"cache-01.prod.acme.net", false, ""},
		{"$DATABASE_URL", false, ""},
		{"https://localhost/x", false, ""},
	} {
		local, db := LocalDatabase(tc.in)
		if local != tc.local || local && db != tc.db {
			t.Errorf("LocalDatabase(%q) = %v, %q; want %v, %q", tc.in, local, db, tc.local, tc.db)
		}
	}
}

// TestDisposableWrapped: the same wipe run through ssh or kubectl exec is
// another machine's.
func TestDisposableWrapped(t *testing.T) {
	env := Env{Home: "/home/dev", Cwd: "/home/dev/project"}
	for _, line := range []string{
		"ssh db-01.acme.net \"psql -d orders_test -c 'TRUNCATE orders'\"",
		"kubectl exec -n data deploy/postgres -- psql -d orders_test -c 'TRUNCATE orders'",
		"docker -H ssh://ops@db-01.acme.net exec db psql -d orders_test -c 'TRUNCATE orders'",
		"docker --context prod exec db psql -d orders_test -c 'TRUNCATE orders'",
		"DOCKER_HOST=tcp://10.0.0.9:2375 docker exec db psql -d orders_test -c 'TRUNCATE orders'",
		"export DOCKER_HOST=ssh://db-01.acme.net; docker exec db psql -d orders_test -c 'TRUNCATE orders'",
		"podman --connection prod exec db psql -d orders_test -c 'TRUNCATE orders'",
	} {
		res := shell.Parse(line)
		for i := range res.Commands {
			if res.Commands[i].Name == "psql" && Disposable(&res, i, env.Cwd, env) {
				t.Errorf("Disposable(%q) = true for its psql, want false", line)
			}
		}
	}
}
