package effect

import (
	"strings"

	"rampart.dev/pkg/match"
	"rampart.dev/pkg/shell"
)

// A GStreamer pipeline (gst-launch-1.0 SRC ! … ! SINK) names its elements
// as words: a source that records the screen, a sound card or a camera,
// and a sink that sends over the network to another host, make the
// recording leave the machine, as ffmpeg -f x11grab streaming to a URL
// does; a server sink (tcpserversink) on every address listens there.
// Links written without blanks (ximagesrc! x264enc) are links all the
// same.

// gstCaptureSources are the elements that record the screen, sound or a
// camera.
var gstCaptureSources = map[string]bool{
	"ximagesrc": true, "pipewiresrc": true, "avfvideosrc": true, "dx9screencapsrc": true, "d3d11screencapturesrc": true,
	"gdiscreencapsrc": true, "kmssrc": true, "v4l2src": true, "pulsesrc": true, "alsasrc": true, "osxaudiosrc": true,
	"wasapisrc": true, "directsoundsrc": true, "autoaudiosrc": true, "autovideosrc": true, "ksvideosrc": true, "mfvideosrc": true,
	"d3d12screencapturesrc": true, "dxgiscreencapsrc": true, "wasapi2src": true, "libcamerasrc": true, "jackaudiosrc": true,
	"openalsrc": true, "osxvideosrc": true, "avfaudiosrc": true, "qtkitvideosrc": true, "decklinkvideosrc": true,
	"decklinkaudiosrc": true, "nvarguscamerasrc": true, "rpicamsrc": true, "ahcsrc": true, "ahssrc": true, "pipewireaudiosrc": true,
}

// gstNetworkSinks are the elements that send what reaches them to a host
// their properties name (host=, location=, uri=).
var gstNetworkSinks = map[string]bool{
	"tcpclientsink": true, "udpsink": true, "multiudpsink": true, "rtmpsink": true, "rtmp2sink": true, "srtsink": true,
	"srtclientsink": true, "souphttpclientsink": true, "rtspclientsink": true, "shout2send": true, "ristsink": true, "whipsink": true,
	"curlhttpsink": true, "curlftpsink": true, "curlsftpsink": true, "curlsmtpsink": true, "curlfilesink": true, "giosink": true,
	"whipclientsink": true, "webrtcsink": true, "dccpclientsink": true, "rtpsink": true, "awss3sink": true, "awss3putobjectsink": true,
}

// gstServerSinks are the elements that serve what reaches them to whoever
// connects to the address their host= names.
var gstServerSinks = map[string]bool{
	"tcpserversink": true, "srtserversink": true, "multisocketsink": true, "dccpserversink": true, "rtspserversink": true,
}

// gstFileSources and gstFileSinks are the elements that read or write the
// file their location= names.
var (
	gstFileSources = map[string]bool{"filesrc": true, "multifilesrc": true, "splitfilesrc": true, "giosrc": true, "gnomevfssrc": true}
	gstFileSinks   = map[string]bool{"filesink": true, "multifilesink": true, "splitmuxsink": true}
)

// gstStream reads a GStreamer pipeline's elements: the files its file
// sources read and its file sinks write, and the hosts its network sinks
// send to (so a file read there and sent is a flow the flow pass sees,
// gst-launch-1.0 filesrc location=~/.ssh/id_ed25519 ! tcpclientsink
// host=…); a recording of the screen, sound or a camera streamed to
// another host leaves the machine as ffmpeg -f x11grab's does.
func (a *analysis) gstStream(i int, c *shell.Command, f *cmdFacts) {
	if !strings.HasPrefix(c.Name, "gst-launch") {
		return
	}
	capture, sink := false, false
	element := ""
	var hosts []string
	for _, w := range gstWords(c.Args) {
		if w == "!" {
			element = ""
			continue
		}
		k, v, prop := strings.Cut(w, "=")
		if !prop {
			element = w
			capture = capture || gstCaptureSources[w]
			sink = sink || gstNetworkSinks[w]
			continue
		}
		switch {
		case k == "location" && gstFileSources[element]:
			v = strings.TrimPrefix(v, "file://") // giosrc location=file:///home/…
			p := a.clean(v, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads, f.sends = append(f.reads, p), append(f.sends, p)
		case k == "location" && gstFileSinks[element]:
			p := a.clean(v, i)
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
		case gstNetworkSinks[element] && (k == "host" || k == "location" || k == "uri" || k == "clients" || k == "ip"):
			if element == "giosink" && !strings.Contains(v, "://") || strings.HasPrefix(v, "file:") {
				continue // giosink location=/tmp/x: a file
			}
			hosts = append(hosts, v)
		case gstServerSinks[element] && (k == "host" || k == "uri" || k == "address"):
			h := gstHostOf(v)
			if k := strings.LastIndexByte(h, ':'); k >= 0 && !strings.Contains(h[:k], ":") {
				h = h[:k] // srt://:7001, 0.0.0.0:5000
			}
			if h = strings.Trim(h, "[]"); h == "0.0.0.0" || h == "::" || h == "" {
				a.add(Effect{Kind: Listen, Cmd: i, Detail: "every-interface", Word: c.Name + " " + element + " serves on every address"})
			}
		}
	}
	if !sink {
		return
	}
	for _, h := range hosts {
		host := gstHostOf(h)
		if !HostElsewhere(host) {
			continue
		}
		f.sink = "network"
		f.hosts = append(f.hosts, host)
		a.add(Effect{Kind: Connect, Cmd: i, Target: host})
		if capture {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "output->network", Word: c.Name + " streams a recording to " + h})
		}
	}
}

// gstHostOf is the host a network element's property names: a URL's
// (location=rtmp://live.example.net/app/k) or the value itself.
func gstHostOf(v string) string {
	if u, ok := match.ParseURL(v); ok && strings.Contains(v, "://") && u.Host != "" {
		return u.Host
	}
	if _, rest, ok := strings.Cut(v, "://"); ok {
		rest, _, _ = strings.Cut(rest, "/")
		if k := strings.LastIndexByte(rest, '@'); k >= 0 {
			rest = rest[k+1:]
		}
		return rest // srt://:7001: an address the parser leaves hostless
	}
	return v
}

// gstWords splits the words of a pipeline at the links written without
// blanks (ximagesrc! videoconvert, !x264enc): each "!" its own word.
func gstWords(args []string) []string {
	split := false
	for _, w := range args {
		split = split || w != "!" && strings.Contains(w, "!") && !strings.Contains(w, "=")
	}
	if !split {
		return args
	}
	var out []string
	for _, w := range args {
		if w == "!" || strings.Contains(w, "=") {
			out = append(out, w)
			continue
		}
		for k, part := range strings.Split(w, "!") {
			if k > 0 {
				out = append(out, "!")
			}
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
