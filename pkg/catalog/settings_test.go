package catalog

import (
	"strings"
	"testing"
)

func TestSettingsTableLoads(t *testing.T) {
	st := settings.Get()
	if len(st.exact) < 100 || len(st.globs) < 20 {
		t.Fatalf("settings table: %d exact keys, %d patterns", len(st.exact), len(st.globs))
	}
	for k, s := range st.exact {
		if s.Does == 0 || s.Namespace == "" {
			t.Errorf("%s: no kind or namespace", k)
		}
	}
}

func TestParseSettingsRejects(t *testing.T) {
	for _, text := range []string{
		"env:X | nonsense |",
		"X | command |",
		"env:X | command | @nosuchtest",
		"env:X | command |\nenv:X | program |",
		"env:X | command",
	} {
		if _, err := parseSettings(text); err == nil {
			t.Errorf("parseSettings(%q) accepted", text)
		}
	}
}

func TestLookupSetting(t *testing.T) {
	for _, c := range []struct {
		ns, key string
		does    Does
	}{
		{"env", "GIT_SSH_COMMAND", RunsCommand},
		{"env", "LD_PRELOAD", LoadsCode},
		{"env", "PATH", SearchPath},
		{"env", "CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER", RunsProgram},
		{"env", "GIT_CONFIG_KEY_3", ConfigKey},
		{"env", "npm_config_script_shell", RunsProgram},
		{"env", "NPM_CONFIG_REGISTRY", CodeSource},
		{"env", "PIP_INDEX_URL", CodeSource},
		{"env", "PIP_TRUSTED_HOST", Insecure},
		{"env", "CONDA_SSL_VERIFY", Verify},
		{"git", "core.sshCommand", RunsCommand},
		{"git", "CORE.SSHCOMMAND", RunsCommand},
		{"git", "GPG.program", RunsProgram},
		{"git", "credential.helper", Helper},
		{"git", "credential.https://example.com.helper", Helper},
		{"git", "http.sslVerify", Verify},
		{"git", "http.https://example.com/.sslVerify", Verify},
		{"git", "filter.lfs.smudge", RunsCommand},
		{"git", "includeIf.gitdir:/tmp/.path", LoadsCode},
		{"git", "url.https://evil.example/.insteadOf", URLRewrite},
		{"git", "pager.log", RunsCommand},
		{"git", "alias.x", Bang},
		{"npm", "Script-Shell", RunsProgram},
		{"npm", "@acme:registry", CodeSource},
		{"yarn", "npmRegistryServer", CodeSource},
		{"cargo", "target.x86_64-unknown-linux-gnu.runner", RunsProgram},
		{"cargo", "env.LD_PRELOAD", EnvMap},
	} {
		s := LookupSetting(c.ns, c.key)
		if s == nil || s.Does != c.does {
			t.Errorf("LookupSetting(%s, %s) = %+v, want kind %d", c.ns, c.key, s, c.does)
		}
	}
	for _, c := range [][2]string{{"env", "git_ssh_command"}, {"env", "HOME"}, {"git", "user.email"},
		{"git", "core.sshcommandx"}, {"git", "filterx.a.clean"}, {"npm", "fund"}, {"git", "alias"}} {
		if s := LookupSetting(c[0], c[1]); s != nil {
			t.Errorf("LookupSetting(%s, %s) = %+v, want none", c[0], c[1], s)
		}
	}
}

// uses renders what SettingsOf found as "NAME=VALUE via" lines.
func uses(name string, args ...string) string {
	var out []string
	for _, u := range SettingsOf(name, args) {
		v := u.Value
		if u.FromEnv != "" {
			v = "$" + u.FromEnv
		}
		if u.Unknown {
			v = "?"
		}
		p := ""
		if u.Persistent {
			p = " persistent"
		}
		out = append(out, u.Name()+"="+v+" ("+u.Via+p+")")
	}
	return strings.Join(out, "; ")
}

