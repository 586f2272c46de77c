package effect

import "testing"

// TestSQLFileAgainstProduction checks a file of SQL run against production
// or another machine's database, and that a command whose catalogue entry
// takes no SQL is not searched for production at all (its classification,
// made when its words were read, answers first).
func TestSQLFileAgainstProduction(t *testing.T) {
	for line, want := range map[string]string{
		`psql "$PROD_DATABASE_URL" < fix.sql`:                 "destroy:production",
		`cat fix.sql | psql "$PROD_DATABASE_URL"`:             "destroy:production",
		`psql -h db.prod.acme.io -f fix.sql app`:              "destroy:production",
		`mysql -h db.acme.internal app < seed.sql`:            "destroy:shared",
		`psql "$DEV_DATABASE_URL" < fix.sql`:                  "",
		`grep prod access.log > /tmp/prod.sql`:                "",
		`cat prod.sql | grep -v test | sort > /tmp/prod2.sql`: "",
	} {
		effs := effectsOf(line)
		for _, d := range []string{"destroy:production", "destroy:shared"} {
			if got := hasEffect(effs, d); got != (d == want) {
				t.Errorf("%q: %s = %v, want %v (%v)", line, d, got, d == want, effs)
			}
		}
	}
}

// TestProgramFedSQLAgainstProduction checks SQL a program writes (a dump,
// a decompressor) piped into a production client, beside the same pipe
// into a local database and text the line spells.
func TestProgramFedSQLAgainstProduction(t *testing.T) {
	for line, want := range map[string]bool{
		`pg_dump --clean -h localhost shop | psql -h db.prod.acme.io shop`:     true,
		`mysqldump --add-drop-table shop_dev | mysql -h mysql.prod.acme.io x`:  true,
		`python3 gen_fixes.py | psql "$PROD_DATABASE_URL"`:                     true,
		`pg_dump --clean -h db.prod.acme.io shop | psql -h localhost shop_dev`: false,
		`python3 gen_fixes.py | psql -h localhost shop_dev`:                    false,
		`echo 'SELECT 1' | psql -h db.prod.acme.io shop`:                       false,
		`pg_dump shop_dev | psql -h db.prod.acme.io shop -c 'SELECT 1'`:        false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%q: destroy:production = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
