package effect

import "testing"

// TestLoadsIntoProduction checks restores and imports into a database
// named for production, beside the same into development, listings and
// a database here.
func TestLoadsIntoProduction(t *testing.T) {
	for line, want := range map[string]bool{
		"pg_restore -h db.prod.internal -U admin -d shop --data-only backups/fix.dump":                                    true,
		"pg_restore -d postgres://app@db.prod.example.net/app --data-only fix.dump":                                       true,
		"mongorestore --uri \"mongodb+srv://admin@prod-cluster.x7k2q.mongodb.net\" --nsInclude 'app.products' build/dump": true,
		"mongoimport --uri \"$PROD_MONGO_URL\" -c products --file data/products.json":                                     true,
		"mysqlimport -h prod-db.internal shop data/orders.csv":                                                            true,
		"mysqlimport -h db.internal shop_production data/orders.csv":                                                      true,
		"pg_restore -h localhost -U postgres -d app_dev --no-owner backups/dev.dump":                                      false,
		"pg_restore -l backups/prod-2026.dump":                                                                            false,
		"pg_restore -f restore.sql backups/prod-2026.dump":                                                                false,
		"pg_restore -d app_dev backups/prod-snapshot.dump":                                                                false,
		"mongoimport --uri mongodb://localhost/app_production -c products --file data/products.json":                      false,
		"mongorestore --uri mongodb://localhost:27017 dump/":                                                              false,
		// a cloud CLI's listed verbs that write rows (catalogue: bq's change-verbs)
		"bq load --source_format=CSV acme-prod:billing.invoices gs://acme-exports/invoices.csv": true,
		"bq load --source_format=CSV acme-dev:staging.invoices ./invoices.csv":                  false,
		"bq show acme-prod:billing.invoices":                                                    false,
		// the database named by the environment, and a database here however named
		"PGHOST=db.prod.acme.io pg_restore -d shop dumps/shop.dump":         true,
		"export PGHOST=db.prod.acme.io; pg_restore -d shop dumps/shop.dump": true,
		"PGSERVICE=prod pg_restore -d shop dumps/shop.dump":                 true,
		"PGHOST=localhost pg_restore -d shop dumps/shop.dump":               false,
		"pg_restore -h localhost -d shop_prod_copy dumps/prod.dump":         false,
		"PGHOST=localhost pg_restore -d shop_prod_copy dumps/prod.dump":     false,
		"mysqlimport -h 127.0.0.1 shop_production data/orders.csv":          false,
		// loaders the catalogue marks (myloader's host, pgloader's target)
		"myloader -h mysql.prod.acme.io -d dumps/shop -o":                            true,
		"myloader -h localhost -B shop_prod -d dumps/shop":                           false,
		"pgloader dumps/shop.sqlite postgresql://etl@db.prod.acme.io/shop":           true,
		"pgloader dumps/shop.sqlite postgresql://postgres@localhost/shop_prod":       false,
		"pgloader --dry-run dumps/shop.sqlite postgresql://etl@db.prod.acme.io/shop": false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:production"); got != want {
			t.Errorf("%s: destroy:production %v, want %v: %v", line, got, want, effectsOf(line))
		}
	}
}
