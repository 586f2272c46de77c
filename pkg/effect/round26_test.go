package effect

import (
	"strings"
	"testing"
)

// TestRound26Programs: what the catalogue now knows of Cloud Foundry, the
// Drone and Woodpecker CIs, balena fleets, Puppet's CA, hiera-eyaml,
// Chef's encrypted data bags, Scaleway's stored keys, signal-cli,
// Sapling, Fossil, Spack's build caches, Dist::Zilla, Contentful,
// lexicon, vercel env pull to standard output, and git's credential
// helpers' verbs that print nothing.
func TestRound26Programs(t *testing.T) {
	for line, want := range map[string]string{
		"cf push api -f manifest.yml":    "destroy:deploy",
		"cf restart api":                 "destroy:deploy",
		"cf bind-service api prod-redis": "destroy:deploy",
		"cf env api":                     "flow:secret->agent",
		"cf apps":                        "",
		"cf logs api --recent":           "",
		"drone secret add --repository acme/api --name k --data @k.txt":    "destroy:deploy",
		"woodpecker-cli secret ls --repository acme/api":                   "",
		"drone repo update acme/api --trusted=true":                        "destroy:deploy",
		"balena push acme/sensors":                                         "destroy:deploy",
		"balena env add MQTT_HOST mqtt.acme.io --fleet acme/sensors":       "destroy:deploy",
		"balena devices --fleet acme/sensors":                              "",
		"puppetserver ca clean --certname web-3":                           "destroy:deploy",
		"eyaml decrypt -f data/common.eyaml":                               "flow:secret->agent",
		"knife data bag show secrets prod --secret-file keys/databag":      "flow:secret->agent",
		"knife data bag show users alice":                                  "",
		"scw config dump":                                                  "flow:secret->agent",
		"scw instance server list":                                         "",
		"signal-cli -u +15550001 send -m hi +15550002":                     "destroy:shared-change",
		"sl revert --all":                                                  "destroy:history",
		"sl push --to main --force":                                        "destroy:history",
		"sl purge --all":                                                   "destroy:history",
		"sl purge --print":                                                 "",
		"sl status":                                                        "",
		"fossil revert":                                                    "destroy:history",
		"fossil clean --force":                                             "destroy:history",
		"fossil clean --dry-run":                                           "",
		"spack buildcache push --unsigned s3://cache hdf5":                 "destroy:publish",
		"spack install hdf5":                                               "",
		"dzil release":                                                     "destroy:publish",
		"dzil test":                                                        "",
		"pod trunk deprecate AcmeKit":                                      "destroy:publish",
		"contentful space import --space-id a --content-file x.json":       "destroy:deploy",
		"contentful space export --space-id a":                             "",
		"lexicon cloudflare create acme.io A --name api --content 1.2.3.4": "destroy:deploy",
		"lexicon cloudflare list acme.io A":                                "",
		"vercel env pull /dev/stdout --environment=production":             "flow:secret->agent",
		"vercel env pull .env.local":                                       "",
		"git credential-cache exit":                                        "",
		"git credential-osxkeychain get":                                   "flow:secret->agent",
	} {
		effs := effectsOf(line)
		if want == "" {
			for _, e := range effs {
				s := e.String()
				if strings.HasPrefix(s, "destroy:") || strings.HasPrefix(s, "flow:secret") {
					t.Errorf("%q: %v, want no destroy or secret flow", line, effs)
				}
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%q: %v, want %s", line, effs, want)
		}
	}
}
