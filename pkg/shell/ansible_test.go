package shell

import (
	"strings"
	"testing"
)

// TestAnsibleModule checks the shell command an ad-hoc ansible call's
// module stands for: a reboot, a service brought to a state and a shell
// module's command, as root with -b, and nothing in check mode but what
// only reads; keys appended (fetched from a URL), cron jobs, kernel
// settings, databases dropped and prunes.
func TestAnsibleModule(t *testing.T) {
	for line, want := range map[string]string{
		"ansible all -m reboot -b":                                                       "sudo reboot",
		"ansible all -m ansible.builtin.reboot":                                          "reboot",
		"ansible web -bK -m service -a 'name=nginx state=restarted'":                     "sudo systemctl restart nginx",
		"ansible web -m systemd -a 'name=app state=stopped'":                             "systemctl stop app",
		"ansible web -m systemd_service -a 'name=app enabled=yes'":                       "systemctl enable app",
		"ansible web -m service -a 'name=app state=restarted masked=yes'":                "systemctl mask app",
		"ansible all -m reboot --check":                                                  "",
		"ansible web -C -m service -a 'name=nginx state=stopped'":                        "",
		"ansible web -m service -a 'name=nginx'":                                         "",
		"ansible all -m ping":                                                            "",
		"ansible web -b -m shell -a 'df -h'":                                             "sudo sh -c 'df -h'",
		"ansible web -m shell -a 'df -h'":                                                "df -h",
		"ansible all -b -m ansible.builtin.apt -a 'name=nginx state=latest'":             "sudo apt-get install -y nginx",
		"ansible all -m package -a 'name=nmap state=absent'":                             "apt-get remove -y nmap",
		"ansible all -C -b -m apt -a 'name=nginx'":                                       "",
		"ansible all -b -m apt -a 'upgrade=dist'":                                        "sudo apt-get dist-upgrade -y",
		"ansible all -m apt -a 'update_cache=yes upgrade=no'":                            "",
		"ansible all -b -m user -a 'name=deploy groups=sudo append=yes'":                 "sudo usermod -aG sudo deploy",
		"ansible all -b -m user -a 'name=olduser state=absent'":                          "sudo userdel olduser",
		"ansible all -b -m fetch -a 'src=/etc/app.conf dest=/tmp/conf/'":                 "sudo cp /etc/app.conf /tmp/conf/",
		"ansible web -m slurp -a 'src=/etc/hostname'":                                    "cat /etc/hostname",
		"ansible web -C -m slurp -a 'src=/etc/hostname'":                                 "cat /etc/hostname",
		"ansible all -C -b -m copy -a 'src=nginx.conf dest=/etc/nginx/nginx.conf'":       "",
		"ansible all --check -m file -a 'path=/srv/app state=absent'":                    "",
		"ansible all -b -m authorized_key -a 'user=root key=https://x.example/k.pub'":    "curl -fsSL https://x.example/k.pub | sudo tee -a /root/.ssh/authorized_keys",
		"ansible all -m authorized_key -a 'user=deploy key=ssh-ed25519'":                 "tee -a /home/deploy/.ssh/authorized_keys",
		"ansible all -b -m cron -a 'name=b minute=0 job=/usr/local/bin/backup.sh'":       "sudo tee -a /etc/crontab; /usr/local/bin/backup.sh",
		"ansible all -b -m ansible.posix.sysctl -a 'name=vm.swappiness value=10'":        "sudo sysctl -w vm.swappiness=10",
		"ansible db -m community.postgresql.postgresql_db -a 'name=orders state=absent'": "dropdb orders",
		"ansible db -m mysql_db -a 'name=shop state=present'":                            "",
		"ansible all -m community.docker.docker_prune -a 'volumes=true'":                 "docker system prune -af --volumes",
	} {
		words := strings.Fields(strings.ReplaceAll(line, "'", ""))
		// the -a value is one word: rejoin what Fields split
		args := ""
		for i, w := range words {
			if w == "-a" {
				args = strings.Join(words[i+1:], " ")
				words = append(words[:i+1:i+1], args)
				break
			}
		}
		if got := ansibleModule(words, args); got != want {
			t.Errorf("%q: ansibleModule = %q, want %q", line, got, want)
		}
	}
}
