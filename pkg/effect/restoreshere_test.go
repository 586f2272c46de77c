package effect

import (
	"strings"
	"testing"
)

// TestRestoresHere checks that a loader that empties the database before
// loading it (pg_restore --clean, mongorestore --drop) destroys nothing
// when the database is this machine's, however it is named, and is still
// a destroying load into another machine's or production's.
func TestRestoresHere(t *testing.T) {
	for cmd, want := range map[string]bool{
		"pg_restore --clean -h localhost -d shop_dev dumps/prod.dump":                      false,
		"pg_restore -c -d app_dev backups/dev.dump":                                        false,
		"pg_restore -c --if-exists -d postgres://dev@localhost:5432/app_dev dump.pgc":      false,
		"PGHOST=127.0.0.1 pg_restore --clean -d app_test fixtures.dump":                    false,
		"docker compose exec -T db pg_restore --clean -U postgres -d app_dev":              false,
		"mongorestore --drop --uri mongodb://localhost:27017/app_dev dump/":                false,
		"pg_restore --clean -h db.staging.acme.io -d shop dumps/dev.dump":                  true,
		"pg_restore --clean -h 10.0.4.12 -d shop dumps/dev.dump":                           true,
		"pg_restore --clean -d 'host=db.prod.acme.io dbname=shop user=etl' dumps/dev.dump": true,
		"pg_restore --clean -d \"$DATABASE_URL\" dumps/dev.dump":                           true,
		"export PGHOST=db.staging.acme.io; pg_restore --clean -d shop dumps/dev.dump":      true,
		"ssh db-01 pg_restore --clean -d shop /tmp/dev.dump":                               true,
		"mongorestore --drop --uri mongodb://mongo.staging.acme.io:27017/app dump/":        true,
	} {
		got := false
		for _, ef := range effectsOf(cmd) {
			got = got || ef.Kind == Destroy && strings.Contains(ef.Word, "restore")
		}
		if got != want {
			t.Errorf("%s: destroying load %v, want %v: %v", cmd, got, want, effectsOf(cmd))
		}
	}
}