func TestSettingsOfChannels(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"git", []string{"-c", "core.sshCommand=x", "fetch"}, "git:core.sshcommand=x (git -c)"},
		{"git", []string{"-cCORE.pager=x", "log"}, "git:core.pager=x (git -c)"},
		{"git", []string{"-c", "http.sslVerify", "fetch"}, "git:http.sslverify=true (git -c)"},
		{"git", []string{"--config-env=core.editor=ED", "commit"}, "git:core.editor=$ED (git --config-env)"},
		{"git", []string{"--config-env", "core.editor=ED", "commit"}, "git:core.editor=$ED (git --config-env)"},
		{"git", []string{"--exec-path=/tmp", "status"}, "GIT_EXEC_PATH=/tmp (git --exec-path)"},
		{"git", []string{"config", "--global", "core.editor", "vim"}, "git:core.editor=vim (git config persistent)"},
		{"git", []string{"config", "--file", ".git/config", "core.pager", "x"}, "git:core.pager=x (git config persistent)"},
		{"git", []string{"config", "set", "core.pager", "x"}, "git:core.pager=x (git config persistent)"},
		{"git", []string{"config", "--get", "core.pager"}, ""},
		{"git", []string{"config", "--unset", "core.pager"}, ""},
		{"git", []string{"-C", "/r", "config", "credential.helper", "store"}, "git:credential.helper=store (git config persistent)"},
		{"git", []string{"clone", "-c", "core.hooksPath=/tmp/h", "u"}, "git:core.hookspath=/tmp/h (git clone -c persistent)"},
		{"git", []string{"fetch", "--upload-pack=x"}, "git:remote.cmdline.uploadpack=x (git fetch --upload-pack)"},
		{"git", []string{"push", "--receive-pack", "x", "origin"}, "git:remote.cmdline.receivepack=x (git push --receive-pack)"},
		{"git", []string{"commit", "-c", "core.pager=x"}, ""},
		{"git", []string{"commit", "-m", "git -c core.pager=x"}, ""},
		{"env", []string{"-u", "HOME", "A=1", "GIT_PAGER=x", "git", "LD_PRELOAD=y"}, "GIT_PAGER=x (env)"},
		{"env", []string{"-S", "GIT_PAGER=x git log"}, "GIT_PAGER=x (env)"},
		{"sudo", []string{"-u", "root", "LD_PRELOAD=y", "ls"}, "LD_PRELOAD=y (sudo)"},
		{"export", []string{"-n", "PATH=/tmp"}, "PATH=/tmp (export)"},
		{"make", []string{"CC=x", "all"}, "CC=x (make)"},
		{"read", []string{"-r", "PATH", "x"}, "PATH=? (read)"},
		{"read", []string{"-p", "EDITOR", "name"}, ""},
		{"printf", []string{"-v", "EDITOR", "vim"}, "EDITOR=vim (printf)"},
		{"printf", []string{"-vPATH", "%s", "x"}, "PATH=? (printf)"},
		{"npm", []string{"config", "set", "script-shell", "x"}, "npm:script-shell=x (npm config persistent)"},
		{"npm", []string{"config", "set", "registry=u", "fund=false"}, "npm:registry=u (npm config persistent)"},
		{"npm", []string{"config", "set", "node-options", "--require x"}, "npm:node-options=--require x (npm config persistent)"},
		{"npm", []string{"set", "shell", "x"}, "npm:shell=x (npm config persistent)"},
		{"npm", []string{"install", "--registry=u", "x"}, "npm:registry=u (npm option)"},
		{"npm", []string{"run", "t", "--", "--registry=u"}, ""},
		{"pip", []string{"config", "--user", "set", "global.index-url", "u"}, "pip:index-url=u (pip config persistent)"},
		{"pip", []string{"install", "--trusted-host", "h", "x"}, "pip:trusted-host=h (pip option)"},
		{"go", []string{"env", "-w", "GOFLAGS=-toolexec=x", "GOPROXY=u"}, "GOFLAGS=-toolexec=x (go env -w persistent); GOPROXY=u (go env -w persistent)"},
		{"go", []string{"env", "GOFLAGS"}, ""},
		{"cargo", []string{"--config", `build.rustc-wrapper="x"`, "build"}, "cargo:build.rustc-wrapper=x (cargo --config)"},
		{"cargo", []string{"--config=env.LD_PRELOAD='y'", "build"}, "LD_PRELOAD=y (cargo --config)"},
		{"gh", []string{"config", "set", "-h", "github.com", "editor", "x"}, "gh:editor=x (gh config persistent)"},
		{"conda", []string{"config", "--set", "ssl_verify", "false"}, "conda:ssl_verify=false (conda config persistent)"},
		{"poetry", []string{"config", "repositories.corp", "u"}, "poetry:repositories.corp=u (poetry config persistent)"},
		{"bundle", []string{"config", "set", "mirror.all", "u"}, "bundle:mirror.all=u (bundle config persistent)"},
		{"hg", []string{"--config", "hooks.pre-status=x", "status"}, "hg:hooks.pre-status=x (hg --config)"},
		{"hg", []string{"pull", "--config=ui.ssh=x"}, "hg:ui.ssh=x (hg --config)"},
		{"chg", []string{"--config", "alias.x=!y", "x"}, "hg:alias.x=!y (chg --config)"},
		{"sl", []string{"--config", "extensions.e=/tmp/e.py", "log"}, "hg:extensions.e=/tmp/e.py (sl --config)"},
		{"hg", []string{"--config", "ui.username=dev", "commit"}, ""},
		{"ls", []string{"GIT_PAGER=x"}, ""},
	} {
		if got := uses(c.name, c.args...); got != c.want {
			t.Errorf("SettingsOf(%s %q) = %q, want %q", c.name, c.args, got, c.want)
		}
	}
}

