package effect

import "testing"

// TestFleetModuleChanges: an ansible ad-hoc module that changes the
// machines it targets is a shared change; a module that looks, check
// mode, and a call aimed at this machine are not.
func TestFleetModuleChanges(t *testing.T) {
	for line, want := range map[string]bool{
		"ansible web -i inventory/production -m copy -a 'src=build/ dest=/var/www/app/'":         true,
		"ansible all -i prod.ini -b -m ansible.builtin.pip -a 'name=requests'":                   true,
		"ansible all -i prod.ini -m unarchive -a 'src=dist.tgz dest=/srv/app' -b":                true,
		"ansible all -i prod.ini -b -m community.docker.docker_prune -a 'volumes=true'":          true,
		"ansible all -i prod.ini -m copy -a 'src=nginx.conf dest=/etc/nginx/nginx.conf' --check": false,
		"ansible all -i prod.ini -m ping":                                                        false,
		"ansible all -i prod.ini -m fetch -a 'src=/var/log/app.log dest=logs/'":                  false,
		"ansible localhost -m copy -a 'src=config/app.yml dest=build/app.yml'":                   false,
		"ansible all -i hosts -c local -m file -a 'path=build state=absent'":                     false,
		"ansible all -i hosts --connection=local -m template -a 'src=a.j2 dest=build/a'":         false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:shared-change"); got != want {
			t.Errorf("%q: destroy:shared-change = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}
