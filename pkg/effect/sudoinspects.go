package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// Root only looking: sudo (or doas) running a program that only prints the
// state of the disks, volumes, kernel or security modules (sudo lvs, sudo
// smartctl -a /dev/sda, sudo dmesg, sudo cryptsetup status cryptroot, sudo
// btrfs subvolume list /). Such a program needs root to read a device or
// a log, and changes nothing; the same program with an option that acts
// (smartctl -t, dmesg -C, cryptsetup luksDump --dump-volume-key, auditctl
// -D) is not looking. What the program reads is still judged as the read
// it is (sudo lsof of another user, a key file it prints).

// inspectSpecs are the looking programs, one a line:
//
//	PROGRAM[,ALIAS] [LEADING...] | REQUIRED | FORBIDDEN
//
// LEADING are the operands that must come first, each a comma list of
// spellings (btrfs filesystem,fi usage,df,show); REQUIRED, when given,
// are options one of which must be present (mdadm --detail); FORBIDDEN
// are options none of which may be (a short option also counts inside a
// bundle: dmesg -Cw; and, as getopt_long takes a long option's unique
// start for it, a long option that starts one: dmesg --clea). sfdisk acts
// on the last action given, so its acting options are forbidden beside -l.
const inspectSpecs = `
lvs,vgs,pvs,lvdisplay,vgdisplay,pvdisplay | |
lshw | | -dump
blkid,lsblk,findmnt,lspci,lsusb,lscpu,dmidecode,lsmod,modinfo,iotop,iostat,vmstat,aa-status,apparmor_status,sestatus,getenforce,ausearch,aureport,dumpe2fs,netstat | |
ss | | -K --kill
dmesg | | -C --clear -c --read-clear -D --console-off -E --console-on -n --console-level
smartctl | -a -x -i -H -A -c -l --all --xall --info --health --attributes --capabilities --log --scan | -t --test -s --smart -o --offlineauto -S --saveauto -X --abort --set
hdparm | -I -i -t -T -g -C | -a -b -c -d -e -f -h -j -k -l -m -n -o -p -q -r -s -u -v -w -x -y -z -A -B -D -E -F -G -H -J -K -L -M -N -O -P -Q -R -S -U -V -W -X -Y -Z --security-erase --security-erase-enhanced --security-set-pass --security-disable --security-unlock --security-freeze --user-master --trim-sector-ranges --trim-sector-ranges-stdin --write-sector --make-bad-sector --repair-sector --fwdownload --fwdownload-mode3 --fwdownload-mode3-max --fwdownload-mode7 --dco-restore --dco-setmax --dco-freeze --drq-hsm-error --idle-immediate --idle-unload --set-sector-size --prefer-ata12 --offset --Istdin --Istdout
fdisk,gdisk,parted | -l --list |
sfdisk | -l --list -d --dump -s --show-size -V --verify -J --json -F --list-free -g --show-geometry | --delete --part-type --part-label --part-uuid --part-attrs -A --activate -r --reorder --relocate -N --partno -a --append --move-data -b --backup -O --backup-file -w --wipe -W --wipe-partitions
sgdisk | -p --print -v --verify -i --info -O --print-mbr | -z --zap -Z --zap-all -o --clear -d --delete -n --new -N --largest-new -t --typecode -c --change-name -l --load-backup -R --replicate -G --randomize-guids -g --mbrtogpt -m --gpttombr -e --move-second-header -j --adjust-main-table -x -A --attributes -s --sort -h --hybrid -r --transpose -U -u --partition-guid
tune2fs | -l | -c -C -e -E -f -g -i -I -j -J -L -m -M -o -O -Q -r -T -u -U
e2fsck,fsck.ext4,fsck.ext3,fsck.ext2 | -n | -y -p -a -f -c -D -E
badblocks | | -w -n -o -i
mdadm | --detail -D --examine -E --query -Q --detail-platform | --zero-superblock --stop -S --remove -r --fail -f --create -C --grow -G --assemble -A --manage --misc -a --add --re-add --add-spare --replace --with -o --readonly -w --readwrite --action -R --run -U --update --write-mostly --readwrite --rebuild-map
cryptsetup status,luksDump,isLuks | | --dump-master-key --dump-volume-key --master-key-file --volume-key-file --dump-json-metadata
nvme list,smart-log,id-ctrl,id-ns,error-log,list-subsys,fw-log | |
btrfs filesystem,fi,filesystems show,usage,df,du | |
btrfs subvolume,sub,subvol list,show,get-default | |
btrfs device,dev stats,usage | | -z --reset
zpool status,list,iostat,get,history | |
zfs list,get | |
auditctl | -l -s | -D -e -a -A -d -w -W -f -b -r -R --reset-lost --backlog_wait_time
iptables,ip6tables,iptables-save,ip6tables-save | -L --list -S --list-rules | -F --flush -X --delete-chain -Z --zero -A --append -D --delete -I --insert -R --replace -P --policy -N --new-chain -E --rename-chain
`

