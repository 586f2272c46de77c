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
// does.

// gstCaptureSources are the elements that record the screen, sound or a
// camera.
var gstCaptureSources = map[string]bool{
	"ximagesrc": true, "pipewiresrc": true, "avfvideosrc": true, "dx9screencapsrc": true, "d3d11screencapturesrc": true,
	"gdiscreencapsrc": true, "kmssrc": true, "v4l2src": true, "pulsesrc": true, "alsasrc": true, "osxaudiosrc": true,
	"wasapisrc": true, "directsoundsrc": true, "autoaudiosrc": true, "autovideosrc": true, "ksvideosrc": true, "mfvideosrc": true,
}

// gstNetworkSinks are the elements that send what reaches them to a host
// their properties name (host=, location=, uri=).
var gstNetworkSinks = map[string]bool{
	"tcpclientsink": true, "udpsink": true, "multiudpsink": true, "rtmpsink": true, "rtmp2sink": true, "srtsink": true,
	"srtclientsink": true, "souphttpclientsink": true, "rtspclientsink": true, "shout2send": true, "ristsink": true, "whipsink": true,
}

// gstFileSources and gstFileSinks are the elements that read or write the
// file their location= names.
var (
	gstFileSources = map[string]bool{"filesrc": true, "multifilesrc": true, "splitfilesrc": true}
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
	for _, w := range c.Args {
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
			p := a.clean(v, i)
			a.add(Effect{Kind: Read, Cmd: i, Path: p})
			f.reads, f.sends = append(f.reads, p), append(f.sends, p)
		case k == "location" && gstFileSinks[element]:
			p := a.clean(v, i)
			a.add(Effect{Kind: Write, Cmd: i, Path: p})
			f.writes = append(f.writes, p)
		case gstNetworkSinks[element] && (k == "host" || k == "location" || k == "uri" || k == "clients" || k == "ip"):
			hosts = append(hosts, v)
		}
	}
	if !sink {
		return
	}
	for _, h := range hosts {
		host := h
		if u, ok := match.ParseURL(h); ok && strings.Contains(h, "://") {
			host = u.Host // location=rtmp://live.example.net/app/k
		}
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
