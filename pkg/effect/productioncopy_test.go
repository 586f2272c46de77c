package effect

import "testing"

// TestProductionCopyIsNoProduction checks that a database named as a copy
// of production (prod_mirror, prod_copy) on this machine, and a dump named
// for production restored here, are not production, while production
// itself, a host naming it and a wrapper naming it still are.
func TestProductionCopyIsNoProduction(t *testing.T) {
	for cmd, prod := range map[string]bool{
		"mysql -h 127.0.0.1 prod_mirror < dumps/prod.sql":           false,
		"mysql -u root -h localhost prod_copy < backups/prod-1.sql": false,
		"psql -h localhost -d prod_mirror -f dumps/prod.sql":        false,
		"docker exec -i db mysql prod_mirror < dumps/prod.sql":      false,
		"mysql -h db.prod.acme.io prod_mirror < x.sql":              true,
		"docker exec -i prod-db mysql prod_mirror < x.sql":          true,
		"psql -d acme_prod -f fix.sql":                              true,
		"psql -h db.prod.acme.io -d app -f dumps/prod.sql":          true,
		"mysql -h 127.0.0.1 prod_mirror -e 'DROP DATABASE orders'":  false,
	} {
		if got := hasEffect(effectsOf(cmd), "destroy:production"); got != prod {
			t.Errorf("%s: destroy:production %v, want %v: %v", cmd, got, prod, effectsOf(cmd))
		}
	}
	for w, want := range map[string]bool{"prod_mirror": true, "prod-clone": true, "production_snapshot": true, "acme-prod": false, "$PROD_MIRROR_URL": false} {
		if productionCopy(w) != want {
			t.Errorf("productionCopy(%q) = %v, want %v", w, !want, want)
		}
	}
}
