package effect

import "testing"

// TestStoreAliasHere: an object-store client's change whose every target
// alias the line sets to a loopback URL destroys nothing remote; an alias
// the line does not explain (even "local"), one set to another machine, a
// local path, a port forwarded to another machine or a production name
// keep it what it was.
// Nothing is run.
func TestStoreAliasHere(t *testing.T) {
	for line, want := range map[string]bool{
		"mc rb --force local/scratch":                               true,
		"mc rm --recursive --force local/raw-events/2024-06-01/":    true,
		"mc mirror --overwrite --remove data/exports local/exports": true,
		"mc alias set dev http://127.0.0.1:9000 minioadmin minioadmin && mc mirror --overwrite --remove data/exports dev/exports": false,
		"mc alias set me http://localhost:9000 a b && mc rb --force me/prod-backups":                                              true,
		"mc alias set dev http://127.0.0.1:9000 minioadmin minioadmin && mc rb --force dev/scratch":                               false,
		"MC_HOST_tmp=http://minioadmin:minioadmin@localhost:9000 mc rm -r --force tmp/bucket":                                     false,
		"mc config host add me http://localhost:9000 a b && mc rb --force me/tmp":                                                 false,
		"mc rb --force prod/acme-backups":                                                                           true,
		"mc alias set local https://s3.acme.com K S && mc rb --force local/backups":                                 true,
		"mc rb --force local/scratch prod/backups":                                                                  true,
		"mc mirror --overwrite --remove local/empty prod/backups":                                                   true,
		"mc rm --recursive --force minio/backups":                                                                   true,
		"mc alias set me http://localhost:9000 a b; mc alias set me https://s3.example.com a b; mc rb --force me/x": true,
		"mc rb --force local/scratch && ssh -fN -L 9000:minio.internal:9000 bastion":                                true,
		"mc rm --recursive --force far/logs":                                                                        true,
		"mc rb --force local/prod-backups":                                                                          true,
		"mc rm --recursive --force --older-than 7d local/logs":                                                      true,
		"mc rb --force prod/backups; mc alias set prod http://localhost:9000 a b":                                   true,
		"MC_HOST_x=http://a:b@localhost:9000 mc ls x; mc rb --force x/data":                                         true,
		"export MC_HOST_x=http://a:b@localhost:9000; mc rb --force x/data":                                          false,
	} {
		effs := effectsOf(line)
		got := hasEffect(effs, "destroy:remote") || hasEffect(effs, "destroy:production") || hasEffect(effs, "destroy:backup")
		if got != want {
			t.Errorf("%q: destroys = %v, want %v (%v)", line, got, want, effs)
		}
	}
}
