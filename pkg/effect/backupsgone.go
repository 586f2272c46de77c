package effect

import (
	"slices"
	"strings"

	"rampart.dev/pkg/catalog"
	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// A destroy that takes a backup store whole: every snapshot of a backup
// tool's repository (restic forget --keep-last 0, borg delete REPO, borg
// prune --keep-within 1H, velero backup delete --all, tarsnap --nuke), or
// every object of a store named for backups (aws s3 rm s3://acme-backups
// --recursive, gsutil -m rm -r gs://…-backups, rclone purge b2:backups, mc
// rb --force minio/backups). What a backup is kept for is gone with it:
// the detail "backups". One snapshot, one archive (borg delete
// REPO::ARCHIVE) or one object removed stays the destroy it is.

// backupTools are the programs whose every repository holds backups.
var backupTools = table.Map[string, bool]{Words: "restic rustic borg borgmatic velero tarsnap kopia duplicity duplicati bupstash tmutil"}

// machineBackupTools are the backup tools each of whose backups is a whole
// machine's or volume's copy (Time Machine's backups and local
// snapshots): any of them destroyed is a store of backups gone.
var machineBackupTools = table.Map[string, bool]{Words: "tmutil"}

// sweepFlags are options that take everything a destroy names.
var sweepFlags = table.Map[string, bool]{Words: "-r -R --recursive --all --nuke -rf -fr --force --purge"}

// backupsDestroyed upgrades command i's destroy to "backups" when it takes
// a backup store whole.
func (a *analysis) backupsDestroyed(i int, c *shell.Command, cl *catalog.Classified) {
	found := false
	for k := len(a.out) - 1; k >= 0 && a.out[k].Cmd == i; k-- {
		found = found || a.out[k].Kind == Destroy && a.out[k].Detail == "remote"
	}
	if !found {
		return
	}
	tool := backupTools.Get(c.Name)
	named := tool
	whole := cl.Mark("destroy") || machineBackupTools.Get(c.Name) // restic forget --keep-last 0, borg prune --keep-within 1H
	if n, ok := keptCount(c.Args); ok && n > 0 && tool {
		whole = false // --keep-daily 0 --keep-last 1: one kept (backupthin.go)
	}
	for _, w := range cl.Words {
		if w.Option != "" && w.Role != catalog.Remote {
			continue
		}
		if w.Role == catalog.Read || w.Role == catalog.Upload {
			// pg_restore --clean backups/dev.dump: the file it reads
			// from, not the store it destroys
			continue
		}
		l := strings.ToLower(w.Text)
		if strings.Contains(l, "backup") {
			named = true
		}
		if strings.HasSuffix(l, "/**") || strings.HasSuffix(l, "/*") {
			whole = true // gsutil rm 'gs://acme-backups/**'
		}
		if tool && c.Name == "borg" && strings.Contains(l, "::") {
			return // one archive
		}
	}
	takesValue := func(opt string) bool { // restic -r REPO: a value, not a sweep
		for _, w := range cl.Words {
			if w.Option == opt {
				return true
			}
		}
		return false
	}
	for _, arg := range c.Args {
		name, _, _ := strings.Cut(arg, "=")
		if sweepFlags.Get(name) && !takesValue(name) || arg == "purge" || arg == "rb" || c.Name == "rclone" && arg == "delete" {
			// (rclone delete removes every file under its path)
			whole = true
		}
	}
	if tool && c.Name == "borg" && slices.Contains(c.Args, "delete") {
		// borg delete REPO: the repository whole; with -a PATTERN, the
		// archives it matches, every one for "*"
		pattern, given := "", false
		for k, arg := range c.Args {
			if v, ok := strings.CutPrefix(arg, "--glob-archives="); ok {
				pattern, given = v, true
			} else if (arg == "-a" || arg == "--glob-archives") && k+1 < len(c.Args) {
				pattern, given = c.Args[k+1], true
			}
		}
		pattern = strings.TrimPrefix(pattern, "sh:")
		whole = whole || !given || pattern == "*"
	}
	if !named || !whole {
		return
	}
	a.add(Effect{Kind: Destroy, Cmd: i, Detail: "backups", Word: c.Name + " destroys a backup store whole"})
}
