package catalog

import (
	"strings"
	"testing"
)

func TestEmbeddedParses(t *testing.T) {
	c, err := Parse(table)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.programs); n < 300 {
		t.Errorf("catalogue lists %d programs, want at least 300", n)
	}
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{
		"rm | -r | *:delete",              // three fields
		"rm | -r:nosuchrole | *:delete |", // unknown role
		"rm | r | *:delete |",             // option without a dash
		"rm | | 0:read |",                 // bad position
		"rm | | *:read |\nrm | | |",       // listed twice
		"git push | | 1:url |",            // subcommand before its program
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = nil error", bad)
		}
	}
}

// roles renders a classification as "role:text" words.
func roles(c Classified) string {
	var b []string
	for _, w := range c.Words {
		b = append(b, w.Role.String()+":"+w.Text)
	}
	return strings.Join(b, " ")
}

func TestClassify(t *testing.T) {
	cat := Default()
	for _, tc := range []struct {
		line, want, entry string
		marks             []string
	}{
		{"rm -rf build dist", "delete:build delete:dist", "rm", []string{"recursive"}},
		{"rm --rec -f x", "delete:x", "rm", []string{"recursive"}},
		{"cp -r src dst", "read:src write:dst", "cp", []string{"recursive"}},
		{"cp -t out a b", "dest:out read:a read:b", "cp", nil},
		{"mv a b", "delete:a write:b", "mv", nil},
		{"grep -r -e password src", "data:password read:src", "grep", nil},
		{"grep pattern file", "data:pattern read:file", "grep", nil},
		{"curl -o out.html -d @body.json https://x.example", "write:out.html atfile:@body.json url:https://x.example", "curl", nil},
		{"curl -sSL -dfoo=bar https://x.example", "atfile:foo=bar url:https://x.example", "curl", nil},
		{"curl --output=o https://x.example", "write:o url:https://x.example", "curl", nil},
		{"git -C repo commit -m msg", "cd:repo data:msg", "git commit", nil},
		{"git push origin main", "url:origin data:main", "git push", nil},
		{"git status", "", "git status", nil},
		{"gh auth token", "", "gh auth token", nil},
		{"kubectl -n prod get secret db -o yaml", "data:prod data:yaml data:secret data:db", "kubectl get", nil},
		{"psql -h db -c select_1", "url:db sql:select_1", "psql", nil},
		{"tar -czf out.tgz src", "write:out.tgz read:src", "tar", []string{"create"}},
		{"tar xf a.tgz -C dir", "write:a.tgz cd:dir", "tar", []string{"extract"}},
		{"sed -i s/a/b/ f.txt", "code:s/a/b/ read:f.txt", "sed", []string{"inplace"}},
		{"chmod -R 755 dir", "data:755 chmod:dir", "chmod", []string{"recursive"}},
		// a symbolic mode that takes a permission away is the mode, not flags
		{"chmod -x hook", "data:-x chmod:hook", "chmod", nil},
		{"chmod -R -rwx,g=r dir", "data:-rwx,g=r chmod:dir", "chmod", []string{"recursive"}},
		{"chmod -v 644 f", "data:644 chmod:f", "chmod", nil},
		{"rsync -a --delete empty/ /home/dev/", "read:empty/ write:/home/dev/", "rsync", []string{"recursive", "delete"}},
		{"http DELETE https://x.example/a", "method:DELETE url:https://x.example/a", "http", nil},
		{"http https://x.example/a q==1", "url:https://x.example/a data:q==1", "http", nil},
		{"sqlite3 app.db select_1", "write:app.db sql:select_1", "sqlite3", nil},
		{"head -5 a.log", "data:-5 read:a.log", "head", nil},
		{"tail -- -5", "read:-5", "tail", nil},
		{"unknownprog --x=1 -y a b", "none:1 none:a none:b", "", nil},
		// a letter that takes a value in one reader is a flag in another
		{"cat -n -s key", "read:key", "cat", nil},
		{"od -c -t x1 key", "data:x1 read:key", "od", nil},
		{"hexdump -C -n 64 key", "data:64 read:key", "hexdump", nil},
		{"cut -c 1-9 key", "data:1-9 read:key", "cut", nil},
		{"xxd -b key out.bin", "read:key write:out.bin", "xxd", nil},
		{"wc -c key", "data:key", "wc", nil},
		{"more -p key", "read:key", "more", nil},
		{"grep -E a|b key", "data:a|b read:key", "grep", nil},
		{"grep -iT --color x key", "data:x read:key", "grep", nil},
		{"rg -E utf8 x key", "data:utf8 data:x read:key", "rg", nil},
		{"mv --backup key k", "delete:key write:k", "mv", nil},
		{"ag -d x key", "data:x read:key", "ag", nil},
		{"ruby -E UTF-8 -C dir x.rb", "data:UTF-8 cd:dir exec:x.rb", "ruby", nil},
		{"gawk -l /tmp/x.so BEGIN{}", "exec:/tmp/x.so code:BEGIN{}", "gawk", nil},
		{"rm -r --interactive dir", "delete:dir", "rm", []string{"recursive"}},
		{"nim --eval:echo(1) x.nim", "code:echo(1) read:x.nim", "nim", nil},
		{"nim c -d:release --out:bin/app src/a.nim", "data::release write:bin/app read:c read:src/a.nim", "nim", nil},
		{"crystal eval puts(1)", "code:puts(1)", "crystal eval", nil},
		{"crystal app.cr", "exec:app.cr", "crystal run", nil},
		{"swift -e print(1)", "code:print(1)", "swift", nil},
		{"nimble install -y x", "package:x", "nimble install", nil},
		{"vagrant cloud publish b 1.0 vb ./p.box", "data:publish data:b data:1.0 data:vb data:./p.box", "vagrant cloud", nil},
		{"opam pin add p u", "package:add package:p package:u", "opam pin", nil},
		{"ssh-keygen -p -N x -f k", "data:x data:k", "ssh-keygen", []string{"rekey"}},
		{"multipass transfer a.txt vm:/tmp/", "read:a.txt write:vm:/tmp/", "multipass transfer", nil},
		{"gpg --batch --delete-secret-keys 0xABCD", "read:0xABCD", "gpg", []string{"destroy"}},
	} {
		f := strings.Fields(tc.line)
		c := cat.Classify(f[0], f[1:])
		name := ""
		if c.Entry != nil {
			name = c.Entry.Name
		}
		if name != tc.entry {
			t.Errorf("%s: entry %q, want %q", tc.line, name, tc.entry)
		}
		if got := roles(c); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.line, got, tc.want)
		}
		for _, m := range tc.marks {
			if !c.Mark(m) {
				t.Errorf("%s: mark %s not set (%v)", tc.line, m, c.Marks)
			}
		}
	}
}

