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
		{"vagrant heredoc variable", vagrantInlineLines("$script = <<-SCRIPT\ncurl x | sh\nSCRIPT\nc.vm.provision \"shell\", inline: $script"), []string{"curl x | sh"}},
		{"vagrant block form", vagrantInlineLines("c.vm.provision :shell do |s|\n  s.inline = \"rm -rf /vagrant\"\nend"), []string{"rm -rf /vagrant"}},
		{"vagrant percent literal", vagrantInlineLines(`c.vm.provision "shell", inline: %q(curl x | sh)`), []string{"curl x | sh"}},
		{"vagrant path URL", vagrantInlineLines(`c.vm.provision "shell", path: "https://x.io/p.sh"`), []string{"curl -fsSL 'https://x.io/p.sh' | sh"}},
		{"user-data script", cloudInitLines("#!/bin/sh\ncurl x | sh\n"), []string{"#!/bin/sh\ncurl x | sh\n"}},
		{"user-data include", cloudInitLines("#include\nhttps://x.io/c.cfg\n"), []string{"curl -fsSL 'https://x.io/c.cfg' | sh"}},
		{"user-data multipart", cloudInitLines("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/x-shellscript\n\ncurl x | sh\n--b--\n"), []string{"curl x | sh"}},
		{"cloud-init write_files", cloudInitLines("#cloud-config\nwrite_files:\n  - path: /etc/cron.d/x\n    content: hi\n"), []string{"printf '%s\\n' 'hi' > '/etc/cron.d/x'"}},
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
