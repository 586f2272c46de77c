package shell

import "strings"

// Loading a pickle runs whatever code the pickle's author put in it:
// pickle.load, torch.load (unless told weights_only=True), joblib, dill,
// cloudpickle, pandas.read_pickle, numpy.load with allow_pickle=True,
// torch.hub.load of a repository's hubconf, torch.hub's
// load_state_dict_from_url (torch.load of what it fetches), and a Keras
// model loaded with safe_mode=False (its Lambda layers' code runs). Python code that talks to the
// network and loads a pickle most likely loads what it fetched (a model
// file from a stranger's host): code nobody here has read, as eval of a
// download is. The same loads of the project's own files, with no network
// in the code, are everyday work.

// unpicklers are the Python calls that load a pickle (and so run code).
var unpicklers = []string{"pickle.load", "torch.load(", "joblib.load(", "dill.load", "cloudpickle.load",
	"read_pickle(", "allow_pickle=True", "torch.hub.load(", "shelve.open(", "load_state_dict_from_url", "safe_mode=False",
	// the same loaders under other names: imported bare (from pickle
	// import loads as l), the C module, the Unpickler class
	"from pickle import", "from dill import", "from cloudpickle import", "from joblib import load", "_pickle.load", "cPickle.load", "Unpickler(",
	// loaders that build arbitrary objects as a pickle does: YAML's
	// unsafe loaders, jsonpickle, marshal's code objects
	"yaml.unsafe_load", "yaml.Loader", "yaml.UnsafeLoader", "jsonpickle.decode", "marshal.load"}

// unpickles reports whether Python code loads a pickle: one of the
// unpicklers, torch.load and load_state_dict_from_url counting only
// without weights_only=True.
func unpickles(code string) bool {
	for _, u := range unpicklers {
		if !strings.Contains(code, u) {
			continue
		}
		if (u == "torch.load(" || u == "load_state_dict_from_url") && strings.Contains(code, "weights_only=True") {
			continue
		}
		return true
	}
	return false
}

// PickleLoads returns the files Python code run by c loads as pickles, as
// its literals name them (torch.load('lora.bin'), pickle.load(open(
// 'm.pkl', 'rb'))): every quoted literal that looks like a file's name in
// code that loads a pickle. Loading one runs the code the pickle holds,
// so a pickle the line downloaded and then loads is a download run, as
// curl -o x.sh URL && sh x.sh is (engine/download.go). Nil for other
// commands.
func PickleLoads(c *Command) []string {
	if scriptLang(c.Name) != "python" {
		return nil
	}
	code, ok, stdin := InterpreterCode(c)
	if !ok && stdin && len(c.Stdin) > 0 {
		code, ok = strings.Join(c.Stdin, "\n"), true
	}
	if !ok || !unpickles(code) {
		return nil
	}
	var out []string
	LiteralSpans(code, `'"`, func(start, end int) {
		if end-start < 3 {
			return
		}
		lit := code[start+1 : end-1]
		if strings.ContainsAny(lit, " \t\n{}()$%") || strings.Contains(lit, "://") || !strings.ContainsAny(lit, "./") {
			return // not a file's name: text, a URL, a mode ('rb')
		}
		out = append(out, lit)
	})
	return out
}
