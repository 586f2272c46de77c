package engine

import (
	"testing"

	"rampart.dev/pkg/call"
)

// TestDiskScriptTextsRun checks that a script on disk whose text a line
// runs through eval, a process substitution or -c, or through another
// language's runner, is judged by its text, and that harmless ones pass.
func TestDiskScriptTextsRun(t *testing.T) {
	e := diskEngine(t, map[string]string{
		"/home/dev/project/f.sh":      "rm -rf ~\n",
		"/home/dev/project/ok.sh":     "export A=1\nmake test\n",
		"/home/dev/project/p.awk":     "BEGIN { system(\"rm -rf ~\") }\n",
		"/home/dev/project/sum.awk":   "{ s += $2 } END { print s }\n",
		"/home/dev/project/x.R":       "system(\"rm -rf ~\")\n",
		"/home/dev/project/fit.R":     "print(summary(cars))\n",
		"/home/dev/project/x.jl":      "run(`rm -rf /home/dev`)\n",
		"/home/dev/project/x.php":     "<?php system(\"rm -rf ~\"); ?>\n",
		"/home/dev/project/x.lua":     "os.execute(\"rm -rf ~\")\n",
		"/home/dev/project/x.tcl":     "exec rm -rf ~\n",
		"/home/dev/project/x.scpt":    "do shell script \"rm -rf ~\"\n",
		"/home/dev/project/ok.lua":    "print(_VERSION)\n",
		"/home/dev/project/notify.js": "console.log(1)\n",
	})
	for line, want := range map[string]call.Action{
		`eval "$(cat f.sh)"`:         call.Deny,
		`eval "$(< f.sh)"`:           call.Deny,
		`source <(cat f.sh)`:         call.Deny,
		`. <(cat ./f.sh)`:            call.Deny,
		`bash -c "$(cat f.sh)"`:      call.Deny,
		`sh -c "$(cat f.sh)"`:        call.Deny,
		`eval "$(cat ok.sh)"`:        call.Allow,
		`source <(cat ok.sh)`:        call.Allow,
		`bash -c "$(cat ok.sh)"`:     call.Allow,
		`awk -f p.awk data.csv`:      call.Deny,
		`gawk --file=p.awk data.csv`: call.Deny,
		`awk -f sum.awk data.csv`:    call.Allow,
		`Rscript x.R`:                call.Deny,
		`R -f x.R`:                   call.Deny,
		`Rscript fit.R`:              call.Allow,
		`julia x.jl`:                 call.Deny,
		`php x.php`:                  call.Deny,
		`lua x.lua`:                  call.Deny,
		`lua ok.lua`:                 call.Allow,
		`tclsh x.tcl`:                call.Deny,
		`osascript x.scpt`:           call.Deny,
	} {
		if d := e.Evaluate(mkCall(call.ToolExec, line)); d.Decision != want {
			t.Errorf("%q = %v (%s), want %v", line, d.Decision, d.Message, want)
		}
	}
}