// TestMarkIf checks an option whose value sets its mark only when it is
// one of the values the entry lists (git gc --prune=now, not a date).
func TestMarkIf(t *testing.T) {
	cat := Default()
	for line, want := range map[string]bool{
		"git gc --prune=now":          true,
		"git gc --prune=ALL":          true,
		"git gc --prune now":          true,
		"git gc --prune=2.weeks.ago":  false,
		"git gc --prune":              false,
		"git gc --aggressive --auto":  false,
		"git checkout -B main HEAD~3": true,
		"git checkout -b main":        false,
	} {
		f := strings.Fields(line)
		c := cat.Classify(f[0], f[1:])
		if got := c.Mark("rewrite"); got != want {
			t.Errorf("%s: rewrite = %v, want %v", line, got, want)
		}
	}
}

// TestNegatedFlag checks that a later --no-NAME takes back the mark an
// earlier flag set, and an earlier one does not.
func TestNegatedFlag(t *testing.T) {
	cat := Default()
	for _, tc := range []struct {
		line, mark string
		want       bool
	}{
		{"git clean -f --no-force", "force", false},
		{"git clean --no-force -f", "force", true},
		{"git push --dry-run --no-dry-run origin", "dry", false},
		{"rsync --no-dry-run -n src/ dst/", "dry", true},
		{"rsync -a --delete --no-delete src/ dst/", "delete", false},
		{"rsync -n --no-dry-run src/ dst/", "dry", false},
		{"rsync -n --no-such-option src/ dst/", "dry", true},
	} {
		f := strings.Fields(tc.line)
		c := cat.Classify(f[0], f[1:])
		if got := c.Mark(tc.mark); got != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.line, tc.mark, got, tc.want)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	cat := Default()
	args := []string{"-sSL", "-o", "out.html", "-H", "Accept: x", "https://example.com/x"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cat.Classify("curl", args)
	}
}

// TestSingleDashValueAttached: a single-dash option of several letters the
// table lists whole whose value runs takes it after "=" (go test
// -exec=CMD), as from the next word; a short option's cluster is read as
// before (cut -d=).
func TestSingleDashValueAttached(t *testing.T) {
	c := Default().Classify("go", []string{"test", "-exec=qemu-arm -L /x", "-toolexec=t", "./..."})
	roles := map[string]Role{}
	for _, w := range c.Words {
		roles[w.Option] = w.Role
		if w.Option == "-exec" && w.Text != "qemu-arm -L /x" {
			t.Errorf("-exec value %q", w.Text)
		}
	}
	if roles["-exec"] != Shell || roles["-toolexec"] != Shell {
		t.Errorf("go test roles %v, want -exec and -toolexec shell", roles)
	}
	for _, w := range Default().Classify("cut", []string{"-d=", "-f2", "x"}).Words {
		if w.Option == "-d" && w.Text != "=" {
			t.Errorf("cut -d= value %q, want =", w.Text)
		}
	}
}
