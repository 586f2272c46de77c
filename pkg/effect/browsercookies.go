package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
)

// A media downloader told to log in with a browser's cookies
// (yt-dlp --cookies-from-browser firefox, gallery-dl --cookies-from-browser
// chrome:Profile 1) reads the browser's cookie store, every session the
// person is logged into. Used only to fetch what it was asked for, the
// cookies stay inside the downloader; written to a cookie file (yt-dlp
// --cookies FILE, gallery-dl --cookies-export FILE) or printed (--dump-json
// and --print-to-file carry the cookie header), they are the store read out:
// a read of the browser's cookie store, judged as any read of it is.

// cookieBrowsers are the browsers' names as the downloaders take them, with
// the cookie store each keeps under the home (Linux' places; the profile
// directory of Firefox varies, and its whole tree is the credential store).
var cookieBrowsers = table.Map[string, string]{Build: func() map[string]string {
	return map[string]string{
		"chrome":   ".config/google-chrome/Default/Cookies",
		"chromium": ".config/chromium/Default/Cookies",
		"brave":    ".config/BraveSoftware/Brave-Browser/Default/Cookies",
		"edge":     ".config/microsoft-edge/Default/Cookies",
		"opera":    ".config/opera/Cookies",
		"vivaldi":  ".config/vivaldi/Default/Cookies",
		"whale":    ".config/naver-whale/Default/Cookies",
		"firefox":  ".mozilla/firefox/cookies.sqlite",
		"safari":   "Library/Cookies/Cookies.binarycookies",
	}
}}

// cookieDownloaders are the downloaders' catalogue names, with the options
// that write or print the cookies they used.
var cookieDownloaders = table.Map[string, string]{Words: "yt-dlp youtube-dl yt-dlp_linux yt-dlp_macos yt-dlp.exe gallery-dl", Build: func() map[string]string {
	exports := "--cookies -j --dump-json -J --dump-single-json --print-to-file --write-info-json --print-traffic"
	return map[string]string{"yt-dlp": exports, "youtube-dl": exports, "yt-dlp_linux": exports, "yt-dlp_macos": exports, "yt-dlp.exe": exports,
		"gallery-dl": "--cookies-export -C --cookies -j --dump-json"}
}}

// browserCookies adds the read of a browser's cookie store that command i
// (the catalogue entry name, and its words) writes out or prints.
func (a *analysis) browserCookies(i int, name string, args []string) {
	exports, ok := cookieDownloaders.Lookup(name)
	if !ok {
		return
	}
	browser, out := "", false
	for k, w := range args {
		opt, val, eq := strings.Cut(w, "=")
		if opt == "--cookies-from-browser" {
			if !eq && k+1 < len(args) {
				val = args[k+1]
			}
			browser = val
			continue
		}
		if strings.HasPrefix(opt, "-") && strings.Contains(" "+exports+" ", " "+opt+" ") {
			out = true
		}
	}
	if browser == "" || !out {
		return
	}
	// BROWSER[+KEYRING][:PROFILE][::CONTAINER]
	b := strings.ToLower(browser)
	if k := strings.IndexAny(b, "+:"); k >= 0 {
		b = b[:k]
	}
	store, known := cookieBrowsers.Lookup(b)
	if !known {
		store = cookieBrowsers.Get("chrome")
	}
	p := a.env.Home + "/" + store
	a.add(Effect{Kind: Read, Cmd: i, Path: p})
	a.per[i].reads = append(a.per[i].reads, p)
}
