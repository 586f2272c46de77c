package shell

import (
	"strings"

	"rampart.dev/pkg/catalog"
)

// A program that runs a command elsewhere (in a container, a VM, on
// another host) hands that command its own standard input: given a shell
// that reads its input, it runs the line's pipe as a script, wherever the
// shell is. The elsewhere-runners the catalogue lists as wrappers (kubectl
// exec, lxc exec, docker exec) are peeled by the walk; those that take the
// command as one shell string (vagrant ssh -c, gcloud compute ssh
// --command, sh -c) and container runs (docker run -i IMAGE CMD), whose
// command follows an image, are read here.

// loneCommand splits a shell string that is one simple command (no
// operators, quotes, expansions or redirections) into its words.
func loneCommand(s string) ([]string, bool) {
	if strings.ContainsAny(s, ";|&<>()$`'\"\\\n{}*?[") {
		return nil, false
	}
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil, false
	}
	return f, true
}

// loneReadsStdin reports whether a shell string that is one command (its
// wrappers peeled: sudo bash) reads its input as its script.
func loneReadsStdin(s string) (string, bool) {
	f, ok := loneCommand(s)
	if !ok {
		return "", false
	}
	inner, _, _ := innermost(f, nil, nil)
	if len(inner) == 0 {
		return "", false
	}
	return readsStdin(inner)
}

// shellStringOf gives the shell string a catalogued wrapper runs (vagrant
// ssh -c STR, gcloud compute ssh --command STR).
func shellStringOf(name string, words []string) (string, bool) {
	cat := catalog.Default()
	if !cat.IsWrapper(name) {
		return "", false
	}
	_, sh, ok := cat.Wrapped(name, words[1:])
	return sh, ok && sh != ""
}

// containerRunners are the programs whose run verb starts a container from
// an image and runs the words after the image in it.
func containerRunner(name string) bool {
	switch name {
	case "docker", "podman", "nerdctl", "finch":
		return true
	}
	return false
}

// containerRunCommand gives the command a container run executes (the
// words after the image) when the container is given the run's standard
// input (-i, --interactive); ok is false for another verb or a run that
// reads no input. An empty command is the image's own, unknown here.
func containerRunCommand(name string, words []string) (cmd []string, ok bool) {
	args := words[1:]
	v := verbIndex(args, "run")
	if v < 0 {
		c := verbIndex(args, "container")
		if c < 0 || c+1 >= len(args) || args[c+1] != "run" {
			return nil, false
		}
		v = c + 1
	}
	image := ImageIndex(name, args)
	if image < 0 {
		return nil, false
	}
	interactive := false
	for _, w := range args[v+1 : image] {
		if w == "--interactive" || w == "--interactive=true" || shortCluster(w, 'i', "itdPq") {
			interactive = true
		}
	}
	if !interactive {
		return nil, false
	}
	if image+1 >= len(args) {
		return []string{""}, true
	}
	return args[image+1:], true
}

// ImageIndex is the index in args (the words after the program's name) of
// the image a container run (docker run, podman container run) starts, -1
// when there is none.
func ImageIndex(name string, args []string) int {
	cl := catalog.Default().Classify(name, args)
	image := -1
	for _, w := range cl.Words {
		if w.Option == "" && (image < 0 || w.Index < image) {
			image = w.Index
		}
	}
	if image >= 0 && image < len(args) && (args[image] == "run" || args[image] == "container") {
		return -1 // the verb, when the catalogue lists none
	}
	return image
}

// shortCluster reports whether w is a cluster of short flags, each from
// letters, that holds the flag f.
func shortCluster(w string, f byte, letters string) bool {
	if len(w) < 2 || w[0] != '-' || w[1] == '-' || strings.IndexByte(w, f) < 0 {
		return false
	}
	for i := 1; i < len(w); i++ {
		if strings.IndexByte(letters, w[i]) < 0 {
			return false
		}
	}
	return true
}

// ShellElsewhere reports whether c, a program that is not itself a shell
// or interpreter (ssh, a container run, a VM's or host's command runner),
// hands its standard input to a shell that reads it as its script.
func ShellElsewhere(c *Command) bool {
	if k := c.kindsOf(); k&kindInterpreter != 0 || k&kindStdinReader == 0 { // (isInterpreter's bit)
		return false
	}
	var buf [16]string
	words := append(append(buf[:0], c.Program), c.Args...)
	lang, stdin := readsStdin(words)
	return stdin && (lang == "sh" || lang == "cmd") // cmd.exe reads its input as a shell does
}

// imageCommand gives the program a container run executes when the image
// is one the catalogue knows to run a program (catalog.ImageProgram):
// docker run hashicorp/terraform apply runs terraform apply, docker run
// postgres:16 psql … runs psql, and with --entrypoint X the image's words
// go to X. ok is false for another verb or image, whose command works on
// the container's own files.
func imageCommand(name string, words []string, dyn []bool) (inner []string, idyn []bool, ok bool) {
	args := words[1:]
	v := verbIndex(args, "run")
	if v < 0 {
		v = verbIndex(args, "create")
	}
	if v < 0 {
		c := verbIndex(args, "container")
		if c < 0 || c+1 >= len(args) || args[c+1] != "run" {
			return nil, nil, false
		}
		v = c + 1
	}
	image := ImageIndex(name, args)
	if image < 0 || dyn != nil && dyn[image+1] {
		return nil, nil, false
	}
	rest := args[image+1:]
	cmd, ok := catalog.ImageProgram(args[image], rest)
	if !ok {
		return nil, nil, false
	}
	for i := v + 1; i < image; i++ {
		ep, found := strings.CutPrefix(args[i], "--entrypoint=")
		if !found && args[i] == "--entrypoint" && i+1 < image {
			ep, found = args[i+1], true
		}
		if found && ep != "" {
			cmd = append([]string{ep}, rest...)
		}
	}
	if dyn == nil {
		return cmd, nil, true
	}
	idyn = make([]bool, len(cmd))
	copy(idyn[len(cmd)-len(rest):], dyn[image+2:])
	return cmd, idyn, true
}
