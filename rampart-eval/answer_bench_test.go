package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"rampart.dev/pkg/call"
	"rampart.dev/pkg/decide"
	"rampart.dev/pkg/home"
	"rampart.dev/pkg/policy/compile"
)

// BenchmarkAnswer is what the server does for one exec's question once
// it has read it, without the sockets: the line parsed, decided by the
// real decision point opened as --listen opens it (the standard profile,
// PerExec), its audit record written, the answer line built. Attended as
// the datagram loop attends questions that come close together (the
// audit lock kept between them), and not, as a lone question is answered.
func BenchmarkAnswer(b *testing.B) {
	dir := b.TempDir()
	point, err := decide.Open(decide.Config{Home: home.Layout{Dir: filepath.Join(dir, "home")}, UserHome: dir, Via: "rampart-eval", Compile: compile.Parse, PerExec: true})
	if err != nil {
		b.Fatal(err)
	}
	defer point.Close()
	wd, _ := os.Getwd()
	line, _ := json.Marshal(call.Call{Tool: "exec", Params: call.Params{"command": "/usr/bin/true"}, Agent: "librampart", Cwd: wd})
	req := append(line, '\n')
	report := func(err error) { b.Fatal(err) }
	var out reply
	b.Run("attended", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			point.Attend()
			if len(answer(req, point, report, &out)) == 0 {
				b.Fatal("no answer")
			}
		}
		point.Release()
	})
	b.Run("alone", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if len(answer(req, point, report, &out)) == 0 {
				b.Fatal("no answer")
			}
		}
	})
}