func TestSettingCommandLine(t *testing.T) {
	for _, c := range []struct {
		ns, kv, want string
		ok           bool
	}{
		{"env", "GIT_SSH_COMMAND=ssh -i k", "ssh -i k", true},
		{"env", "LESSOPEN=|lesspipe %s", "lesspipe %s", true},
		{"env", "LD_PRELOAD=/x.so", "", false},
		{"git", "pager.branch=false", "", false},
		{"git", "core.fsmonitor=true", "", false},
		{"git", "credential.helper=store", "", false},
		{"git", "credential.helper=!gh auth git-credential", "gh auth git-credential", true},
		{"git", "credential.helper=/usr/bin/helper get", "/usr/bin/helper get", true},
		{"git", "alias.x=!rm x", "rm x", true},
		{"git", "alias.x=log", "", false},
		{"git", "sendemail.smtpserver=smtp.example.com", "", false},
		{"git", "remote.origin.url=ext::sh -c touch% x", "sh -c 'touch x'", true},
		{"git", "remote.origin.url=ext::git%%x %S% foo", "git%x 'git-upload-pack foo'", true},
		// options whose value is a command line: the rest of the value
		{"env", `GOFLAGS=-mod=mod -toolexec=sh -c "touch x"`, `sh -c "touch x"`, true},
		{"env", `GOFLAGS=-toolexec="sh -c id"`, "sh -c id", true},
		{"env", "GOFLAGS=-exec qemu-arm", "qemu-arm", true},
		{"env", "GOFLAGS=-mod=mod -executable=x", "", false},
		{"env", "_JAVA_OPTIONS=-Xmx2g -XX:OnOutOfMemoryError=kill -9 %p", "kill -9 %p", true},
		{"env", "JAVA_TOOL_OPTIONS=-Xmx2g", "", false},
	} {
		var u SettingUse
		var ok bool
		if c.ns == "env" {
			u, ok = AssignmentSetting(c.kv, "test")
		} else {
			u, ok = GitSetting(c.kv, "test")
		}
		if !ok {
			t.Fatalf("%s: not a setting", c.kv)
		}
		got, gotOK := u.CommandLine()
		if got != c.want || gotOK != c.ok {
			t.Errorf("CommandLine(%s) = %q, %v; want %q, %v", c.kv, got, gotOK, c.want, c.ok)
		}
	}
}

// TestGitExtRemoteOnTheLine: a remote named on the line as an ext:: address
// is a command git runs, whichever verb names it; an ordinary address is not.
func TestGitExtRemoteOnTheLine(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"clone", "ext::sh -c touch% x", "dir"}, "sh -c 'touch x'"},
		{[]string{"ls-remote", "ext::tool %S"}, "tool git-upload-pack"},
		{[]string{"archive", "--remote=ext::sh -c id", "HEAD"}, "sh -c id"},
		{[]string{"push", "ext::sh -c id", "main"}, "sh -c id"},
		{[]string{"clone", "https://example.org/x.git"}, ""},
	} {
		got := ""
		for _, u := range SettingsOf("git", c.args) {
			if cmd, ok := u.CommandLine(); ok {
				got = cmd
			}
		}
		if got != c.want {
			t.Errorf("git %q: command %q, want %q", c.args, got, c.want)
		}
	}
}

func TestGitConfigParameters(t *testing.T) {
	got, ok := GitConfigParameters(`'core.sshCommand'='ssh -i k' 'color.ui'='never'`)
	if !ok || strings.Join(got, "|") != "core.sshCommand=ssh -i k|color.ui=never" {
		t.Errorf("GitConfigParameters = %q, %v", got, ok)
	}
	if _, ok := GitConfigParameters("foo"); ok {
		t.Error("GitConfigParameters(foo) accepted")
	}
	if _, ok := GitConfigParameters("'unterminated"); ok {
		t.Error("GitConfigParameters accepted an open quote")
	}
}

func BenchmarkSettingsOfPlain(b *testing.B) {
	args := []string{"status", "--short"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(SettingsOf("git", args)) != 0 {
			b.Fatal("setting found")
		}
	}
}

// TestOrdinaryFortranAndCUDACompilers: a Fortran or CUDA compiler named by
// cmake's compiler variables or FC, CUDACXX is everyday use; a program
// elsewhere is not.
func TestOrdinaryFortranAndCUDACompilers(t *testing.T) {
	for _, c := range []struct {
		ns, key, value string
		want           bool
	}{
		{"cmake", "CMAKE_Fortran_COMPILER", "gfortran", true},
		{"cmake", "CMAKE_Fortran_COMPILER", "gfortran-13", true},
		{"cmake", "CMAKE_CUDA_COMPILER", "nvcc", true},
		{"env", "FC", "ifx", true},
		{"env", "CUDACXX", "nvcc", true},
		{"env", "FC", "/tmp/x/gfortran", false},
		{"cmake", "CMAKE_Fortran_COMPILER", "fortran-helper", false},
	} {
		s := LookupSetting(c.ns, c.key)
		if s == nil {
			t.Errorf("%s:%s is no setting", c.ns, c.key)
			continue
		}
		if got := s.OrdinaryProgram(c.value); got != c.want {
			t.Errorf("%s:%s=%s ordinary = %v, want %v", c.ns, c.key, c.value, got, c.want)
		}
	}
}
