package shell

import (
	"slices"
	"testing"
)

func TestEnvHomes(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{`def h = System.env.HOME`, `def h = '~'`},
		{`val h = System.getenv("HOME")!!`, `val h = '~'`},
		{`let d = std::env::var("HOME").unwrap_or_default();`, `let d = '~';`},
		{`let d = Sys.getenv "HOME" in x`, `let d = '~' in x`},
		{`let d = Sys.getenv_opt "HOME" |> Option.get in x`, `let d = '~' in x`},
		{`(def d (System/getenv "HOME"))`, `(def d '~')`},
		{`d = System.fetch_env!("HOME")`, `d = '~'`},
		{`h = System.getenv().get("HOME")`, `h = '~'`},
		{`x = Environment.GetEnvironmentVariable("USERPROFILE") + y`, `x = '~' + y`},
		{`os.execute("rm -rf "..os.getenv("HOME"))`, `os.execute("rm -rf "..'~')`},
		{`val h: String = System.getenv("HOME") ?: "/tmp"; f(h)`, `val h: String = '~'; f(h)`},
		{`const h = process.env.HOME || '/tmp'`, `const h = '~'`},
		// not the environment's, or not HOME alone
		{`h = labels["HOME"]; print("HOME")`, `h = labels["HOME"]; print("HOME")`},
		{`v = System.getenv("HOME_DIR")`, `v = System.getenv("HOME_DIR")`},
		{`v = os.getenv("HOME", "/tmp")`, `v = '~'`},
		{`v = os.getenv("HOME", d)`, `v = os.getenv("HOME", d)`},
		{`x = env.HOMEPAGE`, `x = env.HOMEPAGE`},
	} {
		if got := envHomes(c.code); got != c.want {
			t.Errorf("envHomes(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestBindLiteralNames(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"def h = '~'\n['rm', '-rf', h].execute()", "def h = '~'\n['rm', '-rf', '~'].execute()"},
		{`let h = "x" in f ("a " ^ h)`, `let h = "x" in f ("a " ^ "x")`},
		{"h <- \"x\"\nf [\"a\", h]", "h <- \"x\"\nf [\"a\", \"x\"]"},
		{`H = "x", f("a" ++ H).`, `H = "x", f("a" ++ "x").`},
		{`(def home-dir "x") (f "a" home-dir)`, `(def home-dir "x") (f "a" "x")`},
		{`(let [d "x"] (f d))`, `(let [d "x"] (f "x"))`},
		{`(let [a 1 d "x"] (f d))`, `(let [a 1 d "x"] (f "x"))`},
		{`(f [a "x"] d)`, `(f [a "x"] d)`},
		{`def d = "x"; "a ${d} $d #{d}".run()`, `def d = "x"; "a x x x".run()`},
		{`val h: String = "x"; f(h)`, `val h: String = "x"; f("x")`},
		{"var h string = \"x\"\nf(h)", "var h string = \"x\"\nf(\"x\")"},
		{`val h = "x" + "/y"; f(h)`, `val h = "x" + "/y"; f("x/y")`},
		{`let h = "x" ^ "/y" in f h`, `let h = "x" ^ "/y" in f "x/y"`},
		// each use takes the binding before it
		{"d = \"a\"\nf(d)\nd = \"b\"\nf(d)", "d = \"a\"\nf(\"a\")\nd = \"b\"\nf(\"b\")"},
		// no binding: a comparison, a keyword argument, an attribute, a
		// multiple assignment, a value that is not a whole literal
		{`if d == "x"; f(d)`, `if d == "x"; f(d)`},
		{`f(d = "x"); g(d)`, `f(d = "x"); g(d)`},
		{`o.d = "x"; g(d)`, `o.d = "x"; g(d)`},
		{`a, d := "y", "x"; g(d)`, `a, d := "y", "x"; g(d)`},
		{`d = "x" + y; g(d)`, `d = "x" + y; g(d)`},
		// a member or a longer name is no use of the name
		{"d = \"x\"\ng(o.d, dd)", "d = \"x\"\ng(o.d, dd)"},
	} {
		if got := bindLiteralNames(c.code); got != c.want {
			t.Errorf("bindLiteralNames(%q) = %q, want %q", c.code, got, c.want)
		}
	}
}

func TestLiteralCommandsBoundNames(t *testing.T) {
	for _, c := range []struct {
		code string
		want string
	}{
		{"def home = System.getenv('HOME')\n['rm', '-rf', home].execute()", "rm -rf '~'"},
		{"let () =\n  let home = Sys.getenv \"HOME\" in\n  ignore (Sys.command (\"rm -rf \" ^ home))", "rm -rf ~"},
		{"main = do\n  home <- getEnv \"HOME\"\n  callProcess \"rm\" [\"-rf\", home]", "rm -rf '~'"},
		{`def k = "HO" + "ME"; ["rm", "-rf", System.getenv(k)].execute()`, "rm -rf '~'"},
	} {
		if got := LiteralCommands(c.code); !slices.Contains(got, c.want) {
			t.Errorf("LiteralCommands(%q) = %q, want it to hold %q", c.code, got, c.want)
		}
	}
}

// FuzzLiteralNames holds the readers of opaque code's names and home
// lookups to any text: no panic, and a text with nothing to read comes
// back as it is.
func FuzzLiteralNames(f *testing.F) {
	for _, s := range []string{"def h = System.env.HOME\n[h]", `(def d (System/getenv "HOME")) (f d)`,
		`let h = Sys.getenv "HOME" in f ("a " ^ h)`, `x = "`, `getenv("HOME"`, `$h = 'x'; "$h"`, `a.unwrap(`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		_ = LiteralCommands(code)
		if got := bindLiteralNames(envHomes(code)); got == "" && code != "" {
			t.Fatalf("%q read as nothing", code)
		}
	})
}
