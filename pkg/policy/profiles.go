package policy

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
)

//go:generate go test ./compile -run TestProfileSnapshots -args -update

//go:embed profiles/*.yaml
var profiles embed.FS

// The embedded profiles' snapshots (see Snapshot), generated from their
// YAML by go generate and checked against it by TestProfileSnapshots. They
// are strings so that loading one copies nothing.
var (
	//go:embed profiles/standard.snap
	standardSnapshot string
	//go:embed profiles/paranoid.snap
	paranoidSnapshot string
	//go:embed profiles/yolo.snap
	yoloSnapshot string
)

// profileSnapshot returns the snapshot of an embedded profile.
func profileSnapshot(name string) (string, bool) {
	switch name {
	case "standard":
		return standardSnapshot, true
	case "paranoid":
		return paranoidSnapshot, true
	case "yolo":
		return yoloSnapshot, true
	}
	return "", false
}

// DefaultProfile serves when nothing is configured.
const DefaultProfile = "standard"

// Profiles lists the embedded profile names.
func Profiles() []string {
	ents, _ := profiles.ReadDir("profiles")
	var names []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// ProfileSource returns the YAML of an embedded profile.
func ProfileSource(name string) ([]byte, error) {
	b, err := profiles.ReadFile("profiles/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("unknown profile %q (want one of %s)", name, strings.Join(Profiles(), ", "))
	}
	return b, nil
}

// Profile loads an embedded profile from its snapshot; its patterns are
// compiled on first use. TestProfilesCompile checks them all at once, and
// TestProfileSnapshots that the snapshots are made from the YAML.
func Profile(name string) (*Policy, error) {
	snap, ok := profileSnapshot(name)
	if !ok {
		return nil, fmt.Errorf("unknown profile %q (want one of %s)", name, strings.Join(Profiles(), ", "))
	}
	p, err := loadBuiltIn(snap)
	if err != nil {
		return nil, fmt.Errorf("profile %q: %v (run go generate ./policy)", name, err)
	}
	return p, nil
}

// Fingerprint names what a policy file's snapshot depends on besides the
// file and the compiler's code: the snapshot layout and the embedded
// profiles a file may extend (each snapshot's checksum). A compiler in
// another process refuses to compile for a reader whose fingerprint is not
// its own, so a reader never takes in a profile of another build.
func Fingerprint() string {
	h := sha256.New()
	h.Write([]byte(snapshotMagic))
	for _, name := range Profiles() {
		snap, _ := profileSnapshot(name)
		if len(snap) >= len(snapshotMagic)+sha256.Size {
			h.Write([]byte(snap[len(snapshotMagic) : len(snapshotMagic)+sha256.Size]))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
