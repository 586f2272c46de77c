package engine

import (
	"path"
	"strings"

	"rampart.dev/pkg/internal/table"
)

// noSecretSettings is the reviewed table of a person's hidden settings
// that hold no credential: shells, editors, terminals, git's and ssh's
// configuration, language tools' settings that are not their logins, and
// the agents' own settings and instructions. A read of one is everyday
// work, not a settings read (homesettings.go). Keys are relative to a
// home; a key ending in "/" is a whole tree (an editor's configuration
// directory).
//
// Left out on purpose, because they often carry a login: ~/.wgetrc and
// ~/.curlrc (a password or a header), ~/.my.cnf, pip.conf and ~/.bundle/config
// (an index or gem source with a token in it), ~/.m2/settings.xml and
// ~/.gradle/gradle.properties (repository passwords), ~/.terraformrc,
// ~/.Renviron and ~/.Rprofile, ~/.yarnrc.yml and pnpm's rc (an auth token),
// an environment.d or ~/.exports, the agents' MCP server lists
// (~/.cursor/mcp.json: a server's env), mise's and direnv's environments.
var noSecretSettings = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for _, k := range []string{
		// shells
		".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".bash_aliases", ".bash_functions", ".profile",
		".zshrc", ".zshenv", ".zprofile", ".zlogin", ".zlogout", ".p10k.zsh", ".zsh_plugins.txt", ".aliases",
		".inputrc", ".dircolors", ".hushlogin", ".cshrc", ".tcshrc", ".kshrc", ".mkshrc", ".config/fish/config.fish",
		".config/fish/functions/", ".config/fish/conf.d/", ".config/fish/completions/", ".config/starship.toml",
		".config/zsh/.zshrc", ".config/bash/", ".oh-my-zsh-custom/", ".zsh/", ".config/atuin/config.toml",
		// other shells' start-up scripts, as the ones above
		".config/nushell/config.nu", ".config/nushell/env.nu", ".config/nushell/login.nu", ".config/nushell/scripts/",
		".xonshrc", ".config/xonsh/rc.xsh", ".config/xonsh/rc.d/", ".config/elvish/rc.elv", ".elvish/rc.elv",
		".config/ion/initrc", ".yashrc", ".config/oils/oshrc", ".config/oils/yshrc",
		// editors
		".vimrc", ".gvimrc", ".exrc", ".nanorc", ".emacs", ".spacemacs", ".emacs.d/init.el", ".emacs.d/early-init.el",
		".ideavimrc", ".editorconfig", ".config/nvim/", ".config/helix/", ".config/micro/", ".config/kak/",
		".config/Code/User/settings.json", ".config/Code/User/keybindings.json", ".config/Code/User/snippets/",
		".config/VSCodium/User/settings.json", ".config/Cursor/User/settings.json", ".config/Cursor/User/keybindings.json",
		".config/zed/settings.json", ".config/zed/keymap.json", ".config/zed/themes/", ".config/sublime-text/Packages/User/",
		".vscode/argv.json",
		// terminals, multiplexers, desktops
		".tmux.conf", ".screenrc", ".Xresources", ".Xdefaults", ".xinitrc", ".xprofile", ".xsession", ".config/tmux/",
		".config/alacritty/", ".config/kitty/", ".config/wezterm/", ".wezterm.lua", ".config/ghostty/", ".config/foot/",
		".config/zellij/", ".config/i3/", ".config/sway/", ".config/hypr/", ".config/waybar/", ".config/rofi/",
		".config/dunst/", ".config/picom/", ".config/polybar/", ".config/gtk-3.0/", ".config/gtk-4.0/",
		".config/fontconfig/", ".config/mimeapps.list", ".config/user-dirs.dirs", ".config/user-dirs.locale",
		".config/autostart/", ".config/htop/htoprc", ".config/btop/", ".config/neofetch/", ".config/fastfetch/",
		".config/ranger/", ".config/lf/", ".config/yazi/", ".config/mpv/", ".config/karabiner/", ".config/bat/",
		".config/lazygit/config.yml", ".config/tealdeer/", ".config/glow/", ".config/procs/", ".config/topgrade.toml",
		".config/systemd/user/", ".config/pulse/daemon.conf", ".config/pulse/client.conf", ".config/pulse/default.pa", ".config/pipewire/", ".config/kdeglobals", ".config/monitors.xml",
		// git, ssh and version control
		".gitconfig", ".gitignore", ".gitignore_global", ".gitattributes", ".gitmessage", ".gitk", ".config/git/config",
		".config/git/ignore", ".config/git/attributes", ".config/git/hooks/", ".tigrc", ".hgignore", ".config/jj/config.toml",
		".ssh/config", ".ssh/known_hosts", ".ssh/config.d/", ".ssh/authorized_keys", ".ssh/allowed_signers", ".aws/config",
		".config/solana/cli/config.yml", ".config/aerc/aerc.conf", ".config/gh-dash/config.yml", ".rampart/policy.yaml",
		".rampart/audit/", // the audit trail: secrets are redacted before a record is written, and it is 0600
		".dbt/dbt_project.yml", ".librewolf/librewolf.overrides.cfg", ".config/Code/User", ".config/nvim", ".config/gh/config.yml", ".config/glab-cli/aliases.yml",
		// search and text tools
		".ripgreprc", ".config/ripgrep/", ".fdignore", ".ignore", ".ackrc", ".agignore", ".lesskey", ".ctags",
		".ctags.d/", ".mailcap", ".mime.types", ".selected_editor", ".wget-hsts", ".sudo_as_admin_successful",
		".DS_Store", ".CFUserTextEncoding", ".face", ".face.icon", ".config/yamllint/", ".config/markdownlint/",
		// language tools' settings that are not their logins
		".nvmrc", ".node-version", ".python-version", ".ruby-version", ".tool-versions", ".sdkmanrc", ".irbrc",
		".pryrc", ".rspec", ".psqlrc", ".sqliterc", ".pythonrc", ".pythonstartup", ".pdbrc", ".pylintrc",
		".flake8", ".pycodestyle", ".isort.cfg", ".mypy.ini", ".config/pycodestyle", ".config/flake8",
		".config/ruff/", ".config/black", ".config/mypy/", ".config/pypoetry/config.toml", ".config/uv/uv.toml",
		".condarc", ".cargo/config.toml", ".cargo/config", ".cargo/env", ".rustfmt.toml", ".config/rustfmt/",
		".clang-format", ".clang-tidy", ".config/clangd/", ".gdbinit", ".lldbinit", ".valgrindrc", ".bazelrc",
		".prettierrc", ".eslintrc", ".eslintrc.json", ".stylelintrc", ".babelrc", ".jshintrc", ".tern-config",
		".config/go/env", ".ghc/ghci.conf", ".ghci", ".stack/config.yaml", ".julia/config/", ".Rhistory",
		".R/Makevars", ".sbt/1.0/plugins/", ".lein/profiles.clj", ".ocamlinit", ".config/containers/registries.conf",
		".config/containers/storage.conf", ".config/containers/containers.conf", ".docker/daemon.json",
		".docker/features.json", ".config/k9s/config.yaml", ".config/k9s/skins/", ".kube/kubens/", ".kube/kubectx",
		// kubectl's discovery cache: the API groups and resources a cluster
		// serves, no login (its oidc-login and http caches may hold tokens)
		".kube/cache/discovery/",
		".ipython/profile_default/ipython_config.json", ".jupyter/lab/user-settings/", ".config/direnv/direnv.toml",
		".config/mise/settings.toml", ".npmignore", ".config/pip/constraints.txt",
		// machine learning tools' settings: Keras's backend and float type,
		// W&B's default entity, project and host (its key lives in
		// ~/.netrc), matplotlib's style
		".keras/keras.json", ".config/wandb/settings", ".config/matplotlib/matplotlibrc", ".matplotlib/matplotlibrc",
		// agents' own settings and instructions
		".claude/settings.json", ".claude/settings.local.json", ".claude/CLAUDE.md", ".claude/commands/",
		".claude/agents/", ".claude/skills/", ".claude/output-styles/", ".claude/keybindings.json", ".claude.json",
		".codex/config.toml", ".codex/AGENTS.md", ".codex/prompts/", ".gemini/settings.json", ".gemini/GEMINI.md",
		".gemini/commands/", ".cursor/rules/", ".config/opencode/opencode.json", ".config/goose/config.yaml",
		".aider.conf.yml", ".continue/config.json", ".config/github-copilot/versions.json",
		// the hook files rampart-hook setup writes (the commands that run
		// Rampart, no login), and Rampart's held calls (the calls and
		// their status; its tokens and keys are the lists' credentials)
		".codex/hooks.json", ".cursor/hooks.json", ".copilot/hooks/", ".rampart/approvals/",
		// credential directories' own settings: the accounts, projects and
		// profiles they name, not the secrets beside them
		".config/gcloud/configurations/", ".config/gcloud/active_config", ".azure/config",
		".mozilla/firefox/profiles.ini", ".mozilla/firefox/installs.ini",
		// virtual machines and emulators: their size, memory and display
		".wslconfig", ".android/advancedFeatures.ini", ".android/emu-update-last-check.ini",
		// the Android SDK's debug keystore: made on every machine with the
		// password every developer knows ("android"), it signs only debug
		// builds (the profiles' read rules list it among files with no secret)
		".android/debug.keystore",
	} {
		m[k] = true
	}
	return m
}}

