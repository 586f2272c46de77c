package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A disk tool pointed at a file: the programs that write a disk's
// partition table, file system or encryption header (mkfs, wipefs,
// sfdisk, sgdisk, parted, cryptsetup luksFormat) work as well on an image
// file, and an embedded or OS project makes its images that way
// ("sfdisk build/disk.img < layout.sfdisk", "wipefs -a /tmp/loop.img",
// "parted -s build/sd.img mklabel msdos"). Such a command destroys
// nothing but the file it names, which is judged as the write it is. A
// word that names a device (/dev/sda, /dev/disk/by-id/…, a path that
// leads into /dev, /proc or /sys, a bare device name as a cd /dev would
// leave it), a glob, a word the line cannot resolve, or a link made
// earlier on the line (ln -s /dev/sda /tmp/x) keeps it a disk tool.

// diskImageTools are the programs whose operands may be a device or an
// image file.
var diskImageTools = table.Map[string, bool]{Words: "mkfs mke2fs mkswap mkdosfs mkntfs mkexfatfs newfs mkfs.ext2 mkfs.ext3 mkfs.ext4 mkfs.xfs mkfs.btrfs mkfs.vfat mkfs.fat mkfs.exfat mkfs.f2fs mkfs.ntfs mkfs.minix mkfs.jfs mkfs.reiserfs mkfs.bcachefs wipefs sfdisk sgdisk fdisk gdisk cfdisk parted cryptsetup"}

// devicePrefixes are the starts of the names of block devices, as a bare
// word would name one
// (sda, sdb1, nvme0n1, mmcblk0, disk2, loop0).
var devicePrefixes = []string{"sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "loop", "md", "dm-"}

// imageLinkMakers are the programs that can make a path lead to a device
// or copy one over it.
var imageLinkMakers = table.Map[string, bool]{Words: "ln link cp mv install mount bindfs rsync losetup mknod"}

// DiskImageOnly reports whether command i of res, a disk tool
// (diskImageTools), names only files, at least one of them path-shaped,
// and no device (see above). cwds are where each command runs.
func DiskImageOnly(res *shell.Result, cwds []string, i int, home string) bool {
	c := &res.Commands[i]
	if !diskImageTools.Get(c.Name) || c.Dynamic || i >= len(cwds) {
		return false
	}
	for k := 0; k < i; k++ {
		if imageLinkMakers.Get(res.Commands[k].Name) {
			return false
		}
	}
	files := 0
	for _, w := range c.Args {
		if strings.HasPrefix(w, "-") {
			if _, v, ok := strings.Cut(w, "="); ok && deviceWord(v, cwds[i], home) {
				return false
			}
			continue
		}
		if strings.ContainsAny(w, "*?[$`") || deviceWord(w, cwds[i], home) {
			return false
		}
		if strings.Contains(w, "/") || strings.Contains(w, ".") {
			files++
		}
	}
	return files > 0
}

// deviceWord reports whether w names a device, or a path that leads into
// /dev, /proc or /sys.
func deviceWord(w, cwd, home string) bool {
	if w == "" {
		return false
	}
	p := match.CleanPath(w, cwd, home)
	for _, d := range []string{"/dev", "/proc", "/sys"} {
		if p == d || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	if strings.Contains(w, "/") {
		return false
	}
	for _, d := range devicePrefixes {
		if rest, ok := strings.CutPrefix(w, d); ok && deviceSuffix(rest) {
			return true
		}
	}
	return false
}

// deviceSuffix reports whether rest, what follows a device prefix, is a
// device's number or drive letters and partition (0, 0n1, a, b1, ab2).
func deviceSuffix(rest string) bool {
	if rest == "" || len(rest) > 6 {
		return false
	}
	if rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	letters := 0
	for letters < len(rest) && rest[letters] >= 'a' && rest[letters] <= 'z' {
		letters++
	}
	for _, r := range rest[letters:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return letters <= 2
}
