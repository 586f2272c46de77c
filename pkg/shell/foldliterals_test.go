package shell

import "testing"

func TestFoldLiterals(t *testing.T) {
	for in, want := range map[string]string{
		`m='DEL'+'ETE'`: `m='DELETE'`,
		`import('https://' + "get.x.io" + '/m.mjs')`: `import('https://get.x.io/m.mjs')`,
		"a = `ab` + 'cd'; b = 'e' + 'f'":             "a = `abcd`; b = 'ef'",
		`x = 'a' + b + 'c'`:                          `x = 'a' + b + 'c'`,
		`f'{a}' + 'b'`:                               `f'{a}' + 'b'`,
		"`${h}` + '/x'":                              "`${h}` + '/x'",
		`'it' + "'s"`:                                `'it' + "'s"`,
		`i += 1; s = 'a' ++ 'b'`:                     `i += 1; s = 'a' ++ 'b'`,
		`no joins here`:                              `no joins here`,
	} {
		if got := FoldLiterals(in); got != want {
			t.Errorf("FoldLiterals(%q) = %q, want %q", in, got, want)
		}
	}
}
