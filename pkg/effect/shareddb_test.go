package effect

import "testing"

func TestDatabaseHost(t *testing.T) {
	for w, want := range map[string]string{
		"postgres://dev:dev@localhost:5432/app_dev":            "localhost",
		"jdbc:postgresql://db.staging.acme.internal:5432/app":  "db.staging.acme.internal",
		"--url=jdbc:postgresql://db.acme.internal/app":         "db.acme.internal",
		"db:pg://deploy@prod-db.acme.internal/app":             "prod-db.acme.internal",
		"host=db-primary.acme.internal user=deploy dbname=app": "db-primary.acme.internal",
		"Server=tcp:prod-sql.acme.internal,1433;Database=Shop": "prod-sql.acme.internal",
		"mongodb+srv://u:p@cluster0.abcd.mongodb.net/app?w=1":  "cluster0.abcd.mongodb.net",
		"https://api.example.com/v1":                           "",
		"file://schema.sql":                                    "",
		"sqlite://data/dev.db":                                 "",
		"dbname=app user=dev":                                  "",
		"--virtual-host=api.example.com":                       "",
	} {
		if got := databaseHost(w); got != want {
			t.Errorf("databaseHost(%q) = %q, want %q", w, got, want)
		}
	}
	for h, want := range map[string]bool{
		"localhost": false, "127.0.0.1": false, "db": false, "postgres": false, "$DB_HOST": false,
		"api.local": false, "db.acme.internal": true, "10.0.3.17": true, "shared-db.acme.internal": true,
	} {
		if got := elsewhere(h); got != want {
			t.Errorf("elsewhere(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestClientHostOption checks SQL that writes sent through a database
// client's own host option to another machine, and to this one.
func TestClientHostOption(t *testing.T) {
	for line, want := range map[string]bool{
		"psql -h db.staging.acme.internal app -c 'DELETE FROM carts WHERE id = 1'": true,
		"mysql -hprimary.db.acme.io -e 'UPDATE users SET plan = 1 WHERE id = 2'":   true,
		"psql --host=10.0.3.17 app -c 'ALTER TABLE t ADD COLUMN c int'":            true,
		"psql -h db.staging.acme.internal app -c 'SELECT 1'":                       false,
		"psql -h localhost app -c 'DELETE FROM carts WHERE id = 1'":                false,
		"psql -h db app -c 'DELETE FROM carts WHERE id = 1'":                       false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:shared"); got != want {
			t.Errorf("%q: destroy:shared = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestHostVariables holds a project task that migrates (npm run migrate,
// artisan migrate) with a client's host variable (PGHOST, DB_HOST) naming
// another machine to a change of that machine's database, and one naming
// this machine, a compose service or nothing to none.
func TestHostVariables(t *testing.T) {
	for line, want := range map[string]bool{
		"PGHOST=staging-db.internal PGDATABASE=app npm run migrate":               true,
		"DB_HOST=10.0.4.12 php artisan migrate":                                   true,
		"DATABASE_URL=postgres://app@staging-db.internal/app pnpm run db:migrate": true,
		"PGHOST=localhost npm run migrate":                                        false,
		"PGHOST=db npm run migrate":                                               false,
		"npm run migrate":                                                         false,
		"npm run db:reset -- --env test":                                          false,
	} {
		if got := destroysIn(line); got != want {
			t.Errorf("%q: destroys %v, want %v", line, got, want)
		}
	}
}