// inspectSpec is one line of inspectSpecs.
type inspectSpec struct {
	leading   [][]string
	required  []string
	forbidden []string
}

// inspectTable maps each looking program to its specs (btrfs has several).
var inspectTable = table.Map[string, []inspectSpec]{Build: func() map[string][]inspectSpec {
	m := map[string][]inspectSpec{}
	for line := range strings.SplitSeq(inspectSpecs, "\n") {
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			continue
		}
		head := strings.Fields(parts[0])
		if len(head) == 0 {
			continue
		}
		sp := inspectSpec{required: strings.Fields(parts[1]), forbidden: strings.Fields(parts[2])}
		for _, w := range head[1:] {
			sp.leading = append(sp.leading, strings.Split(w, ","))
		}
		for name := range strings.SplitSeq(head[0], ",") {
			m[name] = append(m[name], sp)
		}
	}
	return m
}}

// rootWrappers are the wrappers that run a command as root.
var rootWrappers = table.Map[string, bool]{Words: "sudo doas"}

// SudoInspects reports whether command i of res is sudo or doas running,
// directly, a program that only looks (see inspectSpecs). A rehearsal
// under sudo (sudo lvremove --test) is still asked about: it runs as root.
func SudoInspects(res *shell.Result, i int) bool {
	c := &res.Commands[i]
	if !rootWrappers.Get(c.Name) || i+1 >= len(res.Commands) {
		return false
	}
	in := &res.Commands[i+1]
	if len(in.Via) != len(c.Via)+1 || in.Via[len(c.Via)] != c.Name || in.Dynamic || !systemProgram(in.Program) {
		return false
	}
	if hasFlag(c.Args, "-E") || hasFlag(c.Args, "--preserve-env") {
		return false // (sudo --preserve-env=LD_PRELOAD lsblk: the caller's environment, hooks and all; sudo ./lvs: a file that only shares the name, settings.go systemProgram)
	}
	specs := inspectTable.Get(in.Name)
	for k := range specs {
		if specs[k].holds(in.Args) {
			return true
		}
	}
	return false
}

// holds reports whether args fit the spec.
func (sp *inspectSpec) holds(args []string) bool {
	n := 0 // operands seen
	required := len(sp.required) == 0
	for _, a := range args {
		if len(a) < 2 || a[0] != '-' {
			if n < len(sp.leading) && !inList(sp.leading[n], a) {
				return false
			}
			n++
			continue
		}
		for _, o := range optionSpellings(a) {
			if inList(sp.forbidden, o) || startsLong(sp.forbidden, o) {
				return false
			}
			if !required && inList(sp.required, o) {
				required = true
			}
		}
	}
	return required && n >= len(sp.leading)
}

// optionSpellings are the options an option word names: itself (without
// any =VALUE), and for a bundle of short options (-tT) each letter.
func optionSpellings(a string) []string {
	if k := strings.IndexByte(a, '='); k > 0 {
		a = a[:k]
	}
	if strings.HasPrefix(a, "--") || len(a) == 2 {
		return []string{a}
	}
	out := []string{a}
	for _, r := range a[1:] {
		out = append(out, "-"+string(r))
	}
	return out
}

// inList reports whether w is one of ws.
func inList(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// startsLong reports whether o is a long option of at least two letters
// that starts one of ws's long options (--clea of --clear): getopt_long
// takes an unambiguous start for the whole option.
func startsLong(ws []string, o string) bool {
	if !strings.HasPrefix(o, "--") || len(o) < 4 {
		return false
	}
	for _, x := range ws {
		if strings.HasPrefix(x, o) {
			return true
		}
	}
	return false
}
