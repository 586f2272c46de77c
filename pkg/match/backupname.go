package match

import "strings"

// backupSuffixes are the endings editors, package managers and people put
// on a copy of a file kept beside it: the copy holds what the file held.
var backupSuffixes = [...]string{
	".bak", ".orig", ".old", ".save", ".backup", ".swp", ".swo",
	".dpkg-old", ".dpkg-dist", ".dpkg-new", ".dpkg-bak", ".rpmsave", ".rpmnew", ".ucf-old", ".ucf-dist",
	".rampart-backup", // rampart-hook setup's copy of an agent's settings before its first change
}

// systemBackupDirs are directories where the system keeps its own copies
// of /etc's files under their base names (Debian's daily
// /var/backups/shadow.bak, passwd.bak, gshadow.bak).
var systemBackupDirs = [...]string{"/var/backups/"}

// BackupOriginals appends to dst the names of the files the cleaned path
// p is a kept copy of, read from its name alone: an editor's backup
// (NAME~), swap file (.NAME.swp, .NAME.swo) or auto-save (#NAME#), the
// shadow tools' copy of an /etc file (/etc/shadow-), a
// copy with a backup ending (NAME.bak, NAME.orig, NAME.old, NAME.save,
// NAME.dpkg-old, NAME.rpmsave), and, for the system's backup directory,
// the /etc file it copies. A copy's contents are the original's, so what
// reading the original means, reading the copy means too. The copy of a
// copy (id_rsa.bak~) is followed one step further.
func BackupOriginals(dst []string, p string) []string {
	for range 2 {
		q, ok := backupOriginal(p)
		if !ok {
			break
		}
		dst = append(dst, q)
		if rest, ok := systemBackupName(q); ok {
			dst = append(dst, "/etc/"+rest)
		}
		p = q
	}
	return dst
}

// backupOriginal returns the name p is a kept copy of, and whether it is
// one.
func backupOriginal(p string) (string, bool) {
	i := strings.LastIndexByte(p, '/')
	dir, base := p[:i+1], p[i+1:]
	switch {
	case len(base) > 2 && base[0] == '#' && base[len(base)-1] == '#':
		return dir + base[1:len(base)-1], true
	case len(base) > 1 && base[len(base)-1] == '~':
		return dir + base[:len(base)-1], true
	case dir == "/etc/" && len(base) > 1 && base[len(base)-1] == '-':
		// shadow-, gshadow-, passwd-: the copy the shadow tools keep of
		// the file they rewrite
		return dir + base[:len(base)-1], true
	}
	if !mayEndBackup(base) {
		return "", false
	}
	lower := strings.ToLower(base)
	for _, suf := range backupSuffixes {
		if !strings.HasSuffix(lower, suf) || len(base) == len(suf) {
			continue
		}
		name := base[:len(base)-len(suf)]
		if suf == ".swp" || suf == ".swo" {
			// vim's swap file is the hidden .NAME.swp
			if len(name) < 2 || name[0] != '.' {
				return "", false
			}
			name = name[1:]
		}
		return dir + name, true
	}
	return "", false
}

// mayEndBackup reports whether base may end with one of backupSuffixes
// once lowered, without lowering it: each suffix holds one '.', its first
// byte, so an ASCII name ends with one exactly when what follows its last
// '.' is one in some case. A name with a byte outside ASCII is left to the
// lowering (its case folding may change it).
func mayEndBackup(base string) bool {
	dot := -1
	for i := 0; i < len(base); i++ {
		switch c := base[i]; {
		case c >= 0x80:
			return true
		case c == '.':
			dot = i
		}
	}
	if dot < 0 {
		return false
	}
	ext := base[dot:]
	for _, suf := range backupSuffixes {
		if len(ext) == len(suf) && strings.EqualFold(ext, suf) {
			return true
		}
	}
	return false
}

// systemBackupName returns the base name of a file in a system backup
// directory (/var/backups/shadow from /var/backups/shadow.bak).
func systemBackupName(p string) (string, bool) {
	for _, d := range systemBackupDirs {
		if rest, ok := strings.CutPrefix(p, d); ok && rest != "" && !strings.Contains(rest, "/") {
			return rest, true
		}
	}
	return "", false
}
