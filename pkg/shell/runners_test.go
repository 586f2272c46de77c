package shell

import (
	"strings"
	"testing"
)

// TestRunnerScript: the file a script runner runs, by its verb, its
// option or its first operand, and nothing for a runner given no script
// (a package, a class, a project, a verb of its own).
func TestRunnerScript(t *testing.T) {
	for line, want := range map[string]string{
		"go run s.go":                                    "s.go",
		"go run -tags dev ./cmd/server":                  "./cmd/server",
		"go run .":                                       ".",
		"go run golang.org/x/tools/cmd/x@v1":             "",
		"go test ./...":                                  "",
		"java --source 21 Run.java":                      "Run.java",
		"java -cp build com.acme.Main":                   "",
		"java -jar app.jar":                              "",
		"jbang run x.java":                               "x.java",
		"jbang https://h.example/x.java":                 "https://h.example/x.java",
		"kotlinc -script x.kts":                          "x.kts",
		"kotlinc src/Main.kt -d out":                     "",
		"dotnet script x.csx":                            "x.csx",
		"dotnet run --file app.cs":                       "app.cs",
		"dotnet run x.cs":                                "x.cs",
		"dotnet run --project src/Api":                   "",
		"dotnet build":                                   "",
		"scala-cli run x.scala":                          "x.scala",
		"dart run x.dart":                                "x.dart",
		"dart run build_runner build":                    "",
		"ts-node -P tsconfig.json x.ts":                  "x.ts",
		"tsx watch src/x.ts":                             "src/x.ts",
		"stack runghc x.hs":                              "x.hs",
		"nim r x.nim":                                    "x.nim",
		"zig run x.zig":                                  "x.zig",
		"zig build":                                      "",
		"clojure -M x.clj":                               "x.clj",
		"mix run priv/seeds.exs":                         "priv/seeds.exs",
		"mix test":                                       "",
		"tcc -run x.c":                                   "x.c",
		"tcc x.c -o x":                                   "",
		"R -f x.R":                                       "x.R",
		"R --file=x.R":                                   "x.R",
		"R --vanilla":                                    "",
		"papermill nb.ipynb out.ipynb -p a 1":            "nb.ipynb",
		"python -m papermill nb.ipynb o.ipynb":           "nb.ipynb",
		"python3 -u -m nbconvert --execute nb.ipynb":     "nb.ipynb",
		"jupyter nbconvert --to html nb.ipynb":           "",
		"jupyter nbconvert --execute --to html nb.ipynb": "nb.ipynb",
		"jupyter execute nb.ipynb":                       "nb.ipynb",
		"streamlit run app.py":                           "app.py",
		"marimo edit nb.py":                              "nb.py",
		"quarto render report.qmd":                       "report.qmd",
		"quarto render":                                  "",
		"python app.py":                                  "",
	} {
		words := strings.Fields(line)
		if got := runnerScript(progName(words[0]), words); got != want {
			t.Errorf("runnerScript(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestRunnersRunTheirScripts: the walk marks a runner's script run, so a
// script in Downloads, in a temporary directory, or fetched from a URL
// when it runs is code nobody here has read; the project's own files and
// builds are not.
func TestRunnersRunTheirScripts(t *testing.T) {
	for line, want := range map[string]string{
		"go run ~/Downloads/x.go":                             "Downloads",
		"java ~/Downloads/X.java":                             "Downloads",
		"jupyter nbconvert --execute ~/Downloads/x.ipynb":     "Downloads",
		"cd ~/Downloads && papermill x.ipynb out.ipynb":       "Downloads",
		"cd ~/Downloads/tool && go run .":                     "Downloads",
		"papermill https://drop.example.org/nb.ipynb o.ipynb": "network",
		"groovy https://drop.example.org/x.groovy":            "network",
		"kotlinc -script /tmp/x.kts":                          "temporary",
		"go run main.go":                                      "",
		"jupyter nbconvert --to html ~/Downloads/x.ipynb":     "",
		"papermill notebooks/etl.ipynb /tmp/out.ipynb":        "",
		"cd ~/Downloads && ls":                                "",
		"hyperfine 'go run ./cmd/bench'":                      "",
	} {
		r := Parse(line)
		got := ""
		for _, c := range r.Commands {
			for _, u := range c.Unknown {
				got += u + "; "
			}
		}
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: unknown %q, want %q", line, got, want)
		}
	}
}

// TestBuiltFromUnseen: a program built from a source the line did not
// write runs that source when the line runs it, so a downloaded source
// built and run is a download run.
func TestBuiltFromUnseen(t *testing.T) {
	for line, want := range map[string]string{
		"curl -so x.c https://h.example/x.c && gcc x.c -o x && ./x":              "x.c",
		"curl -so t.go https://h.example/t && go build -o tool t.go && ./tool":   "t.go",
		"curl -so x.rs https://h.example/x.rs && rustc x.rs -o /tmp/x && /tmp/x": "x.rs",
	} {
		r := Parse(line)
		last := r.Commands[len(r.Commands)-1]
		if !strings.Contains(strings.Join(last.Runs, " "), want) {
			t.Errorf("%s: last command runs %q, want %q", line, last.Runs, want)
		}
	}
}

func TestFetchedAtRun(t *testing.T) {
	for name, want := range map[string]bool{
		"https://h.example/x.ipynb": true,
		"s3://bucket/nb.ipynb":      true,
		"gs://bucket/nb.ipynb":      true,
		"file:///tmp/x.ipynb":       false,
		"notebooks/x.ipynb":         false,
		"a b://c":                   false,
	} {
		if got := fetchedAtRun(name); got != want {
			t.Errorf("fetchedAtRun(%q) = %v, want %v", name, got, want)
		}
	}
}

// scriptRunnerNames names exactly the programs scriptRunners has entries
// for, alone or with a verb.
func TestScriptRunnerNames(t *testing.T) {
	want := map[string]bool{}
	for k := range scriptRunners.All() {
		name, _, _ := strings.Cut(k, " ")
		want[name] = true
	}
	got := scriptRunnerNames.All()
	for name := range want {
		if !got[name] {
			t.Errorf("scriptRunners has %q, scriptRunnerNames does not", name)
		}
	}
	for name := range got {
		if !want[name] {
			t.Errorf("scriptRunnerNames has %q, scriptRunners does not", name)
		}
	}
}
