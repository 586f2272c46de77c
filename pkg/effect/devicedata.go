package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// What an Android device keeps for its owner, reached over adb:
//
//   - Secrets: the device's messages, call log and contacts read from
//     their content providers (content query --uri content://sms/inbox:
//     one-time codes and other people's words), an app's private files
//     read as the app (run-as PKG cat shared_prefs/auth.xml, its databases,
//     its files) or pulled from /data/data, /data/user and the telephony
//     and contacts providers' databases. They are the source
//     "device-secret", a credential wherever it goes: into the agent
//     (flow:device-secret->agent), a file or the network. The developer's
//     own debug build (a package named PKG.debug) keeps test data the
//     developer reads all day, unless a file is named for a login (auth,
//     token, session, password, credential, cookie, key).
//   - A person's photos, pictures and documents pulled from shared storage
//     (adb pull /sdcard/DCIM), and a backup of the device's apps and
//     storage (adb backup -all -shared): the source "personal-data", which
//     a person confirms (flow:personal-data->agent) and which sent away is
//     denied as any sensitive data is.
//   - The package verifier switched off (settings put global
//     package_verifier_enable 0, verifier_verify_adb_installs 0): every app
//     installed afterwards, from anywhere, is run unchecked:
//     destroy:device-protection.

// deviceSecret is the source kind of a device's secrets.
const deviceSecret = "device-secret"

// deviceProviders are the content providers' authorities that hold a
// person's messages, calls, contacts and the like.
var deviceProviders = table.Map[string, bool]{Words: `sms mms mms-sms call_log contacts com.android.contacts icc
	com.android.calendar calendar browser user_dictionary com.android.voicemail voicemail`}

// deviceReaders are the programs that read a file's content out when an app
// runs them (run-as PKG cat F).
var deviceReaders = table.Map[string, bool]{Words: "cat head tail cp tar sqlite3 base64 xxd od strings dd sh su toybox busybox gzip zip"}

// deviceProtections are the settings that, set as given, switch off the
// device's checks on what it installs: setting=value.
var deviceProtections = table.Map[string, bool]{Words: "package_verifier_enable=0 verifier_verify_adb_installs=0 package_verifier_user_consent=-1 install_non_market_apps=1 upload_apk_enable=0"}

// deviceLoginWords name an app's files that hold its login.
var deviceLoginWords = []string{"auth", "token", "session", "passw", "credential", "cookie", "secret", "key"}

// personalDirs are the shared storage's folders of a person's own media
// and documents, under /sdcard or /storage/emulated/N.
var personalDirs = table.Map[string, bool]{Words: "DCIM Pictures Documents Movies Music Recordings WhatsApp Telegram Signal"}

// deviceData adds the effects of command i on a device's data.
func (a *analysis) deviceData(i int, c *shell.Command) {
	switch c.Name {
	case "content":
		a.contentQuery(i, c)
	case "run-as":
		a.runAsRead(i, c)
	case "settings":
		if len(c.Args) >= 4 && c.Args[0] == "put" && deviceProtections.Get(c.Args[2]+"="+c.Args[3]) {
			a.add(Effect{Kind: Destroy, Cmd: i, Detail: "device-protection", Word: "settings put " + c.Args[1] + " " + c.Args[2] + " " + c.Args[3] + " switches the device's install checks off"})
		}
	case "adb":
		a.adbPull(i, c)
	default:
		if viaAdb(c) && deviceReaders.Get(c.Name) {
			for _, w := range c.Args {
				if appPrivate(w) {
					a.deviceSecretRead(i, c.Name+" "+w)
					return
				}
			}
		}
	}
}

// viaAdb reports a command adb runs on the device.
func viaAdb(c *shell.Command) bool {
	for _, v := range c.Via {
		if v == "adb" {
			return true
		}
	}
	return false
}

// deviceSecretRead marks command i as reading a device's secret.
func (a *analysis) deviceSecretRead(i int, what string) {
	a.per[i].source, a.per[i].origin = "credential", "adb"
	a.add(Effect{Kind: Flow, Cmd: i, Detail: deviceSecret + "->agent", Word: what})
}

