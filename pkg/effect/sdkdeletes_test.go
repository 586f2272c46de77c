package effect

import "testing"

// TestSDKWholeResourceDeletes checks the deletes of SDKs read since: an
// Azure long-running delete (begin_delete, beginDeleteAndWait), a search
// cluster's index dropped by its own client, supabase's table delete, a
// repository handed to another owner (repos.transfer), and an HTTPie raw
// JSON item that makes a repository public; beside the reads and local
// work of the same clients.
func TestSDKWholeResourceDeletes(t *testing.T) {
	for line, want := range map[string]string{
		`python3 -c "from azure.mgmt.resource import ResourceManagementClient as R; R(c, s).resource_groups.begin_delete('rg-prod').wait()"`:                         "destroy:remote",
		`node -e "const {ResourceManagementClient}=require('@azure/arm-resources'); new ResourceManagementClient(c,s).resourceGroups.beginDeleteAndWait('rg-prod')"`: "destroy:remote",
		`python3 -c "from opensearchpy import OpenSearch; OpenSearch(hosts=['https://os.prod.acme.io']).indices.delete(index='customers')"`:                          "destroy:remote",
		`node -e "const {Client}=require('@elastic/elasticsearch'); new Client({node:'https://es.acme.io'}).indices.delete({index:'*'})"`:                            "destroy:remote",
		`python3 -c "from supabase import create_client; create_client('https://x.supabase.co', k).table('orders').delete().neq('id', 0).execute()"`:                 "destroy:remote",
		`node -e "const {Octokit}=require('@octokit/rest');new Octokit({}).repos.transfer({owner:'a',repo:'b',new_owner:'c'})"`:                                      "destroy:shared-change",
	} {
		if !hasEffect(effectsOf(line), want) {
			t.Errorf("%s: no %s: %v", line, want, effectsOf(line))
		}
	}
	for _, line := range []string{
		`python3 -c "from opensearchpy import OpenSearch; OpenSearch(hosts=['http://localhost:9200']).indices.delete(index='test-x')"`,
		`python3 -c "from elasticsearch import Elasticsearch; print(Elasticsearch('https://es.acme.io').cat.indices())"`,
		`python3 -c "from azure.mgmt.resource import ResourceManagementClient as R; print(list(R(c, s).resource_groups.list()))"`,
	} {
		for _, e := range effectsOf(line) {
			if e.Kind == Destroy {
				t.Errorf("%s: %v", line, e)
			}
		}
	}
	for in, want := range map[string]string{"private:=false": "private=false", "a=b:=c": "a=b:=c", "x-y:=1": "x-y=1", "h:v": "h:v"} {
		if got := rawJSONItem(in); got != want {
			t.Errorf("rawJSONItem(%q) = %q, want %q", in, got, want)
		}
	}
}
