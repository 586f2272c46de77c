package catalog

import "testing"

// TestRunsNoneWithPid checks that taskset, chrt and gdbserver, given the
// option that makes their operands a running process's id, run no
// command of their operands, and still run the one they are given
// without it.
func TestRunsNoneWithPid(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		name string
		args []string
		runs bool
	}{
		{"taskset", []string{"-c", "0-3", "./bench", "--threads", "4"}, true},
		{"taskset", []string{"-cp", "2", "$(pgrep -f bin/api)"}, false},
		{"taskset", []string{"-p", "0x3", "4242"}, false},
		{"taskset", []string{"--pid", "3", "4242"}, false},
		{"chrt", []string{"-f", "10", "./bin/api"}, true},
		{"chrt", []string{"-p", "10", "4242"}, false},
		{"gdbserver", []string{"localhost:2345", "./build/app", "--port", "8080"}, true},
		{"gdbserver", []string{"localhost:2345", "--attach", "4242"}, false},
	} {
		if _, _, ok := c.Wrapped(tc.name, tc.args); ok != tc.runs {
			t.Errorf("Wrapped(%s %v) runs = %v, want %v", tc.name, tc.args, ok, tc.runs)
		}
	}
}

// TestFuzzingCompilersOrdinary checks that the fuzzers' compiler wrappers
// (AFL++'s, honggfuzz's) set as CC are everyday use, as the compilers they
// wrap are, and an unknown program is not.
func TestFuzzingCompilersOrdinary(t *testing.T) {
	s := LookupSetting("env", "CC")
	if s == nil {
		t.Fatal("no setting for CC")
	}
	for _, p := range []string{"afl-clang-fast", "afl-clang-lto++", "afl-gcc-fast", "hfuzz-clang", "clang"} {
		if !s.OrdinaryProgram(p) {
			t.Errorf("CC=%s: not everyday use", p)
		}
	}
	if s.OrdinaryProgram("afl-fuzz-helper") {
		t.Errorf("CC=afl-fuzz-helper: everyday use")
	}
}
