package engine

import "testing"

// TestEditorCommandBuildIsData: a neovim plugin spec whose build step is
// one of the editor's own commands (build = ':TSUpdate') is data, as a
// spec with no build step is; a build step that runs a program, or a ":"
// command with a "!" or an argument, is not.
func TestEditorCommandBuildIsData(t *testing.T) {
	for content, want := range map[string]bool{
		"return { 'nvim-treesitter/nvim-treesitter', build = ':TSUpdate' }\n": true,
		"return { 'williamboman/mason.nvim', build = \":MasonUpdate\" }\n":    true,
		"return { 'neovim/nvim-lspconfig' }\n":                                true,
		"return { 'someone/x.nvim', build = 'sh install.sh' }\n":              false,
		"return { 'someone/x.nvim', build = ':!sh install.sh' }\n":            false,
		"return { 'someone/x.nvim', build = ':call system(\"id\")' }\n":       false,
	} {
		if got := editorDataOnly(content); got != want {
			t.Errorf("editorDataOnly(%q) = %v, want %v", content, got, want)
		}
	}
}
