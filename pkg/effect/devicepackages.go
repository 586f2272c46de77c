package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// An app of the phone's maker, of the platform or of another publisher
// (com.android.*, com.google.*, com.samsung.*, com.whatsapp) removed,
// disabled or emptied on a device (adb uninstall, adb shell pm uninstall,
// pm clear, cmd package uninstall) is someone's data or the phone's own
// system gone, whether or not a user is named: destroy:system. The
// developer's own app (com.acme.shop, com.example.app, a .debug build) is
// installed and removed all day, and stays everyday work.

// vendorPackages are the package name prefixes of the platform, the
// phones' makers and well-known publishers.
var vendorPackages = []string{
	"android.", "com.android.", "com.google.", "com.samsung.", "com.sec.", "com.sonymobile.", "com.sony.",
	"com.huawei.", "com.miui.", "com.xiaomi.", "com.oneplus.", "com.oppo.", "com.motorola.", "com.lge.", "com.htc.",
	"com.whatsapp", "com.facebook.", "com.instagram.", "com.microsoft.", "com.amazon.", "org.telegram.",
	"com.spotify.", "com.netflix.", "com.twitter.", "com.snapchat.", "com.zhiliaoapp.", "com.tencent.", "com.viber.",
}

// packageVerbs are the package manager's verbs that take an app away.
var packageVerbs = table.Map[string, bool]{Words: "uninstall disable-user disable hide suspend clear"}

// vendorApp reports whether pkg is an app of the platform, a maker or a
// well-known publisher.
func vendorApp(pkg string) bool {
	if pkg == "android" {
		return true
	}
	for _, p := range vendorPackages {
		if strings.HasPrefix(pkg, p) || strings.TrimSuffix(p, ".") == pkg {
			return true
		}
	}
	return false
}

// devicePackages finds another publisher's app taken away on a device by
// command c: adb uninstall PKG, pm VERB PKG, cmd package VERB PKG.
func (a *analysis) devicePackages(i int, c *shell.Command) {
	args := c.Args
	switch c.Name {
	case "adb":
		for len(args) > 0 && strings.HasPrefix(args[0], "-") {
			if len(args) > 1 && (args[0] == "-s" || args[0] == "-t" || args[0] == "-H" || args[0] == "-P" || args[0] == "-L") {
				args = args[1:]
			}
			args = args[1:]
		}
		if len(args) == 0 || args[0] != "uninstall" {
			return
		}
	case "pm":
		if len(args) == 0 || !packageVerbs.Get(args[0]) {
			return
		}
	case "cmd":
		if len(args) < 2 || args[0] != "package" || !packageVerbs.Get(args[1]) {
			return
		}
		args = args[1:]
	default:
		return
	}
	for _, w := range args[1:] {
		if !strings.HasPrefix(w, "-") && vendorApp(w) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "system", Word: c.Name + " " + args[0] + " " + w + ", another publisher's app on the device"})
			return
		}
	}
}
