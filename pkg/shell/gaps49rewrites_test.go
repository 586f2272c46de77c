package shell

import "testing"

// The rewrites that put code in the shape the scanner reads: Go's and C#'s
// several names in one statement, Rust's raw strings, Nim's keyword
// arguments, and C#'s and Swift's process properties.
func TestGaps49Rewrites(t *testing.T) {
	cases := []struct {
		name, got, want string
	}{
		{"go tuple", tupleBindings("go", `    a, b := "go", "test"`), `    a = "go"; b = "test"`},
		{"go blank", tupleBindings("go", `a, _, c := "x", 1, "y"`), `a = "x"; c = "y"`},
		{"go err", tupleBindings("go", `h, err := '~'`), `h = '~'`},
		{"go call kept", tupleBindings("go", `a, b := f(x, y)`), `a, b := f(x, y)`},
		{"cs declarators", tupleBindings("csharp", `string p = "ls", a = "-la";`), `string p = "ls"; string a = "-la";`},
		{"cs call kept", tupleBindings("csharp", `var x = f(a, b = 1);`), `var x = f(a, b = 1);`},
		{"rust raw", rustRawStrings(`Command::new("sh").arg(r"ls -la")`), `Command::new("sh").arg("ls -la")`},
		{"rust hashes", rustRawStrings(`let s = r#"a "b" c"#;`), `let s = "a \"b\" c";`},
		{"rust lifetime", rustRawStrings(`static D: &'static str = r"target";`), `static D: &'static str = "target";`},
		{"rust ident", rustRawStrings(`let bar = "x"; let r = 1;`), `let bar = "x"; let r = 1;`},
		{"nim keywords", nimKeywordArgs(`execProcess(args = @["status"], command = "git", options = {poUsePath})`), `execProcess("git", ["status"])`},
		{"nim placed", nimKeywordArgs(`startProcess("git", args = ["status"])`), `startProcess("git", ["status"])`},
		{"cs setters", processSetters("csharp", "psi.FileName = \"git\";\npsi.Arguments = \"status\";"), "psi.FileName = \"git\";\npsi.Arguments = \"status\";\nProcess.Start(\"git\", \"status\");"},
		{"swift setters", processSetters("swift", "t.executableURL = URL(fileURLWithPath: \"/usr/bin/git\")\nt.arguments = [\"status\"]"), "t.executableURL = \"/usr/bin/git\"\nt.arguments = [\"status\"]\nProcess.run(\"/usr/bin/git\", [\"status\"]);"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
