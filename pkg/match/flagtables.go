package match

// The flag tables: what parsing a command's flags (parseFlagsInto) knows of
// a program's options, one entry per program, by name. The table is static
// data laid out by the linker, found through flagSlots, a 128-byte index
// filled at package initialisation (a few hundred instructions): nothing
// is built when a process first parses a command's flags (the five maps it
// used to build then cost a one-shot process some 90k instructions).

// flagTable is what the flag tables hold for one program.
type flagTable struct {
	prog string
	// vals are the short options whose value may be attached ("git
	// checkout -bfeature"): the letters after one are its value, not more
	// flags.
	vals string
	// subs are, per subcommand, the short options whose value may be
	// attached, where a subcommand's differ from the program's: git log
	// -Sfoo takes a value, git restore -SW . is -S -W.
	subs []subFlags
	// aliases map the spellings of one flag onto a single short letter so
	// that every spelling matches every other; 0 keeps the long name.
	aliases []flagAlias
	// single: the program's "-word" options are words, not clusters.
	single bool
}

// subFlags are a subcommand's own short options with attached values.
type subFlags struct{ sub, vals string }

// flagAlias is one spelling of a flag and the short letter it stands for
// (0: none, the flag is matched by its long name).
type flagAlias struct {
	name string
	c    byte
}

// flagTables holds the tables by program name, sorted and each program once
// (TestFlagTablesSorted).
var flagTables = [...]flagTable{
	{prog: "base64", aliases: []flagAlias{{"decode", 'd'}, {"D", 'd'}}},
	{prog: "cc", single: true},
	{prog: "chgrp", aliases: []flagAlias{{"recursive", 'R'}}},
	{prog: "chmod", aliases: []flagAlias{{"recursive", 'R'}}},
	{prog: "chown", aliases: []flagAlias{{"recursive", 'R'}}},
	{prog: "clang", single: true},
	{prog: "cp", aliases: []flagAlias{{"recursive", 'r'}, {"R", 'r'}, {"force", 'f'}, {"archive", 'a'}}},
	{prog: "crontab", aliases: []flagAlias{{"remove", 'r'}}},
	{prog: "curl", vals: "oOdHXuFTAeEwrbcDKmxyYz", aliases: []flagAlias{{"data", 'd'}, {"upload-file", 'T'}, {"form", 'F'}, {"data-binary", 0}}},
	{prog: "dd", single: true},
	{prog: "docker", aliases: []flagAlias{{"force", 'f'}, {"all", 'a'}, {"volumes", 0}, {"privileged", 0}}},
	{prog: "ffmpeg", single: true},
	{prog: "find", single: true},
	{prog: "gcc", single: true},
	{prog: "git", vals: "bBcCmFtSuo", subs: []subFlags{{"restore", "s"}}, aliases: []flagAlias{{"force", 'f'}, {"hard", 0}, {"delete", 'd'}, {"D", 'D'}}},
	{prog: "go", single: true},
	{prog: "grep", vals: "efmABCD"},
	{prog: "iptables", single: true},
	{prog: "java", single: true},
	{prog: "kill", aliases: []flagAlias{{"KILL", '9'}}},
	{prog: "kubectl", aliases: []flagAlias{{"all", 0}, {"force", 0}}},
	{prog: "mv", aliases: []flagAlias{{"force", 'f'}}},
	{prog: "npm", aliases: []flagAlias{{"force", 'f'}}},
	{prog: "openssl", single: true},
	{prog: "rm", aliases: []flagAlias{{"recursive", 'r'}, {"R", 'r'}, {"force", 'f'}, {"dir", 'd'}, {"no-preserve-root", 0}}},
	{prog: "rsync", aliases: []flagAlias{{"delete", 0}, {"recursive", 'r'}, {"archive", 'a'}}},
	{prog: "sed", vals: "ef", aliases: []flagAlias{{"in-place", 'i'}}},
	{prog: "shred", aliases: []flagAlias{{"remove", 'u'}, {"zero", 'z'}, {"force", 'f'}}},
	{prog: "ssh", vals: "bcDEeFIiJLlmOoPpQRSWw"},
	{prog: "tar", vals: "fCIT", aliases: []flagAlias{{"extract", 'x'}, {"create", 'c'}, {"file", 'f'}, {"gzip", 'z'}}},
	{prog: "truncate", aliases: []flagAlias{{"size", 's'}}},
	{prog: "xargs"}, // its -word options are clusters, as most programs'
	{prog: "xxd", aliases: []flagAlias{{"revert", 'r'}}},
}

// flagTableFor returns prog's flag table, or nil when it has none (most
// programs). It is asked once per command: one probe of flagSlots, where
// a binary search made five string comparisons.
func flagTableFor(prog string) *flagTable {
	if prog == "" {
		return nil
	}
	for k := flagHash(prog); flagSlots[k] != 0; k = (k + 1) & (uint(len(flagSlots)) - 1) {
		if t := &flagTables[flagSlots[k]-1]; t.prog == prog {
			return t
		}
	}
	return nil
}

// flagSlots index flagTables by flagHash of the program's name, by open
// addressing: a slot holds 1 + the index of a table, or 0 when empty. Its
// 128 slots keep most names one probe from their answer while the tables
// number under 64 (TestFlagSlots).
var flagSlots = func() (s [128]uint8) {
	for i := range flagTables {
		k := flagHash(flagTables[i].prog)
		for s[k] != 0 {
			k = (k + 1) & (uint(len(s)) - 1)
		}
		s[k] = uint8(i + 1)
	}
	return s
}()

// flagHash is a slot of flagSlots for a name that is not "": its length
// and end bytes mixed.
func flagHash(name string) uint {
	return (uint(name[0])*31 + uint(name[len(name)-1])*7 + uint(len(name))*131) & 127
}

// alias returns the letter a flag's spelling stands for, and whether the
// table has the spelling. A nil table has none.
func (t *flagTable) alias(name string) (byte, bool) {
	if t == nil {
		return 0, false
	}
	for _, a := range t.aliases {
		if a.name == name {
			return a.c, true
		}
	}
	return 0, false
}

// subVals returns the attached-value options of subcommand sub, when they
// differ from the program's.
func (t *flagTable) subVals(sub string) (string, bool) {
	if t == nil {
		return "", false
	}
	for _, s := range t.subs {
		if s.sub == sub {
			return s.vals, true
		}
	}
	return "", false
}

// minAbbrev is the shortest prefix of a long option read as the option:
// three letters for GNU tools here, one for git, whose option parser takes
// any unambiguous prefix (git reset --h is --hard).
func minAbbrev(prog string) int {
	if prog == "git" {
		return 1
	}
	return 3
}
