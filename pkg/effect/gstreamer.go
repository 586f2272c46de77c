package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
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
var gstCaptureSources = table.Map[string, bool]{Words: `ximagesrc pipewiresrc avfvideosrc dx9screencapsrc d3d11screencapturesrc
	gdiscreencapsrc kmssrc v4l2src pulsesrc alsasrc osxaudiosrc
	wasapisrc directsoundsrc autoaudiosrc autovideosrc ksvideosrc mfvideosrc
	d3d12screencapturesrc dxgiscreencapsrc wasapi2src libcamerasrc jackaudiosrc
	openalsrc osxvideosrc avfaudiosrc qtkitvideosrc decklinkvideosrc
	decklinkaudiosrc nvarguscamerasrc rpicamsrc ahcsrc ahssrc pipewireaudiosrc`}

// gstNetworkSinks are the elements that send what reaches them to a host
// their properties name (host=, location=, uri=).
var gstNetworkSinks = table.Map[string, bool]{Words: `tcpclientsink udpsink multiudpsink rtmpsink rtmp2sink srtsink
	srtclientsink souphttpclientsink rtspclientsink shout2send ristsink whipsink
	curlhttpsink curlftpsink curlsftpsink curlsmtpsink curlfilesink giosink
	whipclientsink webrtcsink dccpclientsink rtpsink awss3sink awss3putobjectsink`}

// gstServerSinks are the elements that serve what reaches them to whoever
// connects to the address their host= names.
var gstServerSinks = table.Map[string, bool]{Words: "tcpserversink srtserversink multisocketsink dccpserversink rtspserversink"}

// gstFileSources and gstFileSinks are the elements that read or write the
// file their location= names.
var (
	gstFileSources = table.Map[string, bool]{Words: "filesrc multifilesrc splitfilesrc giosrc gnomevfssrc"}
	gstFileSinks   = table.Map[string, bool]{Words: "filesink multifilesink splitmuxsink"}
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
			capture = capture || gstCaptureSources.Get(w)
			sink = sink || gstNetworkSinks.Get(w)
			continue
		}
		switch {
		case k == "location" && gstFileSources.Get(element):
			v = strings.TrimPrefix(v, "file://") // giosrc location=file:///home/…
			p := a.clean(v, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads, f.sends = append(f.reads, p), append(f.sends, p)
		case k == "location" && gstFileSinks.Get(element):
			p := a.clean(v, i)
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
		case gstNetworkSinks.Get(element) && (k == "host" || k == "location" || k == "uri" || k == "clients" || k == "ip"):
			if element == "giosink" && !strings.Contains(v, "://") || strings.HasPrefix(v, "file:") {
				continue // giosink location=/tmp/x: a file
			}
			hosts = append(hosts, v)
		case gstServerSinks.Get(element) && (k == "host" || k == "uri" || k == "address"):
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
