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

// gstStream reports a GStreamer pipeline that streams a recording of the
// screen, sound or a camera to another host.
func (a *analysis) gstStream(i int, c *shell.Command) {
	if !strings.HasPrefix(c.Name, "gst-launch") {
		return
	}
	capture, sink := false, false
	var hosts []string
	for _, w := range c.Args {
		capture = capture || gstCaptureSources[w]
		sink = sink || gstNetworkSinks[w]
		if k, v, ok := strings.Cut(w, "="); ok && sink && (k == "host" || k == "location" || k == "uri" || k == "clients" || k == "ip") {
			hosts = append(hosts, v)
		}
	}
	if !capture || !sink {
		return
	}
	for _, h := range hosts {
		host := h
		if u, ok := match.ParseURL(h); ok && strings.Contains(h, "://") {
			host = u.Host // location=rtmp://live.example.net/app/k
		}
		if HostElsewhere(host) {
			a.add(Effect{Kind: Flow, Cmd: i, Detail: "output->network", Word: c.Name + " streams a recording to " + h})
			return
		}
	}
}
