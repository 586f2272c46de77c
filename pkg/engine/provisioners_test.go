package engine

import (
	"path"
	"slices"
	"testing"
)

// TestProvisionerLines: the command lines a Vagrantfile's shell
// provisioners (quoted and here-document inline scripts), a cloud-config's
// runcmd and bootcmd (strings and argv lists) and a tmuxinator or tmuxp
// project's hooks and panes hand to another machine or session, and the
// files each format is.
func TestProvisionerLines(t *testing.T) {
	for _, c := range []struct {
		name string
		got  []string
		want []string
	}{
		{"vagrant double quotes", vagrantInlineLines(`config.vm.provision "shell", inline: "curl -s http://x/p | sh"`), []string{"curl -s http://x/p | sh"}},
		{"vagrant escaped quote", vagrantInlineLines(`c.vm.provision "shell", inline: "echo \"hi\" > /tmp/x"`), []string{`echo "hi" > /tmp/x`}},
		{"vagrant single quotes", vagrantInlineLines(`c.vm.provision :shell, inline: 'rm -rf /vagrant'`), []string{"rm -rf /vagrant"}},
		{"vagrant heredoc", vagrantInlineLines("c.vm.provision \"shell\", inline: <<-SHELL\n  apt-get update\n  curl x | sh\n  SHELL\nend"), []string{"  apt-get update\n  curl x | sh"}},
		{"vagrant path only", vagrantInlineLines(`c.vm.provision "shell", path: "scripts/setup.sh"`), nil},
		{"cloud-init", cloudInitLines("#cloud-config\nbootcmd:\n  - [sh, -c, 'echo boot']\nruncmd:\n  - curl x | bash\n"), []string{"'sh' '-c' 'echo boot'", "curl x | bash"}},
		{"cloud-init packages only", cloudInitLines("#cloud-config\npackages: [nginx]\n"), nil},
		{"tmuxinator", tmuxProjectLines("name: dev\nroot: ~/p\non_project_start: make deps\nwindows:\n  - editor: vim\n  - srv:\n      layout: main-vertical\n      panes:\n        - npm run dev\n"), []string{"make deps", "vim", "npm run dev"}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
	for p, want := range map[string]bool{
		"infra/user-data.yaml": true, "cloud-init.yml": true, "docs/user-guide.md": false,
		"/home/dev/.config/tmuxinator/dev.yml": true, ".tmuxp.yaml": true, "tmux.yml": false,
	} {
		if got := cloudInitFile(p, path.Base(p), "") || tmuxProjectFile(p, path.Base(p), ""); got != want {
			t.Errorf("%s is a provisioner file: %v, want %v", p, got, want)
		}
	}
}
