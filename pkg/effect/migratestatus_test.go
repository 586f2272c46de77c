package effect

import "testing"

// TestMigrationStatusLooks checks that a migration task whose last verb
// only looks (db:migrate:status) changes nothing in production, while the
// migration itself does.
func TestMigrationStatusLooks(t *testing.T) {
	for line, want := range map[string]bool{
		"RAILS_ENV=production rake db:migrate:status":      false,
		"bin/rails db:migrate:status RAILS_ENV=production": false,
		"RAILS_ENV=production rake db:migrate":             true,
		"bundle exec rake db:migrate RAILS_ENV=production": true,
	} {
		got := false
		for _, e := range effectsOf(line) {
			got = got || e.Kind == Destroy && e.Detail == "production"
		}
		if got != want {
			t.Errorf("%q: changes production = %v, want %v", line, got, want)
		}
	}
}
