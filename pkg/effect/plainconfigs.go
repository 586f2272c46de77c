package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// The settings of an editor, a terminal, a prompt or a window manager
// under ~/.config (nvim's init.lua and plugins' specs, kitty.conf,
// alacritty.toml, starship.toml) are keymaps, colours and fonts: copied
// into the project (a dotfiles folder, a backup of them) they are the
// person's own files brought in, as a plain folder of the home is
// (plainTreesCopied), not an archive of the home's secrets. The tools
// whose settings may keep a login or a token (a shell's universal
// variables, a chat client, a cloud CLI, gh) are not listed; what any of
// them holds sent off the machine is judged as before.

// plainConfigDirs are the ~/.config entries of such tools.
var plainConfigDirs = table.Map[string, bool]{Words: `nvim vim helix kak kitty alacritty wezterm ghostty foot
	starship.toml tmux i3 sway hypr waybar rofi wofi dunst picom polybar bat btop htop yazi ranger lf zellij
	fontconfig gtk-3.0 gtk-4.0 Code/User/settings.json Code/User/keybindings.json karabiner skhd yabai
	aerospace sketchybar lazyvim`}

// plainConfig reports a path below the home (without it: ".config/nvim",
// ".config/kitty/kitty.conf") in one of those tools' settings.
func plainConfig(rest string) bool {
	sub, ok := strings.CutPrefix(rest, ".config/")
	if !ok || sub == "" || strings.Contains(sub, "/.") || strings.Contains(sub, "..") {
		return false
	}
	top, _, _ := strings.Cut(sub, "/")
	return plainConfigDirs.Get(top) || plainConfigDirs.Get(strings.TrimSuffix(sub, "/"))
}