// noSecretSettingsFolded is noSecretSettings with its keys in lower case,
// for file systems that ignore case.
var noSecretSettingsFolded = table.Map[string, bool]{Build: func() map[string]bool {
	m := map[string]bool{}
	for k := range noSecretSettings.All() {
		m[strings.ToLower(k)] = true
	}
	return m
}}

// noSecretSettingsVersioned are the trees of noSecretSettings whose path
// holds a segment that changes with a product's version
// (~/.config/JetBrains/PyCharm2024.2/options/): a "*" stands for one
// segment. JetBrains' options hold the IDE's settings; its passwords are
// kept beside them (c.kdbx, c.pwd), which no pattern here names.
var noSecretSettingsVersioned = [...]string{
	".config/JetBrains/*/options/", ".config/Google/AndroidStudio*/options/",
}

// settingsWithoutSecrets reports whether rel (relative to a home; a
// directory with a final "/") is in noSecretSettings, ignoring case when
// fold is set.
//
// Case is ignored everywhere, not only where the file system does: a
// home's settings reached through macOS's ~/Library/Application Support
// or a Windows home under WSL keep the application's capitals (Zed,
// Code), and a name of this table in other capitals is no tool's login.
func settingsWithoutSecrets(rel string, fold bool) bool {
	if noSecretSettings.Get(rel) || noSecretSettingsFolded.Get(strings.ToLower(rel)) {
		return true
	}
	if strings.HasSuffix(rel, "/") {
		for _, p := range noSecretSettingsVersioned {
			if ok, _ := path.Match(p, rel); ok {
				return true
			}
		}
	}
	return false
}
