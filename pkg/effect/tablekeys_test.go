package effect

import "testing"

// The tables declared with Keys build (table.Map checks that Keys lists
// exactly the keys Build returns, and panics otherwise).
func TestTableKeysMatch(t *testing.T) {
	if len(sshClients.All()) == 0 || len(cookieDownloaders.All()) == 0 || len(dataCopiers.All()) == 0 || len(modelPushVerbs.All()) == 0 {
		t.Fatal("a table declared with Keys is empty")
	}
}
