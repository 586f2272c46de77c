package shell

import (
	"slices"
	"strings"
	"testing"
)

// parseTests pins what Parse reports, one command per line in the form of
// describe; "UNPARSED" and "TRUNCATED" stand for the Result flags.
var parseTests = []struct {
	src  string
	want []string
}{
	// Evasions of the program name.
	{"git status", []string{
		"git status @0.0",
	}},
	{"/bin/rm -fr /", []string{
		"rm(/bin/rm) -fr / @0.0",
	}},
	{"r''m -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"\\rm -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"\"rm\" -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"$'rm' -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"$'\\x72m' -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"sudo env rm -rf /", []string{
		"sudo env rm -rf / @0.0",
		"env rm -rf / @0.0 via=sudo",
		"rm -rf / @0.0 via=sudo,env",
	}},
	{"sudo -u root -- rm -rf /", []string{
		"sudo -u root -- rm -rf / @0.0",
		"rm -rf / @0.0 via=sudo",
	}},
	{"sudo -s", []string{
		"sudo -s @0.0",
	}},
	{"sudo -i rm -rf /", []string{
		"sudo -i rm -rf / @0.0",
		"rm -rf / @0.0 via=sudo",
	}},
	{"sudo -E -H -n FOO=1 rm x", []string{
		"sudo -E -H -n FOO=1 rm x @0.0",
		"rm x @0.0 via=sudo",
	}},
	{"sudo -l rm", []string{
		"sudo -l rm @0.0",
	}},
	{"doas rm -rf /", []string{
		"doas rm -rf / @0.0",
		"rm -rf / @0.0 via=doas",
	}},
	{"bash -c 'rm -rf /'", []string{
		"bash -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"sh -c \"bash -c 'rm -rf /'\"", []string{
		"sh -c \"bash -c 'rm -rf /'\" @0.0",
		"bash -c \"rm -rf /\" @1.0 d=1",
		"rm -rf / @2.0 d=2",
	}},
	{"bash -lc 'rm -rf /'", []string{
		"bash -lc \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"bash -ec 'rm -rf /'", []string{
		"bash -ec \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"bash -xc 'rm -rf /'", []string{
		"bash -xc \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"bash -o pipefail -c 'rm -rf /'", []string{
		"bash -o pipefail -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"bash --norc -c -- 'rm -rf /'", []string{
		"bash --norc -c -- \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"zsh -c 'rm -rf /'", []string{
		"zsh -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"busybox sh -c 'rm -rf /'", []string{
		"busybox sh -c \"rm -rf /\" @0.0",
		"sh -c \"rm -rf /\" @0.0 via=busybox",
		"rm -rf / @1.0 d=1 via=busybox",
	}},
	{"eval \"rm -rf /\"", []string{
		"eval \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"eval rm '-rf' /", []string{
		"eval rm -rf / @0.0",
		"rm -rf / @1.0 d=1",
	}},
	{"X=rm; $X -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"X=rm && $X -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"export X=rm; \"$X\" -rf /", []string{
		"export X=rm @0.0",
		"rm -rf / @1.0",
	}},
	{"declare X=rm; ${X} -rf /", []string{
		"declare X=rm @0.0",
		"rm -rf / @1.0",
	}},
	{"local X=\"rm -rf\"; $X /", []string{
		"local \"X=rm -rf\" @0.0",
		"rm -rf / @1.0",
	}},
	{"X=1 env; echo $X", []string{
		"env @0.0",
		"echo $X @1.0 dyn",
	}},
	{"echo $(rm -rf /)", []string{
		"rm -rf / @0.0 d=1",
		"echo \"$(rm -rf /)\" @1.0 dyn",
	}},
	{"`rm -rf /`", []string{
		"rm -rf / @0.0 d=1",
		"`rm -rf /` @1.0 dyn",
	}},
	{"$(echo rm) -rf /", []string{
		"echo rm @0.0 d=1",
		"rm -rf / @1.0",
	}},
	{"$(printf rm) -rf /", []string{
		"printf rm @0.0 d=1",
		"rm -rf / @1.0",
	}},
	{"$(whoami) -rf /", []string{
		"whoami @0.0 d=1",
		"$(whoami) -rf / @1.0 dyn",
	}},
	{"find / -delete", []string{
		"find / -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	{"find -delete", []string{
		"find -delete @0.0",
		"rm -r -f . @0.0 via=find syn",
	}},
	{"find . /tmp -name '*.o' -delete", []string{
		"find . /tmp -name *.o -delete @0.0",
		"rm -f ./*.o /tmp/*.o ./**/*.o /tmp/**/*.o @0.0 via=find syn",
	}},
	{"find . -exec rm -rf {} \\;", []string{
		"find . -exec rm -rf {} ; @0.0",
		"rm -rf {} @0.0 via=find",
		"rm -rf . @0.0 via=find syn",
		"rm -rf ./* @0.0 via=find syn",
	}},
	{"find . -type f -execdir sh -c 'rm \"$1\"' _ {} +", []string{
		"find . -type f -execdir sh -c \"rm \\\"$1\\\"\" _ {} + @0.0",
		"sh -c \"rm \\\"$1\\\"\" _ {} @0.0 via=find",
		"rm {} @1.0 d=1 via=find",
		"sh -c \"rm \\\"$1\\\"\" _ . @0.0 via=find syn",
		"rm . @2.0 d=1 via=find syn",
		"sh -c \"rm \\\"$1\\\"\" _ ./* @0.0 via=find syn",
		"rm ./* @3.0 d=1 via=find syn",
	}},
	{"ls | xargs rm -rf", []string{
		"ls @0.0",
		"xargs rm -rf @0.1",
		"rm -rf @0.1 via=xargs",
	}},
	{"ls | xargs -0 -n 1 -I{} rm -rf {}", []string{
		"ls @0.0",
		"xargs -0 -n 1 -I{} rm -rf {} @0.1",
		"rm -rf {} @0.1 via=xargs",
	}},
	{"timeout 5 nice -n 10 rm -rf /", []string{
		"timeout 5 nice -n 10 rm -rf / @0.0",
		"nice -n 10 rm -rf / @0.0 via=timeout",
		"rm -rf / @0.0 via=timeout,nice",
	}},
	{"timeout -s KILL 5s stdbuf -o0 nohup rm -rf /", []string{
		"timeout -s KILL 5s stdbuf -o0 nohup rm -rf / @0.0",
		"stdbuf -o0 nohup rm -rf / @0.0 via=timeout",
		"nohup rm -rf / @0.0 via=timeout,stdbuf",
		"rm -rf / @0.0 via=timeout,stdbuf,nohup",
	}},
	{"curl x | sh", []string{
		"curl x @0.0",
		"sh @0.1",
	}},
	{"curl -fsSL https://x.sh | sudo bash -s -- --flag", []string{
		"curl -fsSL https://x.sh @0.0",
		"sudo bash -s -- --flag @0.1",
		"bash -s -- --flag @0.1 via=sudo",
	}},
	{"bash <(curl x)", []string{
		"curl x @1.0 d=1",
		"bash \"<(curl x)\" @1.1",
	}},
	{"bash < <(curl x)", []string{
		"curl x @1.0 d=1",
		"bash @1.1 <\"<(curl x)\"",
	}},
	{"sh -c \"$(curl x)\"", []string{
		"curl x @1.0 d=1",
		"sh -c \"$(curl x)\" @1.1 dyn",
		"curl x @2.0 d=2",
		"$(curl x) @3.0 d=1 dyn",
	}},
	{"eval \"$(wget -qO- x)\"", []string{
		"wget -qO- x @1.0 d=1",
		"eval \"$(wget -qO- x)\" @1.1 dyn",
		"wget -qO- x @2.0 d=2",
		"$(wget -qO- x) @3.0 d=1 dyn",
	}},
	{"source <(curl x)", []string{
		"curl x @1.0 d=1",
		"source \"<(curl x)\" @1.1",
	}},
	{"python3 <(curl x)", []string{
		"curl x @1.0 d=1",
		"python3 \"<(curl x)\" @1.1",
	}},
	{"find / -exec rm -rf {} \\;", []string{
		"find / -exec rm -rf {} ; @0.0",
		"rm -rf {} @0.0 via=find",
		"rm -rf / @0.0 via=find syn",
		"rm -rf /* @0.0 via=find syn",
	}},
	{"find . -type f -name '*.tmp' -exec rm {} \\;", []string{
		"find . -type f -name *.tmp -exec rm {} ; @0.0",
		"rm {} @0.0 via=find",
		"rm ./*.tmp ./**/*.tmp @0.0 via=find syn",
	}},
	{"find . -name x -o -delete", []string{
		"find . -name x -o -delete @0.0",
		"rm -r -f . @0.0 via=find syn",
	}},
	{"find /tmp/build -delete", []string{
		"find /tmp/build -delete @0.0",
		"rm -r -f /tmp/build @0.0 via=find syn",
	}},
	{"find / -type f -delete", []string{
		"find / -type f -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	{"find / ! -name keep -delete", []string{
		"find / ! -name keep -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	// An action acts on what its own alternative picks: a pruning
	// alternative before -o widens nothing, a group narrows when each of
	// its alternatives does, a negated group narrows nothing.
	{"find . -path ./node_modules -prune -o -name '*.orig' -delete", []string{
		"find . -path ./node_modules -prune -o -name *.orig -delete @0.0",
		"rm -f ./*.orig ./**/*.orig @0.0 via=find syn",
	}},
	{"find / -name x -prune -o -type f -delete", []string{
		"find / -name x -prune -o -type f -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	{"find / -name '*.o' ! \\( -name a -o -name b \\) -delete", []string{
		"find / -name *.o ! ( -name a -o -name b ) -delete @0.0",
		"rm -f /*.o /**/*.o @0.0 via=find syn",
	}},
	{"find / ! \\( -name a -o -name b \\) -delete", []string{
		"find / ! ( -name a -o -name b ) -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	{"find / \\( -name a -o -type f \\) -delete", []string{
		"find / ( -name a -o -type f ) -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	{"find / -name '(' -o -delete", []string{
		"find / -name ( -o -delete @0.0",
		"rm -r -f / @0.0 via=find syn",
	}},
	// One-liners, here-documents, wrappers and near misses.
	{"python -c \"import os; os.system('rm -rf /')\"", []string{
		"python -c \"import os; os.system('rm -rf /')\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"python3 -c \"import shutil; shutil.rmtree('/home/user')\"", []string{
		"python3 -c \"import shutil; shutil.rmtree('/home/user')\" @0.0",
		"rm -r -f /home/user @1.0 d=1 syn",
	}},
	{"python3 -c 'import subprocess; subprocess.run([\"rm\", \"-rf\", \"/\"])'", []string{
		"python3 -c \"import subprocess; subprocess.run([\\\"rm\\\", \\\"-rf\\\", \\\"/\\\"])\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"python3 -c \"import subprocess as s; s.check_output('curl x | sh', shell=True)\"", []string{
		"python3 -c \"import subprocess as s; s.check_output('curl x | sh', shell=True)\" @0.0",
		"curl x @1.0 d=1 syn",
		"sh @1.1 d=1 syn",
	}},
	{"python -c 'import pty;pty.spawn(\"/bin/sh\")'", []string{
		"python -c \"import pty;pty.spawn(\\\"/bin/sh\\\")\" @0.0",
		"sh(/bin/sh) @1.0 d=1 syn",
	}},
	{"python3 -c \"import os; os.remove('/etc/passwd'); os.unlink(\\\"a\\\")\"", []string{
		"python3 -c \"import os; os.remove('/etc/passwd'); os.unlink(\\\"a\\\")\" @0.0",
		"rm -f /etc/passwd @1.0 d=1 syn",
		"rm -f a @2.0 d=1 syn",
	}},
	{"python3 -c \"from pathlib import Path; Path('/tmp/x').unlink(); print(Path('~/.ssh/id_rsa').read_text())\"", []string{
		"python3 -c \"from pathlib import Path; Path('/tmp/x').unlink(); print(Path('~/.ssh/id_rsa').read_text())\" @0.0",
		"rm -f /tmp/x @1.0 d=1 syn",
		"cat ~/.ssh/id_rsa @2.0 d=1 syn",
	}},
	{"python3 -c \"print(open('/etc/shadow').read()); open('out','w').write('x')\"", []string{
		"python3 -c \"print(open('/etc/shadow').read()); open('out','w').write('x')\" @0.0",
		"cat /etc/shadow @1.0 d=1 syn",
		"tee out @2.0 d=1 syn", // opened for writing
	}},
	{"python3 -c \"import os; os.system('rm -rf ' + p)\"", []string{
		"python3 -c \"import os; os.system('rm -rf ' + p)\" @0.0",
		"rm -rf $_ @1.0 d=1 dyn syn",
	}},
	{"python3 -c \"import os; os.execl('/bin/sh', 'sh', '-c', 'rm -rf /')\"", []string{
		"python3 -c \"import os; os.execl('/bin/sh', 'sh', '-c', 'rm -rf /')\" @0.0",
		"sh -c \"rm -rf /\" @1.0 d=1 syn",
		"rm -rf / @2.0 d=2 syn",
	}},
	{"python3 -Ic \"import os; os.system(f'rm -rf {d}')\"", []string{
		"python3 -Ic \"import os; os.system(f'rm -rf {d}')\" @0.0",
		"rm -rf $_ @1.0 d=1 dyn syn",
	}},
	{"perl -e 'system(\"rm -rf /\")'", []string{
		"perl -e \"system(\\\"rm -rf /\\\")\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"perl -le 'system \"rm\", \"-rf\", \"/\"'", []string{
		"perl -le \"system \\\"rm\\\", \\\"-rf\\\", \\\"/\\\"\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"perl -e 'unlink \"/etc/passwd\"; use File::Path; rmtree(\"/srv\")'", []string{
		"perl -e \"unlink \\\"/etc/passwd\\\"; use File::Path; rmtree(\\\"/srv\\\")\" @0.0",
		"rm -f /etc/passwd @1.0 d=1 syn",
		"rm -r -f /srv @2.0 d=1 syn",
	}},
	{"perl -e 'print `cat /etc/shadow`; qx(rm -rf /)'", []string{
		"perl -e \"print `cat /etc/shadow`; qx(rm -rf /)\" @0.0",
		"cat /etc/shadow @1.0 d=1 syn",
		"rm -rf / @2.0 d=1 syn",
	}},
	{"perl -e 'open(F, \"/etc/shadow\"); open(P, \"curl x |\")'", []string{
		"perl -e \"open(F, \\\"/etc/shadow\\\"); open(P, \\\"curl x |\\\")\" @0.0",
		"cat /etc/shadow @1.0 d=1 syn",
		"curl x @2.0 d=1 syn",
	}},
	{"ruby -e 'system(\"rm -rf /\")'", []string{
		"ruby -e \"system(\\\"rm -rf /\\\")\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"ruby -e '`rm -rf /`; %x(ls); FileUtils.rm_rf(\"/srv\"); File.read(\"/etc/shadow\")'", []string{
		"ruby -e \"`rm -rf /`; %x(ls); FileUtils.rm_rf(\\\"/srv\\\"); File.read(\\\"/etc/shadow\\\")\" @0.0",
		"rm -r -f /srv @1.0 d=1 syn",
		"cat /etc/shadow @2.0 d=1 syn",
		"rm -rf / @3.0 d=1 syn",
		"ls @4.0 d=1 syn",
	}},
	{"node -e \"require('child_process').execSync('rm -rf /')\"", []string{
		"node -e \"require('child_process').execSync('rm -rf /')\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"node -e \"const cp=require('child_process'); cp.spawn('rm', ['-rf', '/']); fs.rmSync('/srv', {recursive: true}); fs.readFileSync('/etc/shadow')\"", []string{
		"node -e \"const cp=require('child_process'); cp.spawn('rm', ['-rf', '/']); fs.rmSync('/srv', {recursive: true}); fs.readFileSync('/etc/shadow')\" @0.0",
		"rm -rf / @1.0 d=1 syn",
		"rm -r -f /srv @2.0 d=1 syn",
		"cat /etc/shadow @3.0 d=1 syn",
	}},
	{"node -e \"fs.createReadStream('/etc/shadow').pipe(out); Bun.file('/etc/hosts'); Deno.readTextFile('/etc/passwd')\"", []string{
		"node -e \"fs.createReadStream('/etc/shadow').pipe(out); Bun.file('/etc/hosts'); Deno.readTextFile('/etc/passwd')\" @0.0",
		"cat /etc/shadow @1.0 d=1 syn",
		"cat /etc/hosts @2.0 d=1 syn",
		"cat /etc/passwd @3.0 d=1 syn",
	}},
	{"node --eval \"require('child_process').exec(\\`rm -rf \\${d}\\`)\"", []string{
		"node --eval \"require('child_process').exec(`rm -rf ${d}`)\" @0.0",
		"rm -rf $_ @1.0 d=1 dyn syn",
	}},
	{"php -r 'system(\"rm -rf /\"); echo file_get_contents(\"/etc/shadow\");'", []string{
		"php -r \"system(\\\"rm -rf /\\\"); echo file_get_contents(\\\"/etc/shadow\\\");\" @0.0",
		"rm -rf / @1.0 d=1 syn",
		"cat /etc/shadow @2.0 d=1 syn",
	}},
	{"cat <<EOF | sh\nrm -rf /\nEOF", []string{
		"cat @0.0 <<\"rm -rf /\\n\"",
		"sh @0.1",
		"rm -rf / @1.0 d=1",
	}},
	{"bash <<'EOF'\nrm -rf /\nEOF", []string{
		"bash @0.0 <<\"rm -rf /\\n\"",
		"rm -rf / @1.0 d=1",
	}},
	{"sh <<< \"rm -rf /\"", []string{
		"sh @0.0 <<<\"rm -rf /\"",
		"rm -rf / @1.0 d=1",
	}},
	{"echo 'rm -rf /' | bash", []string{
		"echo \"rm -rf /\" @0.0",
		"bash @0.1",
		"rm -rf / @1.0 d=1",
	}},
	{"printf 'rm -rf /\\n' | sudo sh", []string{
		"printf \"rm -rf /\\\\n\" @0.0",
		"sudo sh @0.1",
		"sh @0.1 via=sudo",
		"rm -rf / @1.0 d=1 via=sudo",
	}},
	{"python3 - <<'EOF'\nimport os; os.system(\"rm -rf /\")\nEOF", []string{
		"python3 - @0.0 <<\"import os; os.system(\\\"rm -rf /\\\")\\n\"",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"env -S 'rm -rf /'", []string{
		"env -S \"rm -rf /\" @0.0",
		"rm -rf / @0.0 via=env",
	}},
	{"env -i FOO=bar -u HOME PATH=/x rm -rf /", []string{
		"env -i FOO=bar -u HOME PATH=/x rm -rf / @0.0",
		"rm -rf / @0.0 via=env",
	}},
	{"env -S\"sudo -u root rm -rf /\" extra", []string{
		"env \"-Ssudo -u root rm -rf /\" extra @0.0",
		"sudo -u root rm -rf / extra @0.0 via=env",
		"rm -rf / extra @0.0 via=env,sudo",
	}},
	{"grep -r \"rm -rf /\" docs/", []string{
		"grep -r \"rm -rf /\" docs/ @0.0",
	}},
	{"echo \"sudo reboot\"", []string{
		"echo \"sudo reboot\" @0.0",
	}},
	{"git -c core.pager=cat log", []string{
		"git -c core.pager=cat log @0.0",
		"cat @1.0 d=1 via=git", // the pager git runs
	}},
	{"su -c 'rm -rf /'", []string{
		"su -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1 via=su",
	}},
	{"su root -c 'rm -rf /'", []string{
		"su root -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1 via=su",
	}},
	{"su - postgres -c \"psql -c 'drop database x'\"", []string{
		"su - postgres -c \"psql -c 'drop database x'\" @0.0",
		"psql -c \"drop database x\" @1.0 d=1 via=su",
	}},
	{"ssh host rm -rf /", []string{
		"ssh host rm -rf / @0.0",
		"rm -rf / @1.0 d=1 via=ssh",
	}},
	{"ssh -i key -p 22 user@host 'sudo rm -rf / && echo done'", []string{
		"ssh -i key -p 22 user@host \"sudo rm -rf / && echo done\" @0.0",
		"rm -rf / @1.0 d=1 via=ssh,sudo",
		"echo done @2.0 d=1 via=ssh",
	}},
	{"ssh dokku@dokku.example.com apps:destroy shop --force", []string{
		"ssh dokku@dokku.example.com apps:destroy shop --force @0.0",
		"dokku apps:destroy shop --force @1.0 d=1 via=ssh",
	}},
	{"ssh dokku@dokku.example.com dokku ps:scale shop web=0", []string{
		"ssh dokku@dokku.example.com dokku ps:scale shop web=0 @0.0",
		"dokku ps:scale shop web=0 @1.0 d=1 via=ssh",
	}},
	{"watch -n 5 rm -rf /tmp/x", []string{
		"watch -n 5 rm -rf /tmp/x @0.0",
		"rm -rf /tmp/x @1.0 d=1 via=watch",
	}},
	{"watch 'ls | wc -l'", []string{
		"watch \"ls | wc -l\" @0.0",
		"ls @1.0 d=1 via=watch",
		"wc -l @1.1 d=1 via=watch",
	}},
	{"flock /tmp/lock rm -rf /", []string{
		"flock /tmp/lock rm -rf / @0.0",
		"rm -rf / @0.0 via=flock",
	}},
	{"flock -w 5 /tmp/lock -c 'rm -rf /'", []string{
		"flock -w 5 /tmp/lock -c \"rm -rf /\" @0.0",
		"rm -rf / @1.0 d=1 via=flock",
	}},
	{"chroot /mnt rm -rf /", []string{
		"chroot /mnt rm -rf / @0.0",
		"rm -rf / @0.0 via=chroot",
	}},
	{"command -v rm", []string{
		"command -v rm @0.0",
	}},
	{"command rm -rf /", []string{
		"command rm -rf / @0.0",
		"rm -rf / @0.0 via=command",
	}},
	{"builtin eval 'rm -rf /'", []string{
		"builtin eval \"rm -rf /\" @0.0",
		"eval \"rm -rf /\" @0.0 via=builtin",
		"rm -rf / @1.0 d=1 via=builtin",
	}},
	{"exec -a foo rm -rf /", []string{
		"exec -a foo rm -rf / @0.0",
		"rm -rf / @0.0 via=exec",
	}},
	{"time rm -rf /", []string{
		"time rm -rf / @0.0",
		"rm -rf / @0.0 via=time",
	}},
	{"time -p sudo rm -rf /", []string{
		"time -p sudo rm -rf / @0.0",
		"sudo rm -rf / @0.0 via=time",
		"rm -rf / @0.0 via=time,sudo",
	}},
	{"time { rm -rf /; }", []string{
		"time @0.0",
		"rm -rf / @1.0 via=time",
	}},
	{"ionice -c 3 rm -rf /", []string{
		"ionice -c 3 rm -rf / @0.0",
		"rm -rf / @0.0 via=ionice",
	}},
	{"setsid unbuffer rm -rf /", []string{
		"setsid unbuffer rm -rf / @0.0",
		"unbuffer rm -rf / @0.0 via=setsid",
		"rm -rf / @0.0 via=setsid,unbuffer",
	}},
	{"nice -10 rm -rf /", []string{
		"nice -10 rm -rf / @0.0",
		"rm -rf / @0.0 via=nice",
	}},
	{"echo cm0gLXJmIC8K | base64 -d | bash", []string{
		"echo cm0gLXJmIC8K @0.0",
		"base64 -d @0.1",
		"bash @0.2",
		"rm -rf / @1.0 d=1",
	}},
	{"base64 --decode <<< 'cm0gLXJmIC8K' | sh", []string{
		"base64 --decode @0.0 <<<\"cm0gLXJmIC8K\"",
		"sh @0.1",
		"rm -rf / @1.0 d=1",
	}},
	{"echo ls | base64 | sh", []string{
		"echo ls @0.0",
		"base64 @0.1",
		"sh @0.2",
	}},
	{"awk 'BEGIN { system(\"rm -rf /\") }'", []string{
		"awk \"BEGIN { system(\\\"rm -rf /\\\") }\" @0.0",
		"rm -rf / @1.0 d=1 syn",
	}},
	{"gawk -F: -v x=1 '{ print $1 | \"sh\" }' /etc/passwd", []string{
		"gawk -F: -v x=1 \"{ print $1 | \\\"sh\\\" }\" /etc/passwd @0.0",
		"sh @1.0 d=1 syn",
		// what the rule prints into sh comes from the input file
		"cat /etc/passwd @2.0 d=1",
		"sh @2.1 d=1",
	}},
	{"awk 'BEGIN { \"id\" | getline u; print u }'", []string{
		"awk \"BEGIN { \\\"id\\\" | getline u; print u }\" @0.0",
		"id @1.0 d=1 syn",
	}},
	{"awk -f prog.awk data", []string{
		"awk -f prog.awk data @0.0",
	}},
	{"awk '{print $1}' file", []string{
		"awk \"{print $1}\" file @0.0",
	}},
	// Home, variables, compound commands, redirections, fallback.
	{"cat ~/.ssh/id_rsa", []string{
		"cat ~/.ssh/id_rsa @0.0",
	}},
	{"rm -rf ~ ~/x \"$HOME\" ${HOME}/.ssh ~root/x", []string{
		"rm -rf ~ ~/x $HOME $HOME/.ssh ~root/x @0.0 dyn",
	}},
	{"HOME=/tmp; rm -rf ~ $HOME", []string{
		"rm -rf ~ /tmp @0.0",
	}},
	{"X=$(curl x); $X -rf /", []string{
		"curl x @0.0 d=1",
		"$X -rf / @1.0 dyn",
	}},
	{"a=$(echo rm); $a -rf /", []string{
		"echo rm @0.0 d=1",
		"rm -rf / @1.0",
	}},
	{"X=; $X rm -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"X=\"a b\"; echo \"$X\" $X", []string{
		"echo \"a b\" a b @0.0",
	}},
	{"X=r; X+=m; $X -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"${X:-rm} -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"for f in *; do rm \"$f\"; done; echo $f", []string{
		"rm * @0.0",
		"echo * @1.0",
	}},
	{"if true; then rm -rf /; else reboot; fi", []string{
		"true @0.0",
		"rm -rf / @1.0",
		"reboot @2.0",
	}},
	{"while read l; do rm \"$l\"; done < list", []string{
		" @0.0 <\"list\"",
		"read l @1.0",
		"rm $l @2.0 dyn",
	}},
	{"f() { rm -rf /; }; f", []string{
		"f @0.0",
		"rm -rf / @1.0 d=1 via=f",
	}},
	{"case x in y) rm -rf /;; esac", []string{
		"rm -rf / @0.0",
	}},
	{"(cd / && rm -rf *)", []string{
		"cd / @0.0",
		"rm -rf * @1.0",
	}},
	{"{ curl x; } | sh", []string{
		"curl x @0.0",
		"sh @0.1",
	}},
	{"echo $((1+$(rm -rf /)))", []string{
		"rm -rf / @0.0 d=1",
		"echo \"$((1+$(rm -rf /)))\" @1.0 dyn",
	}},
	{"[[ -f $(rm -rf /) ]]", []string{
		"rm -rf / @0.0 d=1",
	}},
	{"> ~/.bashrc", []string{
		" @0.0 >\"~/.bashrc\"",
	}},
	{"echo x >> ~/.bashrc 2>&1", []string{
		"echo x @0.0 >>\"~/.bashrc\" >&\"1\"",
	}},
	{"cat < /etc/passwd > \"$OUT\"", []string{
		"cat @0.0 dyn <\"/etc/passwd\" >\"$OUT\"",
	}},
	{"{ echo a; } > /etc/x", []string{
		" @0.0 >\"/etc/x\"",
		"echo a @1.0",
	}},
	{"rm -rf / &", []string{
		"rm -rf / @0.0",
	}},
	{"! rm -rf /", []string{
		"rm -rf / @0.0",
	}},
	{"exec > /tmp/log", []string{
		"exec @0.0 >\"/tmp/log\"",
	}},
	{"echo `echo \\`rm -rf /\\``", []string{
		"rm -rf / @0.0 d=2",
		"echo \"`rm -rf /\\\\`\" @1.0 d=1 dyn",
		"echo \"`echo \\\\`rm -rf /\\\\``\" @2.0 dyn",
	}},
	{"a | b | c | d", []string{
		"a @0.0",
		"b @0.1",
		"c @0.2",
		"d @0.3",
	}},
	{"a | { b | c; } | d", []string{
		"a @0.0",
		"b @0.1",
		"c @0.2",
		"d @0.3",
	}},
	{"echo \"$(rm -rf /)\" > \"$(mktemp)\"", []string{
		"rm -rf / @0.0 d=1",
		"mktemp @1.0 d=1",
		"echo \"$(rm -rf /)\" @2.0 dyn >\"/tmp/tmp.mktemp\"",
	}},
	{"cat $'\\x2fetc/shadow'", []string{
		"cat /etc/shadow @0.0",
	}},
	{"unterminated \"quote; rm -rf /", []string{
		"unterminated quote @0.0",
		"rm -rf / @1.0",
		"UNPARSED",
	}},
	{"echo ok && ( rm -rf /", []string{
		"echo ok @0.0",
		"rm -rf / @1.0",
		"UNPARSED",
	}},
	{"x=(a b); ${x[0]} -rf /", []string{
		"a -rf / @0.0",
	}},
	{"/usr/bin/env bash -c 'rm -rf /'", []string{
		"env(/usr/bin/env) bash -c \"rm -rf /\" @0.0",
		"bash -c \"rm -rf /\" @0.0 via=env",
		"rm -rf / @1.0 d=1 via=env",
	}},
	{"xargs", []string{
		"xargs @0.0",
	}},
	{"sudo", []string{
		"sudo @0.0",
	}},
	{"env", []string{
		"env @0.0",
	}},
	{"find", []string{
		"find @0.0",
	}},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		got := describeAll(Parse(tt.src))
		if !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q) =\n\t%s\nwant\n\t%s", tt.src, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
		}
	}
}
