package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// fallbackShell runs commands when nothing better is known.
const fallbackShell = "/bin/sh"

// realShell picks the shell that runs allowed commands:
// $RAMPART_REAL_SHELL, else the user's login shell from /etc/passwd, else
// /bin/sh. A candidate that is this binary (or missing) is skipped, so the
// shim never execs itself.
func realShell(getenv func(string) string, self string) string {
	for _, c := range []string{getenv("RAMPART_REAL_SHELL"), loginShell("/etc/passwd", os.Getuid())} {
		if p := usableShell(c, self); p != "" {
			return p
		}
	}
	return fallbackShell
}

func usableShell(c, self string) string {
	if c == "" {
		return ""
	}
	p := c
	if !strings.ContainsRune(c, '/') {
		var err error
		if p, err = exec.LookPath(c); err != nil {
			return ""
		}
	}
	st, err := os.Stat(p)
	if err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
		return ""
	}
	if isSelf(p, self) {
		return ""
	}
	return p
}

// isSelf reports whether path is the rampart-shell binary: the same file,
// or any file of that name (a second copy would pick its real shell the
// same way, but a loop of copies must not be possible).
func isSelf(path, self string) bool {
	if filepath.Base(path) == "rampart-shell" {
		return true
	}
	if self == "" {
		return false
	}
	a, err1 := os.Stat(path)
	b, err2 := os.Stat(self)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// loginShell returns uid's shell from a passwd file, or "".
func loginShell(passwd string, uid int) string {
	f, err := os.Open(passwd)
	if err != nil {
		return ""
	}
	defer f.Close()
	want := strconv.Itoa(uid)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// name:password:uid:gid:gecos:home:shell
		fields := strings.Split(sc.Text(), ":")
		if len(fields) == 7 && fields[2] == want {
			return fields[6]
		}
	}
	return ""
}
