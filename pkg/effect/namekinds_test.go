package effect

import (
	"strings"
	"testing"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// TestNameKindsAgree holds each kind of name registered with the shell
// (namekinds.go) to the table it stands for: on every key of the table,
// every program the catalogue names, and versioned, upper-case and .exe
// spellings of each, asked of a command the walk made (which carries its
// kinds) and of one made here (which asks the shell's memo), twice.
func TestNameKindsAgree(t *testing.T) {
	kinds := []struct {
		name  string
		kind  shell.NameKind
		table *table.Map[string, bool]
	}{
		{"rawClients", rawClientKind, &rawClients},
		{"sshEnvClients", sshEnvClientKind, &sshEnvClients},
		{"containerEngines", containerEngineKind, &containerEngines},
		{"clusterCLIs", clusterCLIKind, &clusterCLIs},
		{"selectors", selectorKind, &selectors},
		{"engineWrappers", engineWrapperKind, &engineWrappers},
		{"listers", listerKind, &listers},
		{"cwdLister", cwdListerKind, &cwdLister},
		{"condaManagers", condaManagerKind, &condaManagers},
		{"storeClients", storeClientKind, &storeClients},
		{"testStackEngines", testStackKind, &testStackEngines},
		{"plainReaders", plainReaderKind, &plainReaders},
	}
	names := catalog.ProgramsMatching("*", nil, 1<<20)
	if len(names) < 500 {
		t.Fatalf("only %d catalogue names", len(names))
	}
	for _, k := range kinds {
		for n := range k.table.All() {
			names = append(names, n)
		}
	}
	hits := 0
	for _, n := range names {
		for _, v := range []string{n, n + "3", n + ".exe", strings.ToUpper(n)} {
			walked := shell.Parse(v + " x").Commands
			for range 2 {
				for _, k := range kinds {
					want := k.table.Get(v)
					if want {
						hits++
					}
					if got := (&shell.Command{Name: v}).Is(k.kind); got != want {
						t.Errorf("%s: Is(%q) = %v, the table says %v", k.name, v, got, want)
					}
					for i := range walked {
						if c := &walked[i]; c.Name == v {
							if got := c.Is(k.kind); got != want {
								t.Errorf("%s: the walk's command %q: Is = %v, the table says %v", k.name, v, got, want)
							}
						}
					}
				}
			}
		}
	}
	for _, n := range names {
		if got, want := (&shell.Command{Name: n}).Is(localTargetKind), localTargetName(n); got != want {
			t.Errorf("localTargetKind of %q = %v, localTargetName %v", n, got, want)
		}
	}
	if hits == 0 {
		t.Fatal("no name of any table was asked")
	}
	if got, want := StoreClientCommand(&shell.Command{Name: "psql"}), StoreClient("psql"); got != want {
		t.Errorf("StoreClientCommand(psql) = %v, StoreClient %v", got, want)
	}
}
