package shell

// AllExport gives whether the shell exports every variable it assigns
// after set ARGS, from whether it did before: set -a (-ae, -o allexport)
// turns it on, set +a (+o allexport) off; set -- ARGS only sets the
// positional parameters.
func AllExport(args []string, was bool) bool {
	return ShellOption(args, 'a', "allexport", was)
}
