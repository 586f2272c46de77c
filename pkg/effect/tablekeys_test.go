package effect

import "testing"

// The tables declared with Build and their keys build (table.Map checks that Words lists
// exactly the keys Build returns, and panics otherwise).
func TestTableKeysMatch(t *testing.T) {
	if len(sshClients.All()) == 0 || len(cookieDownloaders.All()) == 0 || len(dataCopiers.All()) == 0 || len(modelPushVerbs.All()) == 0 || len(messagePublishers.All()) == 0 {
		t.Fatal("a table declared with its keys is empty")
	}
}