// devicePersonalRead marks command i as copying a person's media or a
// device's backup here.
func (a *analysis) devicePersonalRead(i int, what string) {
	a.per[i].source, a.per[i].origin = personalData, "adb"
	a.add(Effect{Kind: Flow, Cmd: i, Detail: personalData + "->agent", Word: what})
}

// contentQuery judges content query|read --uri URI.
func (a *analysis) contentQuery(i int, c *shell.Command) {
	if len(c.Args) == 0 || c.Args[0] != "query" && c.Args[0] != "read" {
		return
	}
	for k, w := range c.Args {
		uri := ""
		switch {
		case w == "--uri" && k+1 < len(c.Args):
			uri = c.Args[k+1]
		case strings.HasPrefix(w, "--uri="):
			uri = w[len("--uri="):]
		}
		auth, ok := strings.CutPrefix(uri, "content://")
		if !ok {
			continue
		}
		if j := strings.IndexByte(auth, '/'); j >= 0 {
			auth = auth[:j]
		}
		if deviceProviders.Get(auth) {
			a.deviceSecretRead(i, "content "+c.Args[0]+" "+uri)
			return
		}
	}
}

// runAsRead judges run-as PKG CMD: a reader of the app's files run as the
// app.
func (a *analysis) runAsRead(i int, c *shell.Command) {
	args := c.Args
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if args[0] == "--user" && len(args) > 1 {
			args = args[1:]
		}
		args = args[1:]
	}
	if len(args) < 2 {
		return
	}
	pkg, inner := args[0], args[1:]
	reads := false
	for _, w := range inner {
		if deviceReaders.Get(w) || strings.Contains(w, "cat ") {
			reads = true
			break
		}
	}
	if !reads {
		return
	}
	own := strings.HasSuffix(pkg, ".debug")
	for _, w := range inner {
		if !own || loginNamed(w) {
			a.deviceSecretRead(i, "run-as "+pkg+" "+strings.Join(inner, " "))
			return
		}
	}
}

// loginNamed reports a path whose name says it holds a login.
func loginNamed(w string) bool {
	l := strings.ToLower(w)
	if k := strings.LastIndexByte(l, '/'); k >= 0 {
		l = l[k+1:]
	}
	for _, s := range deviceLoginWords {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// appPrivate reports a device path in an app's private storage or a
// provider's database, outside the developer's own debug build.
func appPrivate(p string) bool {
	rest, ok := strings.CutPrefix(p, "/data/data/")
	if !ok {
		rest, ok = strings.CutPrefix(p, "/data/user/")
		if ok {
			if k := strings.IndexByte(rest, '/'); k >= 0 {
				rest = rest[k+1:] // the user's number
			}
		}
	}
	if !ok || rest == "" {
		return false
	}
	pkg, file, _ := strings.Cut(rest, "/")
	return !strings.HasSuffix(pkg, ".debug") || loginNamed(file)
}

// adbPull judges adb pull REMOTE... [LOCAL] and adb backup.
func (a *analysis) adbPull(i int, c *shell.Command) {
	args := c.Args
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		if len(args) > 1 && (args[0] == "-s" || args[0] == "-t" || args[0] == "-H" || args[0] == "-P" || args[0] == "-L") {
			args = args[1:]
		}
		args = args[1:]
	}
	if len(args) == 0 {
		return
	}
	switch args[0] {
	case "backup":
		a.devicePersonalRead(i, "adb backup of the device's apps and storage")
		return
	case "pull":
	default:
		return
	}
	for _, w := range args[1:] {
		if strings.HasPrefix(w, "-") {
			continue
		}
		if appPrivate(w) {
			a.deviceSecretRead(i, "adb pull "+w)
			return
		}
		if personalMedia(w) {
			a.devicePersonalRead(i, "adb pull "+w)
			return
		}
	}
}

// personalMedia reports a shared storage path of a person's own folders
// (/sdcard/DCIM, /storage/emulated/0/Pictures/...).
func personalMedia(p string) bool {
	rest, ok := strings.CutPrefix(p, "/sdcard/")
	if !ok {
		if r, found := strings.CutPrefix(p, "/storage/emulated/"); found {
			if k := strings.IndexByte(r, '/'); k >= 0 {
				rest, ok = r[k+1:], true
			}
		}
	}
	if !ok {
		return false
	}
	top, _, _ := strings.Cut(rest, "/")
	return personalDirs.Get(top)
}
