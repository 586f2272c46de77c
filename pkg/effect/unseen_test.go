package effect

import "testing"

// TestKnownGoPackage: go reads a word ending in .go as a source file on
// disk (go run main.go), and a path whose first element has no dot as the
// standard library's or the module's own; a module on a host, or a
// module query (@latest) ending in .go, is a package to fetch.
func TestKnownGoPackage(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"main.go", true},
		{"cmd/tool/main.go", true},
		{"server_test.go", true},
		{"./cmd/server", true},
		{"fmt", true},
		{"github.com/someone/tool", false},
		{"github.com/someone/tool.go@latest", false},
		{"example.com/x.go@v1.0.0", false},
	} {
		if got := KnownPackage("go", tc.name); got != tc.want {
			t.Errorf("KnownPackage(go, %q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestKnownToolchainPackages: Hardhat, the Ionic and Capacitor scopes,
// plop and hygen, Antora, alex, and the Elm, PureScript and ReScript
// tools are run by name in everyday work; a name near one is not known.
func TestKnownToolchainPackages(t *testing.T) {
	for name, want := range map[string]bool{
		"hardhat":             true,
		"@capacitor/assets":   true,
		"@ionic/cli":          true,
		"plop":                true,
		"hygen":               true,
		"@antora/cli":         true,
		"spago":               true,
		"rescript":            true,
		"elm-review":          true,
		"hardhat-deployer":    false,
		"@capacitorx/assets":  false,
		"spago-installer-bin": false,
	} {
		if got := KnownPackage("npm", name); got != want {
			t.Errorf("KnownPackage(npm, %q) = %v, want %v", name, got, want)
		}
	}
	if hasEffect(effectsOf("npx hardhat test"), "unknown:package") {
		t.Errorf("npx hardhat runs a known tool: %v", effectsOf("npx hardhat test"))
	}
	if !hasEffect(effectsOf("npx hardhat-deployer run"), "unknown:package") {
		t.Errorf("npx of an unknown package is unknown code: %v", effectsOf("npx hardhat-deployer run"))
	}
}

// TestKnownPerformanceTools: the profilers, load generators and bundle
// analysers of everyday performance work, and the Yarn project's own
// scope, are known by name; a name merely near one is not.
func TestKnownPerformanceTools(t *testing.T) {
	for name, want := range map[string]bool{
		"autocannon":              true,
		"source-map-explorer":     true,
		"webpack-bundle-analyzer": true,
		"@yarnpkg/doctor":         true,
		"autocannon-pro":          false,
		"@yarnpkgs/doctor":        false,
	} {
		if got := KnownPackage("npm", name); got != want {
			t.Errorf("KnownPackage(npm, %q) = %v, want %v", name, got, want)
		}
	}
	if !hasEffect(effectsOf("buf push --tag v1.8.0"), "destroy:publish") {
		t.Errorf("buf push publishes the module: %v", effectsOf("buf push --tag v1.8.0"))
	}
	if hasEffect(effectsOf("buf lint && buf generate"), "destroy:publish") {
		t.Errorf("buf lint and generate publish nothing")
	}
}

// TestKnownPluginRepository: asdf's and mise's plugins from the asdf
// project's own organisations are known; another owner's, a look-alike
// host, a user, a port, a parent step or plain http are code nobody here
// has read.
func TestKnownPluginRepository(t *testing.T) {
	for line, want := range map[string]bool{
		"asdf plugin add golang https://github.com/asdf-community/asdf-golang.git": false,
		"mise plugin add golang https://github.com/asdf-community/asdf-golang.git": false,
		"asdf plugin add nodejs https://github.com/asdf-vm/asdf-nodejs.git":        false,
		"asdf plugin add tf https://github.com/someone/asdf-terraform.git":         true,
		"asdf plugin add x https://github.com.evil.example/asdf-community/x":       true,
		"asdf plugin add x https://github.com/asdf-community/../someone/x.git":     true,
		"asdf plugin add x https://github.com:8443/asdf-community/x.git":           true,
		"asdf plugin add x https://me@github.com/asdf-community/x.git":             true,
		"asdf plugin add x http://github.com/asdf-community/x.git":                 true,
		"pip install https://github.com/asdf-community/x/archive/main.zip":         true,
	} {
		if got := hasEffect(effectsOf(line), "remote-code:package"); got != want {
			t.Errorf("%q: remote-code:package = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
